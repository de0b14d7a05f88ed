package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks;
import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.meinbereich.kampagnen.CampaignNetwork.Opened;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.Paging;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * A coordinator's returnee campaigns (issue #18, outreach-service's {@code /api/campaigns}): the network's campaigns,
 * paged; a new one and a change of one, with the refusals at the fields; a campaign's page with its batches; and its
 * status moved on (Entwurf → Läuft → Abgeschlossen). The service decides what may be read or changed.
 */
@Controller
class CampaignsController {

    private static final Map<String, String> NEXT = Map.of("DRAFT", "ACTIVE", "ACTIVE", "CLOSED");

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CampaignNetwork networks;
    private final CoordinatedNetworks coordinated;

    CampaignsController(PlatformApi api, WorkspaceAccess access, CampaignNetwork networks, CoordinatedNetworks coordinated) {
        this.api = api;
        this.access = access;
        this.networks = networks;
        this.coordinated = coordinated;
    }

    /** One network: straight to its campaigns; several: the coordinator picks one. */
    @GetMapping("/mein-bereich/kampagnen")
    String networks(Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KAMPAGNEN, model, request, response);
        return coordinated.straightToTheOnly(visit, "/mein-bereich/kampagnen", model).orElse("kampagnen/netzwerke");
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}")
    String campaigns(@PathVariable String networkId, @RequestParam(name = "seite", required = false) Integer seite, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Opened network = networks.open(networkId, "kampagnen", model, request, response);
        JsonNode page = api.get("/api/campaigns?networkId={n}&page={p}&size={s}", network.visit().bearer(), network.networkId(),
                Paging.requested(seite), Paging.SIZE);
        model.addAttribute("campaigns", page.path("items"));
        model.addAttribute("paging", Paging.of(page));
        return "kampagnen/kampagnen";
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/neu")
    String blank(@PathVariable String networkId, Model model, HttpServletRequest request, HttpServletResponse response) {
        networks.open(networkId, "kampagnen", model, request, response);
        model.addAttribute("form", new CampaignForm());
        return "kampagnen/kampagne-formular";
    }

    @PostMapping("/mein-bereich/kampagnen/{networkId}/neu")
    String create(@PathVariable String networkId, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Opened network = networks.check(networkId, model, request, response);
        form.check(errors);
        if (!errors.hasErrors()) {
            try {
                JsonNode created = api.post("/api/campaigns", form.request(network.networkId(), null), network.visit().bearer());
                redirect.addFlashAttribute("meldung", "Die Kampagne „" + created.path("title").asString()
                        + "“ ist als Entwurf angelegt. Legen Sie jetzt eine Charge Material an.");
                return SeeOther.to(request, CampaignNetwork.base(network.networkId()) + "/" + created.path("id").asString());
            } catch (ApiProblem refused) {
                refusedAtFields(refused, errors, "Die Kampagne konnte nicht angelegt werden.");
            }
        }
        response.setStatus(422);
        networks.open(networkId, "kampagnen", model, request, response);
        return "kampagnen/kampagne-formular";
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}")
    String campaign(@PathVariable String networkId, @PathVariable String campaignId, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened network = networks.open(networkId, "kampagnen", model, request, response);
        show(network, campaignId, model);
        model.addAttribute("neueCharge", new BatchForm());
        return "kampagnen/kampagne";
    }

    /** The campaign and its batches (at most the service's batch limit, so the list is bounded) for its page. */
    void show(Opened network, String campaignId, Model model) {
        JsonNode campaign = networks.campaign(network, campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("batches", api.get("/api/campaigns/{id}/batches", network.visit().bearer(), campaign.path("id").asString()));
        model.addAttribute("next", NEXT.get(campaign.path("status").asString("")));
        model.addAttribute("channels", Worte.CHANNEL); // a fragment's parameter may not call a bean
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/bearbeiten")
    String edit(@PathVariable String networkId, @PathVariable String campaignId, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Opened network = networks.open(networkId, "kampagnen", model, request, response);
        JsonNode campaign = networks.campaign(network, campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", CampaignForm.of(campaign));
        return "kampagnen/kampagne-formular";
    }

    @PostMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/bearbeiten")
    String update(@PathVariable String networkId, @PathVariable String campaignId, @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Opened network = networks.check(networkId, model, request, response);
        JsonNode campaign = networks.campaign(network, campaignId);
        form.check(errors);
        if (!errors.hasErrors()) {
            try {
                api.put("/api/campaigns/{id}", form.request(network.networkId(), campaign.path("partnerIds")), network.visit().bearer(),
                        campaign.path("id").asString());
                redirect.addFlashAttribute("meldung", "Die Änderungen an der Kampagne sind gespeichert.");
                return SeeOther.to(request, CampaignNetwork.base(network.networkId()) + "/" + campaign.path("id").asString());
            } catch (ApiProblem refused) {
                if (refused.is(409, "campaign-closed")) {
                    errors.reject("closed", "Die Kampagne ist abgeschlossen und kann nicht mehr geändert werden.");
                } else {
                    refusedAtFields(refused, errors, "Die Änderungen konnten nicht gespeichert werden.");
                }
            }
        }
        response.setStatus(errors.hasGlobalErrors() && !errors.hasFieldErrors() ? 409 : 422);
        networks.open(networkId, "kampagnen", model, request, response);
        model.addAttribute("campaign", campaign);
        return "kampagnen/kampagne-formular";
    }

    /** Moves the campaign one step on; the button names the step, the service decides whether it is allowed. */
    @PostMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/stand")
    String status(@PathVariable String networkId, @PathVariable String campaignId, @RequestParam(name = "stand", required = false) String to,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Opened network = networks.check(networkId, model, request, response);
        String id = PathIds.id(campaignId);
        JsonNode campaign = networks.campaign(network, id);
        String target = CampaignNetwork.base(network.networkId()) + "/" + id;
        if (to == null || !NEXT.containsValue(to)) {
            redirect.addFlashAttribute("refusal", "Bitte wählen Sie einen Schritt der Kampagne.");
            return SeeOther.to(request, target);
        }
        try {
            api.put("/api/campaigns/{id}/status", Map.of("status", to), network.visit().bearer(), id);
            redirect.addFlashAttribute("meldung", "ACTIVE".equals(to)
                    ? "Die Kampagne „" + campaign.path("title").asString() + "“ läuft jetzt."
                    : "Die Kampagne „" + campaign.path("title").asString() + "“ ist abgeschlossen; sie kann nicht mehr geändert werden.");
        } catch (ApiProblem refused) {
            if (!refused.is(409, "illegal-campaign-transition")) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", "Dieser Schritt ist nicht möglich: die Kampagne steht schon auf „"
                    + Worte.STATUS.getOrDefault(campaign.path("status").asString(""), "?") + "“.");
        }
        return SeeOther.to(request, target);
    }

    private static void refusedAtFields(ApiProblem refused, BindingResult errors, String fallback) {
        if (refused.status() != 400 && refused.status() != 422) {
            throw refused;
        }
        FormErrors.apply(refused, errors, CampaignForm.MESSAGES, CampaignForm.API_FIELDS, fallback);
    }
}
