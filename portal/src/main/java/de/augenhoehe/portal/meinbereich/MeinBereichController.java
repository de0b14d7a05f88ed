package de.augenhoehe.portal.meinbereich;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in area (issue #18): {@code /mein-bereich} says who is signed in and for which organisation, and lists
 * the workspaces the person's roles open. Only reachable with a session (SignInSecurity); a page without one goes to the
 * login and comes back. Each workspace is a feature package of its own that opens its pages with {@link WorkspaceAccess}.
 */
@Controller
class MeinBereichController {

    private final WorkspaceAccess access;

    MeinBereichController(WorkspaceAccess access) {
        this.access = access;
    }

    @GetMapping("/mein-bereich")
    String overview(Model model, HttpServletRequest request, HttpServletResponse response) {
        access.open(null, model, request, response);
        return "meinbereich/uebersicht";
    }

    /** A login the authorization server refused or that broke off: a German page with the way back in. */
    @GetMapping("/login/fehler")
    String loginFailed() {
        return "meinbereich/fehler";
    }
}
