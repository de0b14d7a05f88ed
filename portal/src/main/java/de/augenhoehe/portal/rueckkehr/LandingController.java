package de.augenhoehe.portal.rueckkehr;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;

/**
 * {@code /rueckkehr}: where a door hanger's QR code leads ({@code /r/{code}} → {@code ?campaign=…&code=…}). The
 * campaign's message when a code came along, the sign-up with the consent texts of the API (their versions go back
 * with the sign-up), then "Bitte schauen Sie in Ihr Postfach". The code travels with the sign-up, so the API
 * attributes it to the campaign and batch.
 */
@Controller
class LandingController {

    /** The API's interests in the person's words. */
    static final Map<String, String> INTERESTS = interests();

    private static final String NAME_CHARS = "Bitte nur Buchstaben, Leerzeichen, Bindestriche, Apostrophe und Punkte verwenden.";

    /** The German message at the field when the API refuses it. */
    static final Map<String, String> GERMAN = Map.of(
            "firstName", NAME_CHARS, "lastName", NAME_CHARS,
            "email", "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.",
            "phone", "Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.",
            "currentPlace", "Bitte prüfen Sie diese Angabe.",
            "returnPostalCode", "Bitte eine Postleitzahl mit 5 Ziffern angeben.",
            "occupation", "Bitte wählen Sie Ihr Berufsfeld aus der Liste.",
            "qualification", "Bitte höchstens 500 Zeichen.",
            "earliestReturn", "Bitte ein Datum angeben, zum Beispiel 2027-03-01.",
            "interests", "Bitte wählen Sie mindestens ein Thema.");

    private final PlatformApi api;

    LandingController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/rueckkehr")
    String landing(@RequestParam(required = false) String code, Model model) {
        SignUpForm form = new SignUpForm();
        form.setCode(code);
        model.addAttribute("form", form);
        return page(form, model);
    }

