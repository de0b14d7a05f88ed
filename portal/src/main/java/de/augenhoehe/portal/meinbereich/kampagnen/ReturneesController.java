package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.ActiveMembers;
import de.augenhoehe.portal.meinbereich.kampagnen.CampaignNetwork.Opened;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.Paging;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * The network's confirmed returnees as outreach-service shows them to coordinators ({@code /api/returnees}): first
 * name, occupation, region, interests — the e-mail only where the person agreed to be contacted — paged; and the
 * recording of a return or a hire, each after a page that asks to confirm (a hire counts in the give-and-gain ledger
 * of the employer, which is chosen there). Recorded once: a second time the service refuses (409) and the page says so.
 */
@Controller
class ReturneesController {

    private static final String RETURN = "rueckkehr";
    private static final String HIRE = "einstellung";

    private final PlatformApi api;
    private final CampaignNetwork networks;
    private final ActiveMembers members;

    ReturneesController(PlatformApi api, CampaignNetwork networks, ActiveMembers members) {
        this.api = api;
        this.networks = networks;
        this.members = members;
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/rueckkehrende")
    String returnees(@PathVariable String networkId, @RequestParam(name = "seite", required = false) Integer seite, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        list(networks.open(networkId, "rueckkehrende", model, request, response), seite, model);
        return "kampagnen/rueckkehrende";
    }

    private JsonNode list(Opened network, Integer seite, Model model) {
        JsonNode page = api.get("/api/returnees?networkId={n}&page={p}&size={s}", network.visit().bearer(), network.networkId(),
                Paging.requested(seite), Paging.SIZE);
        model.addAttribute("returnees", page.path("items"));
        model.addAttribute("paging", Paging.of(page));
        return page;
    }

    /** The page that asks to confirm; the person is looked up on the list page the link came from. */
    @GetMapping("/mein-bereich/kampagnen/{networkId}/rueckkehrende/{returneeId}/{what:rueckkehr|einstellung}")
    String confirm(@PathVariable String networkId, @PathVariable String returneeId, @PathVariable String what,
            @RequestParam(name = "seite", required = false) Integer seite, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened network = networks.open(networkId, "rueckkehrende", model, request, response);
        String id = PathIds.id(returneeId);
        JsonNode found = null;
        for (JsonNode r : list(network, seite, model).path("items")) {
            if (id.equals(r.path("id").asString())) {
                found = r;
            }
        }
        if (found == null) {
            throw ApiProblem.notFound("returnee not on this page of the list");
        }
        model.addAttribute("returnee", found);
        model.addAttribute("what", what);
        model.addAttribute("seite", Paging.requested(seite) + 1);
        if (HIRE.equals(what)) {
            model.addAttribute("employers", members.of(network.networkId(), network.visit().bearer()));
        }
        return "kampagnen/erfassen";
    }

    @PostMapping("/mein-bereich/kampagnen/{networkId}/rueckkehrende/{returneeId}/{what:rueckkehr|einstellung}")
    String record(@PathVariable String networkId, @PathVariable String returneeId, @PathVariable String what,
            @RequestParam(name = "seite", required = false) Integer seite, @RequestParam(name = "arbeitgeber", required = false) String employer,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Opened network = networks.check(networkId, model, request, response);
        String id = PathIds.id(returneeId);
        String back = CampaignNetwork.base(network.networkId()) + "/rueckkehrende" + (seite == null ? "" : "?seite=" + seite);
        JsonNode recorded;
        try {
            if (RETURN.equals(what)) {
                recorded = api.post("/api/returnees/{id}/returned", null, network.visit().bearer(), id);
            } else {
                if (employer == null || employer.isBlank()) {
                    response.setStatus(422);
                    model.addAttribute("employerError", "Bitte wählen Sie, wer eingestellt hat.");
                    return confirm(networkId, returneeId, what, seite, model, request, response);
                }
                recorded = api.post("/api/returnees/{id}/hired", Map.of("employerId", PathIds.id(employer)),
                        network.visit().bearer(), id);
            }
        } catch (ApiProblem refused) {
            if (!refused.is(409, "already-recorded")) {
                throw refused;
            }
            response.setStatus(409);
            model.addAttribute("refusal", RETURN.equals(what) ? "Die Rückkehr dieser Person ist schon erfasst; sie zählt nur einmal."
                    : "Die Einstellung dieser Person ist schon erfasst; sie zählt nur einmal.");
            list(networks.open(networkId, "rueckkehrende", model, request, response), seite, model);
            return "kampagnen/rueckkehrende";
        }
        String name = recorded.path("firstName").asString("");
        redirect.addFlashAttribute("meldung", RETURN.equals(what)
                ? "Rückkehr erfasst: " + name + " ist in die Region zurückgekehrt. Das zählt im Trichter der Kampagne."
                : "Einstellung erfasst: " + name + " ist eingestellt. Das zählt im Trichter und im Geben und Nehmen des Arbeitgebers.");
        return SeeOther.to(request, back);
    }
}
