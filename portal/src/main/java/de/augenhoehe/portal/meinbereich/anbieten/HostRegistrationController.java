package de.augenhoehe.portal.meinbereich.anbieten;

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
import de.augenhoehe.portal.web.MeasureWords;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * One registration as its host handles it: everything the platform keeps about the person, as a page that can be
 * printed or handed over when the person asks for their data ({@code GET …/registrations/{rid}/personal-data}); the
 * cancellation of the registration with a reason the person is mailed ({@code POST …/cancellation}); the erasure of
 * name and e-mail on the person's request ({@code DELETE …/personal-data}; counts, attendance and outcome stay).
 */
@Controller
class HostRegistrationController {

    static final String PAGE = MeasuresController.LIST + "/{id}/teilnehmende/{rid}";
    static final int MAX_REASON = 1000;

    private final PlatformApi api;
    private final WorkspaceAccess access;

    HostRegistrationController(PlatformApi api, WorkspaceAccess access) {
        this.api = api;
        this.access = access;
    }

    @GetMapping(PAGE)
    String registration(@PathVariable String id, @PathVariable String rid, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        show(visit, id, rid, model);
        return "anbieten/anmeldung";
    }

    @PostMapping(PAGE + "/stornieren")
    String cancel(@PathVariable String id, @PathVariable String rid, @RequestParam(name = "grund", defaultValue = "") String grund,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        ids(id, rid);
        String reason = grund.strip();
        String wrong = reason.isEmpty() ? "Bitte nennen Sie den Grund; die Person bekommt ihn per E-Mail."
                : reason.length() > MAX_REASON ? "Der Grund ist zu lang: höchstens " + MAX_REASON + " Zeichen (jetzt " + reason.length() + ")."
                : null;
        if (wrong == null) {
            try {
                api.post("/api/measures/{id}/registrations/{rid}/cancellation", Map.of("reason", reason), visit.bearer(), id, rid);
                flash.addFlashAttribute("meldung", "Die Anmeldung ist storniert. Die Person ist per E-Mail informiert; wer auf der "
                        + "Warteliste stand, rückt nach.");
                return SeeOther.to(request, page(id, rid));
            } catch (ApiProblem refused) {
                if (refused.status() != 503) {
                    throw refused;
                }
                wrong = "Die E-Mail an die Person ließ sich gerade nicht versenden. Es wurde nichts storniert; bitte versuchen Sie es "
                        + "in einigen Minuten noch einmal.";
                response.setStatus(503);
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("grundFehler", wrong);
        model.addAttribute("grund", grund);
        show(visit, id, rid, model);
        return "anbieten/anmeldung";
    }

    @PostMapping(PAGE + "/loeschen")
    String erase(@PathVariable String id, @PathVariable String rid, @RequestParam(name = "verlangt", required = false) String verlangt,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        ids(id, rid);
        if (verlangt == null) {
            // an erasure cannot be undone: only on the person's request, which the host confirms by ticking it
            model.addAttribute("loeschFehler", "Bitte bestätigen Sie, dass die Person die Löschung verlangt hat.");
            response.setStatus(400);
            show(visit, id, rid, model);
            return "anbieten/anmeldung";
        }
        api.delete("/api/measures/{id}/registrations/{rid}/personal-data", visit.bearer(), id, rid);
        flash.addFlashAttribute("meldung", "Name und E-Mail-Adresse sind gelöscht. Plätze, Anwesenheit und Ergebnis bleiben ohne "
                + "Personenbezug für die Statistik erhalten.");
        return SeeOther.to(request, page(id, rid));
    }

    private void show(Visit visit, String id, String rid, Model model) {
        ids(id, rid);
        JsonNode data = api.get("/api/measures/{id}/registrations/{rid}/personal-data", visit.bearer(), id, rid);
        model.addAttribute("data", data);
        model.addAttribute("measureId", id);
        model.addAttribute("anmeldung", HostWords.REGISTRATION);
        model.addAttribute("ergebnisse", HostWords.OUTCOMES);
        model.addAttribute("zielgruppen", MeasureWords.TARGET_GROUPS);
        model.addAttribute("words", new Formats());
    }

    private static void ids(String id, String rid) {
        if (!PathIds.isId(id) || !PathIds.isId(rid)) {
            throw ApiProblem.notFound("no measure or registration id");
        }
    }

    private static String page(String id, String rid) {
        return PAGE.replace("{id}", id).replace("{rid}", rid);
    }
}