    @PostMapping("/rueckkehr")
    Object signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, Model model) {
        if (blank(form.getCode()) && form.getNetworkId() == null) {
            result.rejectValue("networkId", "required", "Bitte wählen Sie die Region, in die Sie zurückkehren möchten.");
        }
        if (result.hasErrors()) {
            return page(form, model);
        }
        try {
            api.post("/api/returnees", form.toApi(), Map.of());
        } catch (ApiProblem problem) {
            boolean refusal = problem.status() >= 400 && problem.status() < 500 && problem.status() != 404;
            if (!refusal && !problem.is(503, "mail-unavailable")) {
                throw problem;
            }
            refused(problem, result);
            return page(form, model);
        }
        return SeeOther.view("/rueckkehr/postfach");
    }

    @GetMapping("/rueckkehr/postfach")
    String inbox() {
        return "rueckkehr/postfach";
    }

    /** The API's refusal at the field it names, or for the whole form in the person's words. */
    private static void refused(ApiProblem problem, BindingResult result) {
        if (problem.status() == 429) {
            tooMany(result);
            return;
        }
        switch (problem.slug()) {
            case "consent-missing" -> result.rejectValue("matching", "api.consent-missing",
                    "Ohne diese Einwilligung können wir Ihnen keine Angebote zeigen. Bitte setzen Sie den Haken.");
            case "unknown-consent-text" -> result.reject("api.unknown-consent-text", "Die Einwilligungstexte wurden gerade "
                    + "geändert. Bitte lesen Sie sie noch einmal und senden Sie das Formular erneut ab.");
            case "unknown-code" -> result.reject("api.unknown-code", "Den Code von Ihrem Türhänger kennen wir leider nicht. "
                    + "Bitte wählen Sie unten Ihre Region.");
            case "campaign-closed" -> result.reject("api.campaign-closed", "Diese Aktion ist leider schon beendet. "
                    + "Sie können sich trotzdem anmelden: Bitte wählen Sie unten Ihre Region.");
            case "mail-unavailable" -> result.reject("api.mail-unavailable", "Wir konnten Ihnen gerade keine E-Mail "
                    + "schicken. Bitte versuchen Sie es in ein paar Minuten noch einmal. Gespeichert wurde nichts.");
            default -> FormErrors.apply(problem, result, GERMAN, Map.of(), "Bitte prüfen Sie Ihre Angaben.");
        }
    }

    private static void tooMany(BindingResult result) {
        result.reject("api.too-many", "Gerade kommen zu viele Anmeldungen auf einmal. Bitte warten Sie ein paar Minuten "
                + "und senden Sie das Formular dann noch einmal ab.");
    }

    /** The landing page with what it shows beside the form: the campaign's message, the consent texts, the regions. */
    private String page(SignUpForm form, Model model) {
        JsonNode message = campaignMessage(form);
        if (message != null && !message.path("open").asBoolean()) {
            model.addAttribute("campaignOver", true);
            form.setNetworkId(UUID.fromString(message.path("networkId").asString()));
            form.setCode(null);
        }
        if (message != null) {
            model.addAttribute("message", message);
            model.addAttribute("networkName", networkName(message.path("networkId").asString()));
        } else if (!blank(form.getCode())) {
            model.addAttribute("codeUnknown", true);
            form.setCode(null);
        }
        // two independent reads at once (#17): the page waits for the slower one, not for both
        List<JsonNode> read = api.concurrently(List.of(() -> api.get("/api/returnees/consent-texts"), () -> api.get("/api/networks")));
        Map<String, JsonNode> consents = currentConsentTexts(read.get(0));
        consents.forEach((purpose, text) -> form.getVersions().put(purpose, text.path("version").asString()));
        model.addAttribute("consents", consents);
        model.addAttribute("networks", read.get(1).path("items"));
        model.addAttribute("occupations", Occupations.GROUPS);
        model.addAttribute("interests", INTERESTS);
        return "rueckkehr/landing";
    }

    private JsonNode campaignMessage(SignUpForm form) {
        if (blank(form.getCode())) {
            return null;
        }
        try {
            return api.get("/api/returnees/campaign-message", b -> b.queryParam("code", form.getCode().strip()));
        } catch (ApiProblem problem) {
            if (problem.status() == 404 || problem.status() == 400) {
                return null;
            }
            throw problem;
        }
    }

    private String networkName(String id) {
        try {
            return api.get("/api/networks/{id}", id).path("name").asString(null);
        } catch (ApiProblem problem) {
            if (problem.unavailable()) {
                throw problem;
            }
            return null;
        }
    }

    /** Per purpose the newest text already valid: what the person reads is what the API records. */
    private static Map<String, JsonNode> currentConsentTexts(JsonNode texts) {
        Map<String, JsonNode> byPurpose = new LinkedHashMap<>();
        LocalDate today = LocalDate.now();
        for (String purpose : new String[] {"MATCHING", "MATCH_NOTIFICATIONS", "NETWORK_CONTACT"}) {
            for (JsonNode text : texts) {
                String from = text.path("validFrom").asString("");
                if (purpose.equals(text.path("purpose").asString()) && (from.isEmpty() || !LocalDate.parse(from).isAfter(today))
                        && (!byPurpose.containsKey(purpose) || from.compareTo(byPurpose.get(purpose).path("validFrom").asString("")) > 0)) {
                    byPurpose.put(purpose, text);
                }
            }
        }
        return byPurpose;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, String> interests() {
        Map<String, String> i = new LinkedHashMap<>();
        i.put("JOB", "eine Arbeitsstelle");
        i.put("APPRENTICESHIP", "eine Ausbildung oder ein duales Studium");
        i.put("HOUSING", "eine Wohnung oder ein Haus");
        i.put("CHILDCARE", "Kinderbetreuung");
        i.put("SCHOOLS", "Schulen");
        i.put("RETURNEE_EVENTS", "Treffen und Veranstaltungen für Rückkehrer");
        return Collections.unmodifiableMap(i);
    }
}
