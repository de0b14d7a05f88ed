package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The login as a backend-for-frontend (issue #18), through the gateway: the portal sends the person to partner-service's
 * login form and back, keeps the tokens on its server and gives the browser only an HttpOnly session cookie; the
 * signed-in area shows only the workspaces of the person's roles; a change needs the session's CSRF token; logout ends
 * both sessions. The demo company's administrator (demo mode) signs in.
 */
class AnmeldungIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();

    static final String USER = "demo-personal-neckartal";

    /** On partner-service's login form (reached through the gateway): the demo company's administrator signs in. */
    static void signIn(Page page) {
        SignIn.as(page, USER);
    }

    @Test
    void a_company_administrator_signs_in_sees_her_workspaces_and_signs_out() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            // the public layout offers the login
            page.navigate(platform.url("/"));
            assertThat(desktop.cookies()).as("an anonymous visitor gets no session").noneMatch(c -> c.name.contains("session"));
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Anmelden")).click();
            page.waitForURL(url -> url.contains("/oauth2/login"));
            Browsers.assertAccessible(page);
            signIn(page);

            assertThat(page.url()).isEqualTo(platform.url("/mein-bereich"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Mein Bereich");
            assertThat(page.locator("main").innerText()).contains(USER, "Neckartal Präzisionstechnik GmbH");
            // only the workspaces of a company's administrator
            String navigation = page.locator("nav.bereich").innerText();
            assertThat(navigation).contains("Stellen meines Unternehmens", "Maßnahmen anbieten")
                    .doesNotContain("Netzwerk koordinieren", "Betrieb der Plattform");
            Browsers.assertPageBasics(page);
            Browsers.assertAccessible(page);
            Browsers.assertNoHorizontalScroll(page);
            Browsers.screenshot(page, "anmeldung-mein-bereich-desktop");

            // the browser holds only the portal's session cookie: HttpOnly, SameSite=Lax; no token, no login session left
            List<Cookie> cookies = desktop.cookies();
            Cookie session = cookies.stream().filter(c -> c.name.equals("augenhoehe-session")).findFirst().orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
            assertThat(cookies).noneMatch(c -> c.name.equals("SESSION"));
            assertThat(cookies).noneMatch(c -> c.value.startsWith("eyJ")); // no JWT anywhere

            // a workspace: the company's own postings, read with her token
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Stellen meines Unternehmens").setExact(true)).first().click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Stellen meines Unternehmens");
            assertThat(page.locator("main").innerText()).containsAnyOf("Alle Stellenanzeigen", "noch keine Stellenanzeigen");
            Browsers.assertAccessible(page);
            Browsers.assertNoHorizontalScroll(page);
            // a workspace of another role, by URL: refused (the hidden link is no permission)
            Response other = page.navigate(platform.url("/mein-bereich/koordination"));
            assertThat(other.status()).isEqualTo(403);

            // a change without the session's CSRF token, or with a forged one, is refused; she stays signed in
            assertThat(page.request().post(platform.url("/logout"), RequestOptions.create().setMaxRedirects(0)).status()).isEqualTo(403);
            assertThat(page.request().post(platform.url("/logout"), RequestOptions.create().setMaxRedirects(0)
                    .setHeader("X-CSRF-TOKEN", "forged")).status()).isEqualTo(403);
            assertThat(page.request().post(platform.url("/logout"), RequestOptions.create().setMaxRedirects(0)
                    .setForm(com.microsoft.playwright.options.FormData.create().set("_csrf", "forged"))).status()).isEqualTo(403);
            assertThat(page.navigate(platform.url("/mein-bereich")).status()).isEqualTo(200);

            // a public page knows she is signed in: its header offers her area, not the login
            page.navigate(platform.url("/stellen"));
            assertThat(page.locator("header.site nav").innerText()).contains("Mein Bereich").doesNotContain("Anmelden");
            page.navigate(platform.url("/mein-bereich"));

            // logout ends the portal's session and the authorization server's, and comes back to the start page
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abmelden")).click();
            page.waitForURL(url -> url.equals(platform.url("/")));
            assertThat(page.locator("header.site nav").innerText()).as("the session cookie is gone").contains("Anmelden")
                    .doesNotContain("Mein Bereich");
            page.navigate(platform.url("/mein-bereich"));
            assertThat(page.url()).as("signed out: the login is asked for again").contains("/oauth2/login");
        }
    }

    @Test
    void a_lost_session_leads_to_the_login_and_back_to_the_page_asked_for_on_a_phone() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/mein-bereich/firma"));
            signIn(page);
            assertThat(page.url()).startsWith(platform.url("/mein-bereich/firma"));

            page.navigate(platform.url("/mein-bereich"));
            Browsers.assertNoHorizontalScroll(page);
            Browsers.screenshot(page, "anmeldung-mein-bereich-phone");

            // the session is gone (expired, or the cookie lost): the login again, then the page asked for
            phone.clearCookies();
            page.navigate(platform.url("/mein-bereich/firma"));
            signIn(page);
            assertThat(page.url()).startsWith(platform.url("/mein-bereich/firma"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Stellen meines Unternehmens");
        }
    }

    @Test
    void a_new_administrator_replaces_the_one_time_password_at_the_first_login_and_lands_in_her_area() {
        // a company new on the platform; operations creates its first administrator, who gets the one-time password
        String coordinator = platform.token("coordinator", "--networks", NetzwerkeIT.HEILBRONN);
        JsonNode company = JSON.readTree(platform.call(coordinator, "POST", "/api/partners",
                "{\"name\":\"Erstanmeldung " + UUID.randomUUID() + " GmbH\",\"kind\":\"COMPANY\"}"));
        String username = "erst-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode account = JSON.readTree(platform.call(platform.token("operations"), "POST",
                "/api/partners/" + company.get("id").asString() + "/accounts",
                "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_ADMIN\"]}"));
        String oneTime = account.get("initialPassword").asString();

        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/mein-bereich"));
            page.getByLabel("Benutzername / Username").fill(username);
            page.getByLabel("Passwort / Password").fill(oneTime);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
            page.waitForURL(url -> url.contains("/oauth2/password"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Eigenes Passwort wählen");
            Browsers.assertGoodPage(page);

            // too short: the form again, the reason at the field, nothing set
            page.getByLabel("Neues Passwort (mindestens 12 Zeichen)").fill("kurz");
            page.getByLabel("Neues Passwort wiederholen").fill("kurz");
            page.evaluate("() => document.querySelectorAll('input[minlength]').forEach(i => i.removeAttribute('minlength'))");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort speichern")).click();
            assertThat(page.getByRole(AriaRole.ALERT).innerText()).contains("zu kurz");
            assertThat(page.getByRole(AriaRole.ALERT).evaluate("e => getComputedStyle(e).color"))
                    .as("the page's own styles apply (the gateway's CSP for partner-service's pages)").isEqualTo("rgb(170, 0, 0)");
            assertThat(page.getByLabel("Neues Passwort (mindestens 12 Zeichen)").getAttribute("aria-describedby")).isEqualTo("problem");
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "anmeldung-erstes-passwort-phone");

            String own = "Mein Passwort für Augenhöhe";
            page.getByLabel("Neues Passwort (mindestens 12 Zeichen)").fill(own);
            page.getByLabel("Neues Passwort wiederholen").fill(own);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort speichern")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich"));
            assertThat(page.locator("main").innerText()).contains(username);
            assertThat(page.locator("nav.bereich").innerText()).contains("Stellen meines Unternehmens");
        }
        // the one-time password is void: the next login with it fails at the form
        try (BrowserContext again = browsers.desktop()) {
            Page page = again.newPage();
            page.navigate(platform.url("/mein-bereich"));
            page.getByLabel("Benutzername / Username").fill(username);
            page.getByLabel("Passwort / Password").fill(oneTime);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
            page.waitForURL(url -> url.contains("/oauth2/login?error"));
            assertThat(page.getByRole(AriaRole.ALERT).innerText()).contains("Anmeldung fehlgeschlagen");
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
}
