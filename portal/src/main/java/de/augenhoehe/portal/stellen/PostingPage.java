package de.augenhoehe.portal.stellen;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PathIds;

/**
 * {@code /stellen/{id}}: one posting with every field, its employer, how to apply, and the schema.org JobPosting
 * JSON-LD as vacancy-service writes it (Google for Jobs reads it from this page). A posting that was public and is
 * closed now answers 410 with a page that helps on; an unknown one 404.
 */
@Controller
class PostingPage {

    private static final Logger LOG = LoggerFactory.getLogger(PostingPage.class);

    private final PlatformApi api;
    private final JsonMapper json;

    PostingPage(PlatformApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    @GetMapping("/stellen/{id}")
    String posting(@PathVariable String id, HttpServletResponse response, Model model) {
        UUID uuid = PathIds.uuid(id);
        JsonNode posting;
        try {
            posting = api.get("/api/vacancies/{id}", uuid);
        } catch (ApiProblem problem) {
            if (problem.status() != 410) {
                throw problem;
            }
            response.setStatus(410);
            return "stellen/beendet";
        }
        JsonNode ld = jsonLd(uuid);
        model.addAttribute("posting", posting);
        JsonNode organisation = ld.path("hiringOrganization");
        model.addAttribute("employer", organisation.path("name").asString("Arbeitgeber im Netzwerk"));
        // its website and business address where known; the logo is not shown: it lives on the employer's server, and
        // the portal makes no third-party request
        model.addAttribute("employerWebsite", website(organisation.path("sameAs").asString(null)));
        model.addAttribute("employerAddress", address(organisation.path("address")));
        model.addAttribute("jsonLd", scriptSafe(ld));
        model.addAttribute("facts", PostingFacts.of(posting));
        model.addAttribute("place", SearchPage.place(posting));
        model.addAttribute("deadline", Labels.date(posting.path("validThrough").asString(null)));
        return "stellen/detail";
    }

    /**
     * "Jetzt bewerben": counts the click through the API, then sends the person on to the employer's route — taken
     * from the posting itself, never from the request (no open redirect). Not by a redirect: browsers hold the
     * redirect of a form's POST to the CSP's form-action ('self'), so the answer is a page that goes on by itself
     * (meta refresh) and shows the link for those whose browser does not.
     */
    @PostMapping("/stellen/{id}/bewerbung")
    String apply(@PathVariable String id, @RequestParam(name = "weg", defaultValue = "url") String route, Model model) {
        UUID uuid = PathIds.uuid(id);
        JsonNode posting = api.get("/api/vacancies/{id}", uuid);
        try {
            api.post("/api/vacancies/{id}/application-click", null, Map.of(), uuid);
        } catch (ApiProblem notCounted) {
            // counting is the statistics' business; the person still gets to the application
            LOG.info("application click not counted: {} {}", notCounted.status(), notCounted.slug());
        }
        String url = posting.path("applicationUrl").asString(null);
        String email = posting.path("applicationEmail").asString(null);
        String to = "email".equals(route) && email != null || url == null ? "mailto:" + email : url;
        model.addAttribute("to", to);
        model.addAttribute("title", posting.path("title").asString(""));
        return "stellen/weiter";
    }

    private JsonNode jsonLd(UUID id) {
        PlatformApi.Download ld = api.download("/api/vacancies/{id}", Map.of("Accept", "application/ld+json"), id);
        return json.readTree(new String(ld.body(), StandardCharsets.UTF_8));
    }

    /** JSON inside a script element: no "<" may end it early ("</script>" in a description). */
    private String scriptSafe(JsonNode ld) {
        return json.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** Only an https address becomes a link (vacancy-service and partner-service check it too). */
    private static String website(String url) {
        return url != null && url.startsWith("https://") ? url : null;
    }

    /** "Binswanger Straße 12, 74172 Neckarsulm", or null without an address. */
    private static String address(JsonNode a) {
        if (a.isMissingNode() || a.isNull()) {
            return null;
        }
        String street = a.path("streetAddress").asString("");
        String place = (a.path("postalCode").asString("") + " " + a.path("addressLocality").asString("")).strip();
        String line = street.isEmpty() ? place : street + ", " + place;
        return line.isBlank() ? null : line;
    }
}
