package de.augenhoehe.partner.identity;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login form of the authorization server, under {@code /oauth2/} so the gateway's existing route serves it.
 * Plain HTML without scripts ({@link IdentityPages}); the form posts to the same path, where Spring Security's form
 * login checks it.
 */
@RestController
@Hidden
@ConditionalOnBooleanProperty(name = "augenhoehe.identity.authorization-server.enabled", matchIfMissing = true)
class LoginPage {

    static final String PATH = "/oauth2/login";

    /** After too many failed logins (the login throttle sends the minutes to wait; anything else is ignored). */
    private static String lockedMessage(String minutes) {
        boolean number = !minutes.isEmpty() && minutes.length() <= 4 && minutes.chars().allMatch(c -> c >= '0' && c <= '9');
        String wait = !number ? "später" : "in " + Integer.parseInt(minutes) + ("1".equals(minutes) ? " Minute" : " Minuten");
        return "<p class=\"error\" role=\"alert\">Zu viele fehlgeschlagene Anmeldungen. Das Konto ist vorübergehend gesperrt — "
                + "bitte versuchen Sie es " + wait + " erneut, oder bitten Sie Ihre Administration, die Sperre aufzuheben.</p>";
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String form(HttpServletRequest request) {
        String locked = request.getParameter("locked");
        String message = locked != null ? lockedMessage(locked)
                : request.getParameter("error") != null
                ? "<p class=\"error\" role=\"alert\">Anmeldung fehlgeschlagen / Login failed</p>"
                : request.getParameter("logout") != null ? "<p>Abgemeldet / Logged out</p>" : "";
        return IdentityPages.page("Anmelden", """
                <h1>Augenhöhe</h1>
                %s
                <form method="post" action="%s">
                <label for="username">Benutzername / Username</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Passwort / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                %s
                <button type="submit">Anmelden / Log in</button>
                </form>
                <a href="%s">Passwort vergessen?</a>""".formatted(message, PATH, IdentityPages.csrfField(request), PasswordRecoveryPages.FORGOT));
    }
}
