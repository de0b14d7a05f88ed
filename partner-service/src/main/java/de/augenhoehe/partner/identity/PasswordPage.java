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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.accounts.AccountLogin;

/**
 * The first login's second step: a person signed in with the one-time initial password their administration handed
 * them chooses a password of their own ({@link PasswordChangeRequired} sends them here); then the authorization
 * request they started continues.
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
        return page(request, null);
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response, Principal person,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmation", required = false) String confirmation) throws IOException {
        String problem = password != null && !password.equals(confirmation) ? IdentityPages.MISMATCH
                : IdentityPages.refusal(accounts.changePassword(person.getName(), password), IdentityPages.ACCOUNT_GONE);
        if (problem != null) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.TEXT_HTML).body(page(request, problem));
        }
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(PasswordChangeRequired.PENDING_AUTHORIZATION);
        if (pending instanceof String authorization) {
            session.removeAttribute(PasswordChangeRequired.PENDING_AUTHORIZATION);
            response.sendRedirect(authorization);
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(IdentityPages.page("Passwort geändert",
                "<h1>Passwort geändert</h1><p role=\"status\">Ihr Passwort ist geändert. Sie können sich jetzt damit anmelden.</p>"));
    }

    private static String page(HttpServletRequest request, String problem) {
        return IdentityPages.page("Eigenes Passwort wählen", """
                <h1>Eigenes Passwort wählen</h1>
                <p>Sie haben sich mit dem Einmal-Passwort angemeldet. Bitte wählen Sie jetzt ein Passwort, das nur Sie kennen —
                am besten einen Satz, den Sie sich merken können.</p>
                %s
                <form method="post" action="%s">
                %s%s
                <button type="submit">Passwort speichern</button>
                </form>""".formatted(problem == null ? "" : IdentityPages.alert(problem), PATH,
                IdentityPages.newPasswordFields(problem != null), IdentityPages.csrfField(request)));
    }
}
