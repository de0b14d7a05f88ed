package de.augenhoehe.portal.meinbereich.firma;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;

/**
 * One posting of the company: create it ({@code POST /api/vacancies}, a draft), change it ({@code PUT
 * /api/vacancies/{id}} with the ETag of the version the form was loaded with as {@code If-Match}), publish, withdraw,
 * mark filled. A change over a newer version (412) shows what is stored now next to what the person typed, and keeps
 * the typing: nothing is lost, and saving again is a deliberate choice.
 */
@Controller
class PostingEditor {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final String FIX_INPUT = "Bitte prüfen Sie Ihre Angaben.";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final PlatformApi api;
    private final WorkspaceAccess access;

    PostingEditor(PlatformApi api, WorkspaceAccess access) {
        this.api = api;
        this.access = access;
    }

    @GetMapping("/mein-bereich/firma/stellen/neu")
    String blank(Model model, HttpServletRequest request, HttpServletResponse response) {
        access.open(Workspace.FIRMA, model, request, response);
        model.addAttribute("form", PostingForm.blank(LocalDate.now(BERLIN)));
        return newPage(model);
    }

    @PostMapping("/mein-bereich/firma/stellen/neu")
    Object create(@Valid @ModelAttribute("form") PostingForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        if (result.hasErrors()) {
            response.setStatus(422);
            return newPage(model);
        }
        JsonNode created;
        try {
            created = api.post("/api/vacancies", form.toApi(), visit.bearer());
        } catch (ApiProblem problem) {
            refusedAtFields(problem, result);
            response.setStatus(problem.status());
            return newPage(model);
        }
        flash.addFlashAttribute("meldung", "Die Stelle ist als Entwurf gespeichert. Veröffentlichen Sie sie, wenn sie fertig ist.");
        return SeeOther.view("/mein-bereich/firma/stellen/" + created.path("id").asString());
    }

    @GetMapping("/mein-bereich/firma/stellen/{id}")
    String edit(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        JsonNode posting = read(id, visit);
        model.addAttribute("form", PostingForm.of(posting));
        return postingPage(posting, model);
    }

    @PostMapping("/mein-bereich/firma/stellen/{id}")
    Object save(@PathVariable String id, @Valid @ModelAttribute("form") PostingForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        if (result.hasErrors()) {
            response.setStatus(422);
            return postingPage(read(id, visit), model);
        }
        try {
            api.put("/api/vacancies/{id}", form.toApi(), visit.ifMatch(form.getVersion()), id);
        } catch (ApiProblem problem) {
            if (problem.status() == 412 || problem.status() == 428) {
                return conflict(id, form, visit, model, response);
            }
            if (problem.status() == 409) {
                result.reject("api.closed", "Diese Stelle ist beendet und lässt sich nicht mehr ändern.");
            } else {
                refusedAtFields(problem, result);
            }
            response.setStatus(problem.status());
            return postingPage(read(id, visit), model);
        }
        flash.addFlashAttribute("meldung", "Ihre Änderungen sind gespeichert.");
        return SeeOther.view("/mein-bereich/firma/stellen/" + id);
    }

    @PostMapping("/mein-bereich/firma/stellen/{id}/veroeffentlichen")
    Object publish(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        return step(id, "publish", null, "Die Stelle ist veröffentlicht. Sie erscheint gleich in der Stellensuche.",
                model, request, response, flash);
    }

    @PostMapping("/mein-bereich/firma/stellen/{id}/zurueckziehen")
    Object withdraw(@PathVariable String id, @RequestParam(name = "grund", defaultValue = "") String reason, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        return step(id, "withdraw", reason, "Die Stelle ist zurückgezogen und nicht mehr öffentlich.", model, request,
                response, flash);
    }

    @PostMapping("/mein-bereich/firma/stellen/{id}/besetzt")
    Object fill(@PathVariable String id, @RequestParam(name = "grund", defaultValue = "") String reason, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        return step(id, "fill", reason, "Die Stelle ist als besetzt markiert. Herzlichen Glückwunsch!", model, request,
                response, flash);
    }

    /** Publish, withdraw, fill: a step the posting's status may no longer allow (another tab was quicker) is said on the page. */
    private Object step(String id, String action, String reason, String done, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        if (reason != null && reason.length() > 500) {
            return refusedStep(id, visit, "Der Grund darf höchstens 500 Zeichen lang sein.", 422, model, response);
        }
        try {
            api.post("/api/vacancies/{id}/" + action, reason == null ? null : reason.isBlank() ? Map.of() : Map.of("reason", reason.strip()), visit.bearer(),
                    wellFormed(id));
        } catch (ApiProblem problem) {
            if (problem.status() != 409 && problem.status() != 412 && problem.status() != 422) {
                throw problem;
            }
            return refusedStep(id, visit, "Das ging nicht: Die Stelle hat inzwischen einen anderen Stand. Hier sehen Sie den aktuellen.",
                    409, model, response);
        }
        flash.addFlashAttribute("meldung", done);
        return SeeOther.view("/mein-bereich/firma/stellen/" + id);
    }

    private String refusedStep(String id, Visit visit, String message, int status, Model model, HttpServletResponse response) {
        JsonNode posting = read(id, visit);
        model.addAttribute("form", PostingForm.of(posting));
        model.addAttribute("fehler", message);
        response.setStatus(status);
        return postingPage(posting, model);
    }

    /** The person's input stays in the form; the version moves to the stored one, so the next save is a deliberate overwrite. */
    private String conflict(String id, PostingForm typed, Visit visit, Model model, HttpServletResponse response) {
        JsonNode current = read(id, visit);
        PostingForm stored = PostingForm.of(current);
        model.addAttribute("differences", typed.differencesFrom(stored));
        typed.setVersion(stored.getVersion());
        model.addAttribute("conflict", true);
        response.setStatus(409);
        return postingPage(current, model);
    }

    private JsonNode read(String id, Visit visit) {
        return api.get("/api/vacancies/{id}", visit.bearer(), wellFormed(id));
    }

    private static String wellFormed(String id) {
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.notFound("no posting id: " + id);
        }
        return id;
    }


    private static void refusedAtFields(ApiProblem problem, BindingResult result) {
        if (problem.status() != 400 && problem.status() != 422) {
            throw problem;
        }
        FormErrors.apply(problem, result, PostingWords.REFUSED, Map.of(), FIX_INPUT);
    }

    private String newPage(Model model) {
        words(model);
        return "firma/stelle-neu";
    }

    private String postingPage(JsonNode posting, Model model) {
        words(model);
        String status = posting.path("status").asString();
        model.addAttribute("posting", posting);
        model.addAttribute("status", PostingWords.STATUSES.getOrDefault(status, status));
        model.addAttribute("editable", Set.of("DRAFT", "PUBLISHED").contains(status));
        model.addAttribute("publishable", "DRAFT".equals(status));
        model.addAttribute("fillable", "PUBLISHED".equals(status));
        return "firma/stelle";
    }

    private static void words(Model model) {
        model.addAttribute("types", PostingWords.TYPES);
        model.addAttribute("workingTimes", PostingWords.WORKING_TIMES);
        model.addAttribute("qualifications", PostingWords.QUALIFICATIONS);
        model.addAttribute("germanLevels", PostingWords.GERMAN_LEVELS);
        model.addAttribute("salaryPeriods", PostingWords.SALARY_PERIODS);
    }
}
