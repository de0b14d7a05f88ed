package de.augenhoehe.partner.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The authorization server's few pages (login, first password, forgot password, reset): plain HTML without scripts,
 * one small style, German. Forms carry the login session's CSRF token.
 */
final class IdentityPages {

    private IdentityPages() {
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s – Augenhöhe</title>
                <style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin-top:1rem}
                input{width:100%%;padding:.5rem;box-sizing:border-box}button{margin-top:1.5rem;padding:.6rem 1.2rem}.error{color:#a00}
                a{display:inline-block;margin-top:1.5rem;padding:.5rem 0}</style>
                </head><body>
                %s
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title, "UTF-8"), body);
    }

    static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(
                HtmlUtils.htmlEscape(csrf == null ? "_csrf" : csrf.getParameterName()), HtmlUtils.htmlEscape(csrf == null ? "" : csrf.getToken()));
    }

    static String alert(String message) {
        return "<p class=\"error\" role=\"alert\" id=\"problem\">" + HtmlUtils.htmlEscape(message, "UTF-8") + "</p>";
    }

    /** The two fields of a new password (entered twice), described by the alert when there is one. */
    static String newPasswordFields(boolean problem) {
        String described = problem ? " aria-describedby=\"problem\" aria-invalid=\"true\"" : "";
        return """
                <label for="password">Neues Passwort (mindestens 12 Zeichen)</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required autofocus%s>
                <label for="confirmation">Neues Passwort wiederholen</label><input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" required>
                """.formatted(described);
    }

    /** What NO_ACCOUNT means on the first-password page: the account is gone or disabled since the login. */
    static final String ACCOUNT_GONE = "Dieses Konto kann nicht mehr angemeldet werden. Bitte wenden Sie sich an Ihre Verwaltung.";
    /** What NO_ACCOUNT means on the reset page: the link is used, replaced or expired. */
    static final String LINK_GONE = "Dieser Link gilt nicht mehr. Bitte fordern Sie einen neuen an.";

    /** The German reason a new password was refused, or null when it was set; each page says what NO_ACCOUNT means to it. */
    static String refusal(de.augenhoehe.partner.accounts.AccountLogin.PasswordChange result, String noAccount) {
        return switch (result) {
            case CHANGED -> null;
            case TOO_SHORT -> "Das Passwort ist zu kurz: mindestens 12 Zeichen.";
            case TOO_LONG -> "Das Passwort ist zu lang: höchstens 72 Bytes (etwa 72 Buchstaben ohne Umlaute).";
            case SAME_AS_BEFORE -> "Bitte wählen Sie ein anderes Passwort als das bisherige.";
            case NO_ACCOUNT -> noAccount;
        };
    }

    static final String MISMATCH = "Die beiden Eingaben stimmen nicht überein.";
}
