package de.augenhoehe.partner.identity;

import java.io.IOException;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import de.augenhoehe.partner.accounts.AccountLogin;
import de.augenhoehe.partner.accounts.AccountLogin.PasswordChange;

/**
 * The first login's second step: a person signed in with the one-time initial password their administration handed
 * them chooses a password of their own ({@link PasswordChangeRequired} sends them here); then the authorization
 * request they started continues. Plain HTML without scripts, like {@link LoginPage}.
 */
@RestController
@Hidden
@ConditionalOnBooleanProperty(name = "augenhoehe.identity.authorization-server.enabled", matchIfMissing = true)
class PasswordPage {

    static final String PATH = "/oauth2/password";

    private final AccountLogin accounts;

    PasswordPage(AccountLogin accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String form(HttpServletRequest request) {
        return page(request, "");
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response, Principal person,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmation", required = false) String confirmation) throws IOException {
        String problem = password != null && !password.equals(confirmation)
                ? "Die beiden Eingaben stimmen nicht überein."
                : message(accounts.changePassword(person.getName(), password));
        if (problem != null) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.TEXT_HTML)
                    .body(page(request, "<p class=\"error\" role=\"alert\" id=\"problem\">" + problem + "</p>"));
        }
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PasswordChangeRequired.PENDING_AUTHORIZATION);
        if (pending instanceof String authorization) {
            session.removeAttribute(PasswordChangeRequired.PENDING_AUTHORIZATION);
            response.sendRedirect(authorization);
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(request,
                "<p role=\"status\">Ihr Passwort ist geändert. Sie können dieses Fenster schließen und sich neu anmelden.</p>"));
    }

    private static String message(PasswordChange result) {
        return switch (result) {
            case CHANGED -> null;
            case TOO_SHORT -> "Das Passwort ist zu kurz: mindestens 12 Zeichen.";
            case TOO_LONG -> "Das Passwort ist zu lang: höchstens 72 Bytes (etwa 72 Buchstaben ohne Umlaute).";
            case SAME_AS_BEFORE -> "Bitte wählen Sie ein anderes Passwort als das Einmal-Passwort.";
            case NO_ACCOUNT -> "Dieses Konto kann nicht mehr angemeldet werden.";
        };
    }

    private static String page(HttpServletRequest request, String message) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean problem = message.contains("id=\"problem\"");
        String described = problem ? " aria-describedby=\"problem\" aria-invalid=\"true\"" : "";
        return """
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Eigenes Passwort wählen – Augenhöhe</title>
                <style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin-top:1rem}
                input{width:100%%;padding:.5rem;box-sizing:border-box}button{margin-top:1.5rem;padding:.6rem 1.2rem}.error{color:#a00}</style>
                </head><body>
                <h1>Eigenes Passwort wählen</h1>
                <p>Sie haben sich mit dem Einmal-Passwort angemeldet. Bitte wählen Sie jetzt ein Passwort, das nur Sie kennen:
                mindestens 12 Zeichen — am besten ein Satz, den Sie sich merken können.</p>
                %s
                <form method="post" action="%s">
                <label for="password">Neues Passwort</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required autofocus%s>
                <label for="confirmation">Neues Passwort wiederholen</label><input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Passwort speichern</button>
                </form></body></html>
                """.formatted(message, PATH, described, HtmlUtils.htmlEscape(csrf == null ? "_csrf" : csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf == null ? "" : csrf.getToken()));
    }
}
