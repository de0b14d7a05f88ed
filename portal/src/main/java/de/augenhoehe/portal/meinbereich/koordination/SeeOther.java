package de.augenhoehe.portal.meinbereich.koordination;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/**
 * After a change: 303 to the page that shows it, so a reload never sends twice. With a status set, Spring writes the
 * Location as given (relative) instead of {@code sendRedirect}, which would make it absolute with the portal's own
 * host and port — an address behind the gateway that the browser cannot reach.
 */
final class SeeOther {

    private SeeOther() {
    }

    static String to(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }
}
