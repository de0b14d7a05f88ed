package de.augenhoehe.portal.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signing in on partner-service's login form (reached through the gateway) as any account, e.g. a demo coordinator. */
final class SignIn {

    static final String DEMO_PASSWORD = "augenhoehe-demo";

    private SignIn() {
    }

    /** On the login form: fills in the account and sends it; waits until the signed-in area is back. */
    static void as(Page page, String username, String password) {
        page.getByLabel("Benutzername / Username").fill(username);
        page.getByLabel("Passwort / Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
    }

    /** Opens {@code url} (a page of the signed-in area), signs in as a demo account and waits to be back there. */
    static void demo(Page page, String url, String username) {
        page.navigate(url);
        as(page, username, DEMO_PASSWORD);
        page.waitForURL(u -> u.contains("/mein-bereich"));
    }
}
