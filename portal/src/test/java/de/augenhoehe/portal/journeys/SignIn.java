package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signing in on partner-service's login form (reached through the gateway) as any account, e.g. a demo coordinator. */
final class SignIn {

    static final String DEMO_PASSWORD = "augenhoehe-demo";

    private SignIn() {
    }

    /** On the login form: fills in the account and sends it (a first login then goes on to the password page). */
    static void submit(Page page, String username, String password) {
        assertThat(page.url()).as("the authorization server's login form").contains("/oauth2/login");
        page.getByLabel("Benutzername / Username").fill(username);
        page.getByLabel("Passwort / Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
    }

    /** On the login form: signs in and waits until the portal's signed-in area answers. */
    static void as(Page page, String username, String password) {
        submit(page, username, password);
        page.waitForURL(url -> url.contains("/mein-bereich"));
    }

    /** On the login form: signs in as a demo account and waits until the signed-in area answers. */
    static void as(Page page, String username) {
        as(page, username, DEMO_PASSWORD);
    }

    /** Opens {@code url} (a page of the signed-in area), signs in as a demo account and waits to be back there. */
    static void demo(Page page, String url, String username) {
        page.navigate(url);
        as(page, username);
    }
}
