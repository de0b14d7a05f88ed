package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of a session (issue #18, "Login"): an account disabled by its administrator loses the portal at the next
 * renewal of its token at the latest — the journeys' platform issues access tokens for {@link RunningPlatform#TOKEN_TTL},
 * so the portal renews them every few seconds of a page's life instead of every ten minutes —, and a session the
 * portal no longer knows (expired, or ended on another instance) sends the person to the login and then back to the
 * very page asked for.
 */
class SitzungIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_disabled_account_loses_the_portal_when_its_token_is_renewed() {
        NewCompany company = NewCompany.create(platform, "Sitzung Ende");
        String admin = company.adminToken(platform);
        JsonNode staff = JSON.readTree(platform.call(admin, "POST", "/api/partners/" + company.id() + "/accounts",
                "{\"username\":\"" + company.username() + "-hr\",\"roles\":[\"PARTNER_STAFF\"]}"));
        String staffId = staff.path("account").path("id").asString();
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/mein-bereich/firma"));
            SignIn.submit(page, company.username() + "-hr", staff.path("initialPassword").asString());
            page.waitForURL(url -> url.contains("/oauth2/password"));
            page.getByLabel("Neues Passwort (mindestens 12 Zeichen)").fill(NewCompany.OWN_PASSWORD);
            page.getByLabel("Neues Passwort wiederholen").fill(NewCompany.OWN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort speichern")).click();
            page.waitForURL(platform.url("/mein-bereich/firma"));
            assertThat(page.locator("main").innerText()).contains("Neue Stelle anlegen");

            platform.call(admin, "DELETE", "/api/partners/" + company.id() + "/accounts/" + staffId, null);
            // the token the portal holds is still valid for a moment; the next renewal is refused
            RunningPlatform.sleep(RunningPlatform.TOKEN_TTL.minus(RunningPlatform.TOKEN_RENEWED_BEFORE_EXPIRY).plusSeconds(2).toMillis());
            page.navigate(platform.url("/mein-bereich/firma"));
            page.waitForURL(url -> url.contains("/oauth2/login"));
            assertThat(page.locator("body").innerText()).doesNotContain("Neue Stelle anlegen", company.name());
            // and the login refuses the disabled account
            SignIn.submit(page, company.username() + "-hr", NewCompany.OWN_PASSWORD);
            page.waitForLoadState();
            assertThat(page.url()).contains("/oauth2/login");
            assertThat(page.locator("body").innerText()).doesNotContain("Neue Stelle anlegen", company.name());
        }
    }

    @Test
    void a_session_the_portal_no_longer_knows_leads_to_the_login_and_back_to_the_page_asked_for() throws Exception {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            String asked = platform.url("/mein-bereich/monitor/" + NetzwerkeIT.HEILBRONN + "?von=2026-01&bis=2026-06");
            SignIn.demo(page, platform.url("/mein-bereich"), "demo-koordination-heilbronn");
            page.navigate(asked);
            assertThat(page.locator("h1").innerText()).isEqualTo("Arbeitsmarkt-Monitor");

            Cookie session = desktop.cookies().stream().filter(c -> c.name.endsWith("augenhoehe-session")).findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie: " + desktop.cookies()));
            String id = new String(Base64.getDecoder().decode(session.value), StandardCharsets.US_ASCII);
            try (Connection db = platform.database("portal");
                    PreparedStatement forget = db.prepareStatement("delete from spring_session where session_id = ?")) {
                forget.setString(1, id);
                assertThat(forget.executeUpdate()).as("the browser's session is the portal's").isEqualTo(1);
            }

            page.navigate(asked);
            page.waitForURL(url -> url.contains("/oauth2/login") || url.equals(asked));
            if (page.url().contains("/oauth2/login")) {
                SignIn.submit(page, "demo-koordination-heilbronn", SignIn.DEMO_PASSWORD);
            }
            page.waitForURL(asked, new Page.WaitForURLOptions().setTimeout(Duration.ofSeconds(30).toMillis()));
            assertThat(desktop.cookies().stream().filter(c -> c.name.equals(session.name)).map(c -> c.value))
                    .as("a new session").hasSize(1).doesNotContain(session.value);
            assertThat(page.locator("#von").inputValue()).isEqualTo("2026-01");
            Browsers.assertAccessible(page);
        }
    }
}
