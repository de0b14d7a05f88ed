package de.augenhoehe.portal.massnahmen;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * {@code /massnahmen/anmeldung/verwalten}, the page of the registration mail's link. A GET only shows the form; each
 * action is one click on a button (POST): confirm, see the state and one's data, download them, cancel. The secret
 * travels in the POST body and on to the API in the Registration-Token header — never in a URL, so no log has it.
 * The answers are shown directly rather than after a redirect: the page they show needs the secret, and confirming
 * and cancelling are idempotent at the API, so a reload changes nothing.
 */
@Controller
class ManageController {

    static final String PAGE = "/massnahmen/anmeldung/verwalten";
    private static final String TOKEN = "Registration-Token";

    private final PlatformApi api;
    private final JsonMapper json;

    ManageController(PlatformApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("verwalten", new ManageForm());
        return "massnahmen/verwalten";
    }

    @PostMapping(PAGE)
    Object act(@Valid @ModelAttribute("verwalten") ManageForm form, BindingResult errors,
            @RequestParam(defaultValue = "ansehen") String aktion, Model model, HttpServletResponse response) {
        if (!errors.hasErrors() && form.link().isEmpty()) {
            errors.rejectValue("code", "incomplete",
                    "Dieser Link ist unvollständig. Bitte kopieren Sie den ganzen Link aus der E-Mail – er enthält „anmeldung=“ und „token=“.");
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            return "massnahmen/verwalten";
        }
        ManageForm.Link link = form.link().orElseThrow();
        Map<String, String> secret = Map.of(TOKEN, link.token());
        try {
            return switch (aktion) {
                case "bestaetigen" -> {
                    JsonNode r = api.post("/api/registrations/{id}/confirmation", null, secret, link.registration());
                    model.addAttribute("done", "bestaetigt");
                    yield state(link, secret, r, model);
                }
                case "stornieren" -> {
                    api.delete("/api/registrations/{id}", secret, link.registration());
                    model.addAttribute("done", "storniert");
                    yield state(link, secret, null, model);
                }
                case "herunterladen" -> download(link, secret);
                default -> state(link, secret, null, model);
            };
        } catch (ApiProblem problem) {
            refused(problem, errors);
            response.setStatus(problem.status() == 409 ? 409 : 400);
            return "massnahmen/verwalten";
        }
    }

    /** The registration as the person's own data shows it, with the answer of the action just taken (position). */
    private String state(ManageForm.Link link, Map<String, String> secret, JsonNode answer, Model model) {
        JsonNode data = json.readTree(api.download("/api/registrations/{id}/personal-data", secret, link.registration()).body());
        model.addAttribute("registration", RegistrationView.of(data, answer));
        return "massnahmen/anmeldung";
    }

    /** The person's own data as a JSON file (Art. 15 and 20 GDPR): what the API exports, unchanged. */
    private ResponseEntity<byte[]> download(ManageForm.Link link, Map<String, String> secret) {
        PlatformApi.Download export = api.download("/api/registrations/{id}/personal-data", secret, link.registration());
        return ResponseEntity.ok().contentType(export.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("meine-anmeldung.json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.body());
    }

    private static void refused(ApiProblem problem, BindingResult errors) {
        String message = switch (problem.slug()) {
            case "registration-expired" -> "Diese Anmeldung wurde nicht rechtzeitig bestätigt; die Plätze sind wieder frei. "
                    + "Bitte melden Sie sich auf der Seite der Maßnahme neu an.";
            case "registration-cancelled" -> "Diese Anmeldung ist storniert. Sie kann nicht mehr bestätigt werden.";
            default -> {
                if (problem.status() != 404 && problem.status() != 400) {
                    throw problem;
                }
                yield "Zu diesem Link gibt es keine Anmeldung. Bitte prüfen Sie, ob Sie den ganzen Link aus der E-Mail kopiert haben.";
            }
        };
        errors.rejectValue("code", "api." + problem.slug(), message);
    }
}
