package de.augenhoehe.portal.rueckkehr;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;

/**
 * {@code /rueckkehr/meine-daten?id=…&token=…}, the personal management link from the confirmation mail: what is
 * stored about the person, its correction, the export as a file, the withdrawal of each consent and the erasure (after a confirming
 * step). The secret goes only to the API, in its {@code Returnee-Token} header; the actions are POST forms carrying
 * it in the body, so it stays out of addresses and logs. A wrong link and an erased person look the same: "this link
 * does not work (any more)".
 */
@Controller
class MyDataController {

    static final Set<String> PURPOSES = Set.of("MATCHING", "MATCH_NOTIFICATIONS", "NETWORK_CONTACT");

    private final PlatformApi api;
    private final JsonMapper json;

    MyDataController(PlatformApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    @GetMapping("/rueckkehr/meine-daten")
    String show(@RequestParam(required = false) String id, @RequestParam(required = false) String token,
            @RequestParam(required = false) String widerrufen, @RequestParam(required = false) String geaendert, Model model,
            HttpServletResponse response) {
        PersonalPages.protect(response);
        JsonNode export = export(id, token);
        if (export == null) {
            return invalidLink(response);
        }
        model.addAttribute("id", id);
        model.addAttribute("token", token);
        model.addAttribute("profile", export.path("profile"));
        model.addAttribute("occupation", Occupations.name(export.path("profile").path("occupation").asString("")));
        model.addAttribute("consents", export.path("consents"));
        model.addAttribute("matches", export.path("heldElsewhere").path("matches").path("vacancies"));
        model.addAttribute("interests", LandingController.INTERESTS);
        model.addAttribute("interestNames", interestNames(export.path("profile").path("interests")));
        model.addAttribute("types", ConfirmationController.TYPES);
        model.addAttribute("withdrawn", widerrufen != null && PURPOSES.contains(widerrufen) ? widerrufen : null);
        model.addAttribute("corrected", "ja".equals(geaendert));
        return "rueckkehr/meine-daten";
    }

    /** The Art. 15 export as the API gives it, as a file to keep. */
    @PostMapping("/rueckkehr/meine-daten/export")
    Object download(@RequestParam(required = false) String id, @RequestParam(required = false) String token,
            Model model, HttpServletResponse response) {
        PersonalPages.protect(response);
        JsonNode export = export(id, token);
        if (export == null) {
            return invalidLink(response);
        }
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsString(export).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("meine-daten.json").build().toString())
                .header(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @PostMapping("/rueckkehr/meine-daten/einwilligung")
    Object withdraw(@RequestParam(required = false) String id, @RequestParam(required = false) String token,
            @RequestParam(required = false) String purpose, HttpServletResponse response) {
        PersonalPages.protect(response);
        if (purpose == null || !PURPOSES.contains(purpose) || !wellFormed(id, token)) {
            return invalidLink(response);
        }
        try {
            api.delete("/api/returnees/{id}/consents/{purpose}", Map.of("Returnee-Token", token), id, purpose);
        } catch (ApiProblem problem) {
            // 404: no such person, a wrong secret, or this consent was already withdrawn — the page shows the state
            if (problem.status() != 404) {
                throw problem;
            }
        }
        return SeeOther.view(managementLink(id, token) + "&widerrufen=" + purpose);
    }

    /** The correction form, filled with what is stored. */
    @PostMapping("/rueckkehr/meine-daten/aendern")
    String editForm(@RequestParam(required = false) String id, @RequestParam(required = false) String token, Model model,
            HttpServletResponse response) {
        PersonalPages.protect(response);
        JsonNode export = export(id, token);
        if (export == null) {
            return invalidLink(response);
        }
        CorrectionForm form = new CorrectionForm();
        form.fillFrom(export.path("profile"));
        form.setId(id);
        form.setToken(token);
        model.addAttribute("form", form);
        return correctionPage(form, model);
    }

    /** Saves a correction: bad input comes back at the field; done → the management page says so. */
    @PostMapping("/rueckkehr/meine-daten/speichern")
    Object save(@Valid @ModelAttribute("form") CorrectionForm form, BindingResult result, Model model, HttpServletResponse response) {
        PersonalPages.protect(response);
        if (!wellFormed(form.getId(), form.getToken())) {
            return invalidLink(response);
        }
        if (result.hasErrors()) {
            return correctionPage(form, model);
        }
        try {
            api.put("/api/returnees/{id}", form.profileToApi(), Map.of("Returnee-Token", form.getToken()), form.getId());
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return invalidLink(response);
            }
            if (problem.status() != 400) {
                throw problem;
            }
            FormErrors.apply(problem, result, LandingController.GERMAN, Map.of(), "Bitte prüfen Sie Ihre Angaben.");
            return correctionPage(form, model);
        }
        return SeeOther.view(managementLink(form.getId(), form.getToken()) + "&geaendert=ja");
    }

    private String correctionPage(CorrectionForm form, Model model) {
        model.addAttribute("occupations", Occupations.GROUPS);
        model.addAttribute("interests", LandingController.INTERESTS);
        model.addAttribute("back", managementLink(form.getId(), form.getToken()));
        return "rueckkehr/aendern";
    }

    /** The confirming step: what erasure means, one button to do it, one way back. */
    @PostMapping("/rueckkehr/meine-daten/loeschen")
    Object erase(@RequestParam(required = false) String id, @RequestParam(required = false) String token,
            @RequestParam(required = false) String bestaetigt, Model model, HttpServletResponse response) {
        PersonalPages.protect(response);
        if (!wellFormed(id, token)) {
            return invalidLink(response);
        }
        if (!"ja".equals(bestaetigt)) {
            if (export(id, token) == null) {
                return invalidLink(response);
            }
            model.addAttribute("id", id);
            model.addAttribute("token", token);
            model.addAttribute("back", managementLink(id, token));
            return "rueckkehr/loeschen";
        }
        try {
            api.delete("/api/returnees/{id}", Map.of("Returnee-Token", token), id);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return invalidLink(response);
            }
            throw problem;
        }
        return SeeOther.view("/rueckkehr/meine-daten/geloescht");
    }

    @GetMapping("/rueckkehr/meine-daten/geloescht")
    String erased(HttpServletResponse response) {
        PersonalPages.protect(response);
        return "rueckkehr/geloescht";
    }

    /** The export, or null when the link is not (any more) valid. */
    private JsonNode export(String id, String token) {
        if (!wellFormed(id, token)) {
            return null;
        }
        try {
            PlatformApi.Download download = api.download("/api/returnees/{id}/export", Map.of("Returnee-Token", token), id);
            return json.readTree(download.body());
        } catch (ApiProblem problem) {
            if (problem.status() == 404 || problem.status() == 400) {
                return null;
            }
            throw problem;
        }
    }

    private static boolean wellFormed(String id, String token) {
        if (id == null || token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String managementLink(String id, String token) {
        return "/rueckkehr/meine-daten?id=" + UUID.fromString(id) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String invalidLink(HttpServletResponse response) {
        response.setStatus(404);
        return "rueckkehr/link-ungueltig";
    }

    /** The person's interests in their words, one line ("eine Arbeitsstelle, Kinderbetreuung"); "–" for none. */
    static String interestNames(JsonNode interests) {
        List<String> names = new ArrayList<>();
        interests.forEach(i -> names.add(LandingController.INTERESTS.getOrDefault(i.asString(), i.asString())));
        return names.isEmpty() ? "–" : String.join(", ", names);
    }
}
