package de.augenhoehe.portal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After the login: back to the page that was asked for (the saved request), else {@code /mein-bereich} — at the public
 * address. Spring's own handler redirects to the saved request's full URL, which the portal builds from its own host
 * and port (the gateway does not forward its host), so only the saved path and query are taken. They are the portal's
 * own paths (saved by the signed-in area's chain), never an address from outside.
 */
final class BackToTheSavedPage implements AuthenticationSuccessHandler {

    private final PortalProperties portal;
    private final RequestCache saved = new HttpSessionRequestCache();

    BackToTheSavedPage(PortalProperties portal) {
        this.portal = portal;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest asked = saved.getRequest(request, response);
        String target = "/mein-bereich";
        if (asked instanceof DefaultSavedRequest page && page.getRequestURI().startsWith("/mein-bereich")) {
            target = page.getRequestURI() + (page.getQueryString() == null ? "" : "?" + page.getQueryString());
        }
        saved.removeRequest(request, response);
        response.sendRedirect(portal.publicUrl(target));
    }
}
