package de.augenhoehe.portal.meinbereich.koordination;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * How a coordinator sets up the network's groups in the browser: forms a working group or the expert circle
 * ({@code POST /api/working-groups}), lets an active member partner join ({@code POST …/members}) and leave
 * ({@code DELETE …/members/{partnerId}}). Every person of a member partner may then vote for it.
 */
@Controller
class GroupSetupController {

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CoordinatedNetwork networks;
    private final GroupPages pages;

    GroupSetupController(PlatformApi api, WorkspaceAccess access, CoordinatedNetwork networks, GroupPages pages) {
        this.api = api;
        this.access = access;
        this.networks = networks;
        this.pages = pages;
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien")
    String form(@PathVariable String networkId, @Valid @ModelAttribute("gruppe") GroupForm gruppe, BindingResult form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        Network network = networks.open(visit, networkId, "gremien", model);
        gruppe.check(form);
        if (!form.hasErrors()) {
            JsonNode g = api.post("/api/working-groups", gruppe.toApi(network.id()), visit.bearer());
            redirect.addFlashAttribute("meldung", (GroupForm.KINDS.get(gruppe.getArt())) + " „" + g.path("name").asString()
                    + "“ ist gebildet. Nehmen Sie jetzt die Mitgliedspartner auf.");
            return SeeOther.to(request, GroupPages.base(network.id()) + "/" + g.path("id").asString());
        }
        response.setStatus(422);
        pages.forCoordinatorList(visit, network, null, model);
        return "koordination/gruppen";
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/mitglieder")
    String join(@PathVariable String networkId, @PathVariable String groupId, @RequestParam(name = "partner", defaultValue = "") String partner,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        String network = CoordinatedNetwork.require(visit, networkId);
        String group = PathIds.id(groupId);
        String back = GroupPages.base(network) + "/" + group + "#mitgliedspartner";
        if (partner.isBlank()) {
            redirect.addFlashAttribute("refusal", "Bitte wählen Sie einen Partner aus der Liste.");
            return SeeOther.to(request, back);
        }
        String id = PathIds.id(partner);
        try {
            api.post("/api/working-groups/{id}/members", Map.of("partnerId", id), visit.bearer(), group);
            redirect.addFlashAttribute("meldung", partnerName(id) + " ist jetzt Mitgliedspartner der Gruppe und stimmt mit ab.");
        } catch (ApiProblem refused) {
            if (!refused.is(400, "not-a-network-member") && !refused.is(400, "unknown-partner")) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", "Nur aktive Mitglieder des Netzwerks können in eine Gruppe aufgenommen werden.");
        }
        return SeeOther.to(request, back);
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/mitglieder/{partnerId}/entfernen")
    String leave(@PathVariable String networkId, @PathVariable String groupId, @PathVariable String partnerId, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        String network = CoordinatedNetwork.require(visit, networkId);
        String group = PathIds.id(groupId);
        String id = PathIds.id(partnerId);
        api.delete("/api/working-groups/{id}/members/{partner}", visit.bearer(), group, id);
        redirect.addFlashAttribute("meldung", partnerName(id) + " gehört der Gruppe nicht mehr an; abgegebene Stimmen bleiben gezählt.");
        return SeeOther.to(request, GroupPages.base(network) + "/" + group + "#mitgliedspartner");
    }

    private String partnerName(String partnerId) {
        return api.get("/api/partners/{id}", partnerId).path("name").asString("Der Partner");
    }
}
