package de.augenhoehe.partner.identity;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

import de.augenhoehe.partner.accounts.PasswordRecovery;

/**
 * "Passwort vergessen?": the login form links here; a person names their username and gets a link by mail (if the
 * account has an address) that leads to {@code /oauth2/reset}, where they choose a new password. The first page
 * answers alike whether or not the account exists, so it tells nobody which usernames there are.
 */
@RestController
@Hidden
@ConditionalOnBooleanProperty(name = "augenhoehe.identity.authorization-server.enabled", matchIfMissing = true)
class PasswordRecoveryPages {

    static final String FORGOT = "/oauth2/forgot";
    static final String RESET = "/oauth2/reset";

    private final PasswordRecovery recovery;
    private final AuthorizationServerSettings settings;

    PasswordRecoveryPages(PasswordRecovery recovery, AuthorizationServerSettings settings) {
        this.recovery = recovery;
        this.settings = settings;
    }

    @GetMapping(path = FORGOT, produces = MediaType.TEXT_HTML_VALUE)
    String forgot(HttpServletRequest request) {
        return IdentityPages.page("Passwort vergessen", """
                <h1>Passwort vergessen</h1>
                <p>Geben Sie Ihren Benutzernamen ein. Hat Ihr Konto eine E-Mail-Adresse, schicken wir Ihnen einen Link, mit dem Sie
                ein neues Passwort wählen. Hat es keine, hilft Ihnen die Administration Ihrer Organisation.</p>
                <form method="post" action="%s">
                <label for="username">Benutzername</label><input id="username" name="username" autocomplete="username" maxlength="100" required autofocus>
                %s
                <button type="submit">Link schicken</button>
                </form>
                <a href="%s">Zurück zur Anmeldung</a>""".formatted(FORGOT, IdentityPages.csrfField(request), LoginPage.PATH));
    }

    @PostMapping(path = FORGOT, produces = MediaType.TEXT_HTML_VALUE)
    String requested(@RequestParam(name = "username", required = false) String username) {
        if (username != null && !username.isBlank() && username.length() <= 100) {
            recovery.request(username.strip(), resetPage());
        }
        return IdentityPages.page("Link verschickt", """
                <h1>Bitte sehen Sie in Ihr Postfach</h1>
                <p role="status">Wenn es ein Konto mit diesem Benutzernamen und einer E-Mail-Adresse gibt, ist ein Link dorthin
                unterwegs. Er gilt 30 Minuten und nur einmal. Keine E-Mail? Sehen Sie im Spam-Ordner nach, oder fragen Sie die
                Administration Ihrer Organisation.</p>
                <a href="%s">Zurück zur Anmeldung</a>""".formatted(LoginPage.PATH));
    }

    @GetMapping(path = RESET, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> resetForm(HttpServletRequest request, @RequestParam(name = "token", required = false) String token) {
        if (!recovery.valid(token)) {
            return expired();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(resetPage(request, token, null));
    }

    @PostMapping(path = RESET, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> reset(HttpServletRequest request, @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmation", required = false) String confirmation) {
        if (!recovery.valid(token)) {
            return expired();
        }
        String problem = password != null && !password.equals(confirmation) ? IdentityPages.MISMATCH
                : IdentityPages.refusal(recovery.reset(token, password), IdentityPages.LINK_GONE);
        if (problem != null) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.TEXT_HTML)
                    .body(resetPage(request, token, problem));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(IdentityPages.page("Passwort geändert", """
                <h1>Passwort geändert</h1>
                <p role="status">Ihr neues Passwort gilt ab sofort. Melden Sie sich damit in der Anwendung an, mit der Sie
                arbeiten.</p>"""));
    }

    /** 410: the link was used, is too old, or never existed — the person can ask for a new one. */
    private static ResponseEntity<String> expired() {
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.TEXT_HTML).body(IdentityPages.page("Link ungültig", """
                <h1>Dieser Link gilt nicht mehr</h1>
                <p>Er wurde schon benutzt oder ist älter als 30 Minuten.</p>
                <a href="%s">Neuen Link anfordern</a>""".formatted(FORGOT)));
    }

    private static String resetPage(HttpServletRequest request, String token, String problem) {
        return IdentityPages.page("Neues Passwort wählen", """
                <h1>Neues Passwort wählen</h1>
                %s
                <form method="post" action="%s">
                <input type="hidden" name="token" value="%s">
                %s%s
                <button type="submit">Passwort speichern</button>
                </form>""".formatted(problem == null ? "" : IdentityPages.alert(problem), RESET, HtmlUtils.htmlEscape(token),
                IdentityPages.newPasswordFields(problem != null), IdentityPages.csrfField(request)));
    }

    /** The public address of the reset page: under the issuer (the gateway), else where this request came in. */
    private URI resetPage() {
        String issuer = settings.getIssuer();
        String base = issuer != null ? issuer.replaceAll("/+$", "")
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return URI.create(base + RESET);
    }
}
