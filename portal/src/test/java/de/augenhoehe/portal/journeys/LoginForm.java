package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Partner-service's login form, reached through the gateway: how a journey signs in as one of the demo accounts. */
final class LoginForm {

    /** Every demo account's password (demo mode). */
    static final String DEMO_PASSWORD = "augenhoehe-demo";

    private LoginForm() {
    }

    /** On the login form: signs in as {@code user} with the demo password and waits to be back in the signed-in area. */
    static void signIn(Page page, String user) {
        assertThat(page.url()).as("the authorization server's login form").contains("/oauth2/login");
        page.getByLabel("Benutzername / Username").fill(user);
        page.getByLabel("Passwort / Password").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
        page.waitForURL(url -> url.contains("/mein-bereich"));
    }
}
