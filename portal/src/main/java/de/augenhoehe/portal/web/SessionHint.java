package de.augenhoehe.portal.web;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The public pages are stateless (no session is read or made for them), yet someone who is signed in should see "Mein
 * Bereich" in the header rather than "Anmelden". The label follows the mere presence of the session cookie: both link
 * to {@code /mein-bereich}, which decides — a stale cookie leads to the login, as "Anmelden" would. Public pages are
 * sent with {@code no-store} (Spring Security's default headers), so no shared cache keeps one person's label.
 */
@ControllerAdvice
class SessionHint {

    private final LoginProperties login;

    SessionHint(LoginProperties login) {
        this.login = login;
    }

    @ModelAttribute("sessionCookie")
    boolean sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> login.cookieName().equals(c.getName()));
    }
}
