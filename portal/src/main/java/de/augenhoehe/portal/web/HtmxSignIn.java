package de.augenhoehe.portal.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * An htmx request (a part of a page) whose session has ended must not get the login form swapped into the page: htmx
 * is told to load the whole page again ({@code HX-Redirect}), which then leads to the login and back to that page. Only
 * a path of the signed-in area is taken from the browser's {@code HX-Current-URL} — never another host.
 */
final class HtmxSignIn implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint pages;

    HtmxSignIn(AuthenticationEntryPoint pages) {
        this.pages = pages;
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Tells htmx to load the page the person was on (a path of the signed-in area) with a 204. */
    static void reloadPage(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("HX-Redirect", pageOf(request.getHeader("HX-Current-URL")));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    static String pageOf(String currentUrl) {
        try {
            URI uri = currentUrl == null ? null : URI.create(currentUrl);
            String path = uri == null ? null : uri.getRawPath();
            if (path != null && (path.equals("/mein-bereich") || path.startsWith("/mein-bereich/"))) {
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the area's start
        }
        return "/mein-bereich";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException, jakarta.servlet.ServletException {
        if (isHtmx(request)) {
            reloadPage(request, response);
        } else {
            pages.commence(request, response, reason);
        }
    }
}
