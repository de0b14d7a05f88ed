package de.augenhoehe.portal.massnahmen;

import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;

/**
 * Registration from a measure's page: the form goes to the API (anonymously, with the form's Idempotency-Key); the
 * answer — held until confirmed from the mail, confirmed, or on the waiting list with its position — is shown on a
 * result page after a 303, so a reload sends nothing again. A refusal comes back at its field.
 */
@Controller
class RegistrationController {

    private static final Map<String, String> GERMAN_BY_FIELD = Map.of(
            "name", "Bitte prüfen Sie den Namen (höchstens 200 Zeichen).",
            "email", "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.",
            "plaetze", "Bitte wählen Sie 1 bis 5 Plätze.");
    private static final Map<String, String> FIELD_BY_API_FIELD = Map.of("groupSize", "plaetze");

    private final PlatformApi api;
    private final CatalogueController catalogue;

    RegistrationController(PlatformApi api, CatalogueController catalogue) {
        this.api = api;
        this.catalogue = catalogue;
    }

    @PostMapping("/massnahmen/" + CatalogueController.ID + "/anmeldung")
    String register(@PathVariable String id, @Valid @ModelAttribute("anmeldung") RegistrationForm form, BindingResult errors,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                JsonNode r = api.post("/api/registrations", body(id, form), Map.of("Idempotency-Key", form.getSchluessel()));
                return SeeOther.to(request, result(id, r));
            } catch (ApiProblem problem) {
                refused(problem, form, errors);
            }
        }
        catalogue.show(id, form, model);
        response.setStatus(400);
        return "massnahmen/detail";
    }

    @GetMapping("/massnahmen/" + CatalogueController.ID + "/angemeldet")
    String registered(@PathVariable String id, @RequestParam(defaultValue = "") String stand,
            @RequestParam(required = false) Integer platz, @RequestParam(required = false) Long bis, Model model) {
        JsonNode measure = api.get("/api/measures/{id}", id);
        model.addAttribute("measureTitle", MeasureViews.text(measure, "title"));
        model.addAttribute("measureId", id);
        model.addAttribute("waitlisted", "warteliste".equals(stand));
        model.addAttribute("position", platz);
        model.addAttribute("holdUntil", bis == null ? null : Words.dateTime(Instant.ofEpochSecond(bis)));
        return "massnahmen/angemeldet";
    }

    private static Map<String, Object> body(String id, RegistrationForm form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measureId", id);
        body.put("name", form.getName());
        body.put("email", form.getEmail());
        body.put("groupSize", form.getPlaetze());
        return body;
    }

    /** The result page's address: the answer's state only (no id, no secret), so it may stay in the history. */
    private static String result(String id, JsonNode r) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/massnahmen/{id}/angemeldet");
        if ("WAITLISTED".equals(r.path("status").asString(""))) {
            b.queryParam("stand", "warteliste").queryParam("platz", r.path("waitlistPosition").asInt());
        } else {
            b.queryParam("stand", "bestaetigt");
        }
        String hold = MeasureViews.text(r, "holdUntil");
        if (!hold.isEmpty()) {
            b.queryParam("bis", Instant.parse(hold).getEpochSecond());
        }
        return b.buildAndExpand(id).toUriString();
    }

    private static void refused(ApiProblem problem, RegistrationForm form, BindingResult errors) {
        switch (problem.slug()) {
            case "validation-failed", "malformed-request" ->
                    FormErrors.apply(problem, errors, GERMAN_BY_FIELD, FIELD_BY_API_FIELD, "Bitte prüfen Sie Ihre Angaben.");
            case "group-exceeds-capacity" ->
                    errors.rejectValue("plaetze", "api.capacity", "So viele Plätze hat diese Maßnahme insgesamt nicht. Bitte wählen Sie weniger.");
            case "unauthenticated" ->
                    errors.rejectValue("plaetze", "api.group", "Bitte wählen Sie 1 bis 5 Plätze. Für größere Gruppen meldet die Schule oder der Betrieb an.");
            case "idempotency-key-reused" -> {
                form.renewKey();
                errors.reject("api.key", "Dieses Formular wurde schon einmal abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal.");
            }
            case "measure-cancelled" -> errors.reject("api.cancelled", "Diese Maßnahme wurde abgesagt. Eine Anmeldung ist nicht mehr möglich.");
            case "registration-not-open" -> errors.reject("api.not-open", "Die Anmeldung ist noch nicht geöffnet.");
            case "registration-closed" -> errors.reject("api.closed", "Die Anmeldefrist ist vorbei. Eine Anmeldung ist nicht mehr möglich.");
            case "mail-unavailable", "registration-busy", "unreachable" -> errors.reject("api.unavailable",
                    "Wir konnten Ihre Anmeldung gerade nicht annehmen. Es wurde nichts gespeichert. Bitte versuchen Sie es in ein paar Minuten noch einmal.");
            default -> {
                if (problem.status() == 404 || problem.status() >= 500) {
                    throw problem;
                }
                errors.reject("api.other", "Die Anmeldung hat nicht geklappt. Bitte prüfen Sie Ihre Angaben.");
            }
        }
    }
}
