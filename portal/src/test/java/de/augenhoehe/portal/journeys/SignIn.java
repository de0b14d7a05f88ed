package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signing in on partner-service's login form (reached through the gateway) as one of the demo accounts. */
final class SignIn {

    static final String DEMO_PASSWORD = "augenhoehe-demo";

    private SignIn() {
    }

    /** On the login form: fills it in for the demo account and waits until the portal's signed-in area answers. */
    static void as(Page page, String username) {
        as(page, username, DEMO_PASSWORD);
    }

    static void as(Page page, String username, String password) {
        assertThat(page.url()).as("the authorization server's login form").contains("/oauth2/login");
        page.getByLabel("Benutzername / Username").fill(username);
        page.getByLabel("Passwort / Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
        page.waitForURL(url -> url.contains("/mein-bereich"));
    }
}
