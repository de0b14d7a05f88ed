package de.augenhoehe.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The answer to a change that worked: 303 to the page that shows it, so a reload never sends the change twice. With
 * the status set, Spring writes the Location as given (relative); a plain {@code redirect:} goes through
 * {@code sendRedirect}, which makes it absolute with the portal's own host and port — an address behind the gateway
 * that the browser cannot reach.
 */
public final class SeeOther {

    private SeeOther() {
    }

    /** As a view name: {@code return SeeOther.to(request, "/mein-bereich/…");} */
    public static String to(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }

    /** As a view: for handlers that answer a {@link RedirectView}. */
    public static RedirectView view(String path) {
        RedirectView view = new RedirectView(path);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
