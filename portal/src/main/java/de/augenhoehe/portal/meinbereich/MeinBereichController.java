package de.augenhoehe.portal.meinbereich;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SignedIn;
import de.augenhoehe.portal.web.SignedIn.Person;

/**
 * The signed-in area (issue #18): {@code /mein-bereich} says who is signed in and for which organisation, and lists
 * the workspaces the person's roles open; the company's workspace lists the company's own postings (read through the
 * gateway with the person's token). Only reachable with a session (SignInSecurity); a page without one goes to the
 * login and comes back.
 */
@Controller
class MeinBereichController {

    private final PlatformApi api;
    private final SignedIn signedIn;

    MeinBereichController(PlatformApi api, SignedIn signedIn) {
        this.api = api;
        this.signedIn = signedIn;
    }

    @GetMapping("/mein-bereich")
    String overview(Model model) {
        Person person = signedIn.person();
        model.addAttribute("person", person);
        model.addAttribute("partnerName", partnerName(person));
        model.addAttribute("workspaces", Workspace.of(person));
        return "meinbereich/uebersicht";
    }

    /** The company's own postings of every status, 50 a page ({@code GET /api/vacancies/mine}, keyset paging). */
    @GetMapping("/mein-bereich/firma")
    String company(@RequestParam(name = "weiter", required = false) String after, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Person person = open(Workspace.FIRMA, model);
        String bearer = "Bearer " + signedIn.accessToken(request, response);
        JsonNode page = asPerson(() -> after == null
                ? api.get("/api/vacancies/mine?limit=50", Map.of(HttpHeaders.AUTHORIZATION, bearer))
                : api.get("/api/vacancies/mine?limit=50&after={after}", Map.of(HttpHeaders.AUTHORIZATION, bearer), after));
        model.addAttribute("partnerName", partnerName(person));
        model.addAttribute("postings", page.path("items"));
        model.addAttribute("next", page.path("next").asString(null));
        return "meinbereich/firma";
    }

    /** A login the authorization server refused or that broke off: a German page with the way back in. */
    @GetMapping("/login/fehler")
    String loginFailed() {
        return "meinbereich/fehler";
    }

    /** SHORTCUT(#18): the other workspaces are placeholders ("kommt bald") until their issue builds them. */
    @GetMapping("/mein-bereich/{workspace}")
    String comingSoon(@PathVariable String workspace, Model model) {
        Workspace w = Workspace.byPath(workspace).orElseThrow(() -> new ApiProblem(404, "not-found", "no such workspace", Map.of()));
        open(w, model);
        return "meinbereich/bald";
    }

    /** A workspace the person's roles do not open is a 403 page (a hidden link is no permission). */
    private Person open(Workspace workspace, Model model) {
        Person person = signedIn.person();
        if (!workspace.openTo(person)) {
            throw new ApiProblem(403, "forbidden", "workspace not open to these roles", Map.of());
        }
        model.addAttribute("person", person);
        model.addAttribute("workspace", workspace);
        model.addAttribute("workspaces", Workspace.of(person));
        return person;
    }

    /** The organisation's public name; a person without one (or a failed read) sees none. */
    private String partnerName(Person person) {
        if (person.partnerId() == null) {
            return null;
        }
        try {
            return api.get("/api/partners/{id}", person.partnerId()).path("name").asString(null);
        } catch (ApiProblem unavailable) {
            return null;
        }
    }

    /** The API refusing the person's token (401) means the session cannot go on: sign in again. */
    private static JsonNode asPerson(java.util.function.Supplier<JsonNode> read) {
        try {
            return read.get();
        } catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throw new SignedIn.SignInAgain();
            }
            throw problem;
        }
    }
}
