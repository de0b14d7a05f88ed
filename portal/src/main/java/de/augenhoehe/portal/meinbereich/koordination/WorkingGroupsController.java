package de.augenhoehe.portal.meinbereich.koordination;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * The coordinator's working groups and expert circle: the network's groups, a group's meetings and decisions, a new
 * motion put to the member partners, and a decision's votes, quorum and result — closed by the coordinator
 * ({@code /api/working-groups…}). Voting is the member partners' (ArbeitsgruppenController).
 */
@Controller
class WorkingGroupsController {

    /** A motion for the member partners to vote on. */
    static class Motion {
        @NotBlank(message = "Bitte geben Sie der Abstimmung einen Titel.")
        @Size(max = 300, message = "Der Titel darf höchstens 300 Zeichen lang sein.")
        private String titel;
        @Size(max = 4000, message = "Der Antrag darf höchstens 4000 Zeichen lang sein.")
        private String antrag;

        public String getTitel() {
            return titel;
        }

        public void setTitel(String titel) {
            this.titel = titel;
        }

        public String getAntrag() {
            return antrag;
        }

        public void setAntrag(String antrag) {
            this.antrag = antrag;
        }
    }

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CoordinatedNetwork networks;
    private final GroupPages pages;

    WorkingGroupsController(PlatformApi api, WorkspaceAccess access, CoordinatedNetwork networks, GroupPages pages) {
        this.api = api;
        this.access = access;
        this.networks = networks;
        this.pages = pages;
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/gremien")
    String groups(@PathVariable String networkId, @RequestParam(name = "seite", required = false) Integer seite, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        pages.forCoordinatorList(visit, networks.open(visit, networkId, "gremien", model), seite, model);
        return "koordination/gruppen";
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}")
    String group(@PathVariable String networkId, @PathVariable String groupId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = visit(model, request, response);
        pages.forCoordinator(visit, networks.open(visit, networkId, "gremien", model), groupId, model);
        return "koordination/gruppe";
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/entscheidungen")
    String propose(@PathVariable String networkId, @PathVariable String groupId, @Valid @ModelAttribute("motion") Motion motion,
            BindingResult form, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = visit(model, request, response);
        String network = CoordinatedNetwork.require(visit, networkId);
        String group = PathIds.id(groupId);
        if (!form.hasErrors()) {
            try {
                JsonNode d = api.post("/api/working-groups/{id}/decisions",
                        Map.of("title", motion.getTitel().strip(), "motion", motion.getAntrag() == null ? "" : motion.getAntrag().strip()),
                        visit.bearer(), group);
                redirect.addFlashAttribute("meldung", "Die Abstimmung „" + d.path("title").asString() + "“ ist eröffnet. "
                        + "Die Vertretungen der Mitgliedspartner können jetzt abstimmen.");
                return SeeOther.to(request, GroupPages.base(network) + "/" + group + "/entscheidungen/" + d.path("id").asString());
            } catch (ApiProblem refused) {
                if (refused.status() != 400 && refused.status() != 422) {
                    throw refused;
                }
                FormErrors.apply(refused, form, Map.of("titel", "Bitte prüfen Sie den Titel.", "antrag", "Bitte prüfen Sie den Antrag."),
                        Map.of("title", "titel", "motion", "antrag"), "Die Abstimmung konnte nicht eröffnet werden.");
            }
        }
        response.setStatus(422);
        pages.forCoordinator(visit, networks.open(visit, networkId, "gremien", model), groupId, model);
        return "koordination/gruppe";
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/entscheidungen/{decisionId}")
    String decision(@PathVariable String networkId, @PathVariable String groupId, @PathVariable String decisionId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = visit(model, request, response);
        Network network = networks.open(visit, networkId, "gremien", model);
        GroupPages.inNetwork(pages.decision(visit, groupId, decisionId, model), network);
        model.addAttribute("base", GroupPages.base(network.id()));
        model.addAttribute("coordinator", true);
        return "koordination/entscheidung";
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/entscheidungen/{decisionId}/schliessen")
    String close(@PathVariable String networkId, @PathVariable String groupId, @PathVariable String decisionId, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = visit(model, request, response);
        String network = CoordinatedNetwork.require(visit, networkId);
        String group = PathIds.id(groupId);
        String decision = PathIds.id(decisionId);
        String target = GroupPages.base(network) + "/" + group + "/entscheidungen/" + decision;
        try {
            JsonNode closed = api.post("/api/working-groups/{id}/decisions/{d}/close", null, visit.bearer(), group, decision);
            JsonNode t = closed.path("tally");
            redirect.addFlashAttribute("meldung", "Die Abstimmung ist geschlossen. Ergebnis: "
                    + Words.RESULT.getOrDefault(t.path("result").asString(""), "?") + " (" + t.path("yes").asInt() + " Ja, "
                    + t.path("no").asInt() + " Nein, " + t.path("abstentions").asInt() + " Enthaltungen von "
                    + t.path("eligible").asInt() + " Stimmberechtigten).");
        } catch (ApiProblem refused) {
            if (!refused.is(409, "decision-closed")) {
                throw refused;
            }
            redirect.addFlashAttribute("meldung", "Diese Abstimmung war schon geschlossen; das Ergebnis steht unten.");
        }
        return SeeOther.to(request, target);
    }

    private Visit visit(Model model, HttpServletRequest request, HttpServletResponse response) {
        return access.open(Workspace.KOORDINATION, model, request, response);
    }

}
