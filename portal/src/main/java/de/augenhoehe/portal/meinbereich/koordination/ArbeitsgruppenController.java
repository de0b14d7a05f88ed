package de.augenhoehe.portal.meinbereich.koordination;

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

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * The member partner's side of the working groups (its administrators and staff): the groups it sits in, their
 * meetings and decisions, and the one vote of the partner on an open decision — cast by whichever of its people comes
 * first ({@code POST /api/working-groups/{id}/decisions/{d}/votes}; the service refuses a second vote).
 */
@Controller
class ArbeitsgruppenController {

    private static final Map<String, String> CHOICES = Map.of("ja", "YES", "nein", "NO", "enthaltung", "ABSTAIN");
    private static final String BASE = "/mein-bereich/arbeitsgruppen";

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final GroupPages pages;

    ArbeitsgruppenController(PlatformApi api, WorkspaceAccess access, GroupPages pages) {
        this.api = api;
        this.access = access;
        this.pages = pages;
    }

    @GetMapping(BASE)
    String groups(@RequestParam(name = "seite", required = false) Integer seite, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = open(model, request, response);
        pages.groups(visit, null, seite, model);
        return "koordination/gruppen";
    }

    @GetMapping(BASE + "/{groupId}")
    String group(@PathVariable String groupId, Model model, HttpServletRequest request, HttpServletResponse response) {
        pages.group(open(model, request, response), groupId, model);
        return "koordination/gruppe";
    }

    @GetMapping(BASE + "/{groupId}/entscheidungen/{decisionId}")
    String decision(@PathVariable String groupId, @PathVariable String decisionId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = open(model, request, response);
        pages.decision(visit, groupId, decisionId, model);
        return "koordination/entscheidung";
    }

    @PostMapping(BASE + "/{groupId}/entscheidungen/{decisionId}")
    String vote(@PathVariable String groupId, @PathVariable String decisionId,
            @RequestParam(name = "stimme", required = false) String choice, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = open(model, request, response);
        String group = PathIds.id(groupId);
        String decision = PathIds.id(decisionId);
        String vote = choice == null ? null : CHOICES.get(choice);
        if (vote == null) {
            return refused(visit, group, decision, 422, "Bitte wählen Sie Ja, Nein oder Enthaltung.", true, model, response);
        }
        try {
            api.post("/api/working-groups/{id}/decisions/{d}/votes", Map.of("vote", vote), visit.bearer(), group, decision);
        } catch (ApiProblem problem) {
            String message = switch (problem.slug()) {
                case "already-voted" -> "Für Ihre Organisation ist schon abgestimmt worden; jede Organisation hat eine Stimme.";
                case "decision-closed" -> "Diese Abstimmung ist schon geschlossen; es kann nicht mehr abgestimmt werden.";
                case "not-an-active-member" -> "Ihre Organisation kann nicht abstimmen: ihre Mitgliedschaft im Netzwerk ruht oder ist beendet.";
                case "not-a-member" -> "Ihre Organisation ist kein Mitglied dieser Arbeitsgruppe und kann nicht abstimmen.";
                default -> throw problem;
            };
            return refused(visit, group, decision, problem.status(), message, false, model, response);
        }
        redirect.addFlashAttribute("meldung", "Ihre Stimme „" + Words.VOTE.get(vote) + "“ ist gezählt. Vielen Dank!");
        return SeeOther.to(request, BASE + "/" + group + "/entscheidungen/" + decision);
    }

    private String refused(Visit visit, String group, String decision, int status, String message, boolean atField, Model model,
            HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute(atField ? "voteError" : "refusal", message);
        pages.decision(visit, group, decision, model);
        return "koordination/entscheidung";
    }

    private Visit open(Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.ARBEITSGRUPPEN, model, request, response);
        model.addAttribute("base", BASE);
        model.addAttribute("coordinator", false);
        return visit;
    }
}
