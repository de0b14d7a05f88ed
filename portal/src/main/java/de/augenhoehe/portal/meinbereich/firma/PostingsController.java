package de.augenhoehe.portal.meinbereich.firma;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * The company's workspace: its own postings of every status, 50 a page ({@code GET /api/vacancies/mine}, keyset paging),
 * each with how often the public posting was viewed and its application route clicked.
 */
@Controller
class PostingsController {

    private final PlatformApi api;
    private final WorkspaceAccess access;

    PostingsController(PlatformApi api, WorkspaceAccess access) {
        this.api = api;
        this.access = access;
    }

    @GetMapping("/mein-bereich/firma")
    String postings(@RequestParam(name = "weiter", required = false) String after, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        JsonNode page = after == null
                ? api.get("/api/vacancies/mine?limit=50", visit.bearer())
                : api.get("/api/vacancies/mine?limit=50&after={after}", visit.bearer(), after);
        model.addAttribute("postings", page.path("items"));
        Map<String, JsonNode> counts = new HashMap<>();
        page.path("statistics").forEach(c -> counts.put(c.path("id").asString(""), c));
        model.addAttribute("counts", counts);
        model.addAttribute("next", page.path("next").asString(null));
        return "firma/stellen";
    }
}
