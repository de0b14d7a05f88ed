package de.augenhoehe.portal.rueckkehr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * The link of the double opt-in mail. Opening it (GET) changes nothing — mail scanners and link previews open links
 * too — it shows one button; pressing it confirms and shows the matches the API made at that moment. The result is
 * the POST's own answer: it is personal and the portal keeps no session, and sending it again only meets the API's
 * "link used" (a confirmation never happens twice). The token goes nowhere but to the API.
 */
@Controller
class ConfirmationController {

    private final PlatformApi api;

    ConfirmationController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/rueckkehr/bestaetigen")
    String open(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        PersonalPages.protect(response);
        if (token == null || token.isBlank() || token.length() > 100) {
            return refused(response, model, 404, "unknown-link");
        }
        model.addAttribute("token", token);
        return "rueckkehr/bestaetigen";
    }

    @PostMapping("/rueckkehr/bestaetigen")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        PersonalPages.protect(response);
        if (token == null || token.isBlank() || token.length() > 100) {
            return refused(response, model, 404, "unknown-link");
        }
        JsonNode confirmed;
        try {
            confirmed = api.post("/api/returnees/confirmations", Map.of("token", token), Map.of());
        } catch (ApiProblem problem) {
            if (problem.status() == 404 || problem.status() == 409 || problem.status() == 410 || problem.status() == 400) {
                return refused(response, model, problem.status(), problem.slug());
            }
            throw problem;
        }
        model.addAttribute("matches", matches(confirmed.path("matches").path("vacancies")));
        model.addAttribute("measureCount", confirmed.path("matches").path("measures").size());
        return "rueckkehr/bestaetigt";
    }

    /** A used, expired or unknown link: the page says which, in German, and how to go on. */
    private static String refused(HttpServletResponse response, Model model, int status, String slug) {
        response.setStatus(status == 400 ? 404 : status);
        model.addAttribute("problem", switch (slug) {
            case "link-used" -> "used";
            case "link-expired" -> "expired";
            default -> "unknown";
        });
        return "rueckkehr/bestaetigen";
    }

    /** Each matched vacancy with what the vacancy page knows of it (title, employer), where it is still published. */
    private List<Match> matches(JsonNode vacancies) {
        List<Match> matches = new ArrayList<>();
        for (JsonNode v : vacancies) {
            if (matches.size() == 20) {
                break;
            }
            String id = v.path("vacancyId").asString();
            JsonNode posting = vacancy(id);
            matches.add(new Match(id, posting == null ? null : posting.path("title").asString(null),
                    posting == null ? null : posting.path("place").asString(null),
                    Occupations.name(v.path("kldb").asString()), TYPES.getOrDefault(v.path("type").asString(), ""),
                    v.path("postalCode").asString(""), (int) Math.round(v.path("distanceKm").asDouble()), posting != null));
        }
        return matches;
    }

    private JsonNode vacancy(String id) {
        try {
            return api.get("/api/vacancies/{id}", id);
        } catch (ApiProblem problem) {
            if (problem.unavailable()) {
                throw problem;
            }
            return null;
        }
    }

    static final Map<String, String> TYPES = Map.of("JOB", "Job", "APPRENTICESHIP", "Ausbildung", "DUAL_STUDY", "Duales Studium",
            "INTERNSHIP", "Praktikum");

    /** One match as the page shows it; {@code published}: the vacancy page exists. */
    record Match(String id, String title, String place, String occupation, String type, String postalCode, int distanceKm,
            boolean published) {
    }
}
