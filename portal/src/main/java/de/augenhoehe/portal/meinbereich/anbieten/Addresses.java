package de.augenhoehe.portal.meinbereich.anbieten;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/** The values in the workspace's addresses and forms: a page number ({@code seite}, from 1) and the API's ids. */
final class Addresses {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Addresses() {
    }

    /** The page asked for; anything that is no page number is the first page. */
    static int page(String seite) {
        return seite != null && seite.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(seite) : 1;
    }

    /**
     * The answer to a change that worked: 303 to the page that shows it, with a relative Location (a 302 through
     * {@code sendRedirect} is made absolute with the portal's own address, which the browser must not leave the gateway for).
     */
    static String seeOther(HttpServletRequest request, String path) {
        request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
        return "redirect:" + path;
    }

    static boolean id(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
