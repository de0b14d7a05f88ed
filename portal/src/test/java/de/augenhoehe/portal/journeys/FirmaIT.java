package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The company's workspace (issue #18, journeys 1 and 5), through the gateway, each with a company of its own: its new
 * administrator signs in for the first time, creates and publishes a posting that the public search then finds; two
 * tabs edit one posting and the second save is refused with the stored values beside the typed ones — nothing lost.
 */
@Order(3) // among the longest journeys: started first (portal/pom.xml)
class FirmaIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_new_company_administrator_publishes_a_posting_the_search_finds_it_her_hr_client_works_and_the_filled_posting_counts() {
        NewCompany company = NewCompany.create(platform, "Journey Firma");
        String title = "Mechatroniker/in " + company.id().substring(0, 8);
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/mein-bereich/firma"));
            company.signInFirstTime(page);
            assertThat(page.url()).startsWith(platform.url("/mein-bereich/firma"));
            // (vacancy-service's demo mode gives every company admitted to a demo network seven postings of its region)
            assertThat(page.locator("main").innerText()).contains(company.name(), "Stellenanzeigen");
            Browsers.assertGoodPage(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Neue Stelle anlegen")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma/stellen/neu"));
            Browsers.assertGoodPage(page);

            // bad input first: an unknown postal code and markup in the title come back at their fields (422), typed text kept
            page.getByLabel("Titel").fill("<b>" + title + "</b>");
            page.getByLabel("Beschreibung").fill("Sie bauen und warten unsere Fertigungsanlagen.\nWir bieten Tarif und Weiterbildung.");
            page.getByLabel("Beruf: KldB-2010-Nummer (5 Ziffern)").fill("26112");
            page.getByLabel("Postleitzahl des Arbeitsorts").fill("00000");
            page.getByLabel("Bewerbung per E-Mail an").fill("bewerbung@example.org");
            var refused = page.waitForResponse(r -> r.url().endsWith("/stellen/neu") && "POST".equals(r.request().method()),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Als Entwurf speichern")).click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#title-fehler").innerText()).contains("spitze Klammern");
            assertThat(page.locator("#postalCode-fehler").innerText()).contains("Postleitzahl");
            assertThat(page.getByLabel("Titel").getAttribute("aria-describedby")).contains("title-fehler");
            assertThat(page.getByLabel("Beschreibung").inputValue()).startsWith("Sie bauen und warten");
            Browsers.assertAccessible(page);

            page.getByLabel("Titel").fill(title);
            page.getByLabel("Postleitzahl des Arbeitsorts").fill("74072");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Als Entwurf speichern")).click();
            page.waitForURL(url -> url.matches(".*/mein-bereich/firma/stellen/[0-9a-f-]{36}$"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).contains("als Entwurf gespeichert");
            assertThat(page.locator("h1").innerText()).isEqualTo(title);
            assertThat(page.locator(".facts").innerText()).contains("Entwurf", "Heilbronn");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "firma-stelle-bearbeiten");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Veröffentlichen")).click();
            page.waitForURL(url -> url.matches(".*/mein-bereich/firma/stellen/[0-9a-f-]{36}$"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Die Stelle ist veröffentlicht. Sie erscheint gleich in der Stellensuche.");
            assertThat(page.locator(".facts").innerText()).contains("Veröffentlicht");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Veröffentlichen")).count()).isZero();
            Browsers.assertGoodPage(page);

            page.navigate(platform.url("/mein-bereich/firma"));
            assertThat(page.locator("table.bereich-liste").innerText()).contains(title, "Veröffentlicht");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "firma-stellen");

            // the public search finds it once the event reached the search projection
            page.navigate(platform.url("/mein-bereich/firma"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            String edit = page.url();
            awaitInSearch(page, title);

            // a job seeker reads the public posting and goes on to apply: the company's list counts the view and the click
            try (BrowserContext seeker = browsers.desktop()) {
                Page reader = seeker.newPage();
                reader.navigate(platform.url("/stellen/" + edit.substring(edit.lastIndexOf('/') + 1)));
                // the apply form as the browser sends it, without following its page on to the employer's own site
                // (outside the platform): the answer is the page that goes on by itself
                Object status = reader.evaluate("""
                        () => { const f = document.querySelector("form[action$='/bewerbung']");
                                return fetch(f.action, { method: 'POST', body: new URLSearchParams(new FormData(f)) }).then(r => r.status); }""");
                assertThat(status).isEqualTo(200);
            }
            page.navigate(platform.url("/mein-bereich/firma"));
            var row = page.locator("table.bereich-liste tr", new Page.LocatorOptions().setHasText(title));
            assertThat(row.locator("td.zahl").allInnerTexts()).as("views, application clicks").containsExactly("1", "1");

            // an HR client: issued with its secret shown once, which the token endpoint accepts for /integration/v1
            page.navigate(platform.url("/mein-bereich/firma"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("HR-Schnittstelle")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma/schnittstelle"));
            assertThat(page.locator("main").innerText()).contains("noch keinen Zugang");
            Browsers.assertGoodPage(page);
            page.getByLabel("Name des Zugangs").fill("Personio Produktion");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zugang anlegen")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma/schnittstelle"));
            assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("„Personio Produktion“ ist angelegt");
            String clientId = page.locator("#client-id").innerText().strip();
            String secret = page.locator("#client-secret").innerText().strip();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Geheimnis kopieren")).isVisible())
                    .as("the copy button, shown by firma.js").isTrue();
            assertThat(page.locator("table.firma-zugaenge").innerText()).contains("Personio Produktion", clientId, "noch nie");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "firma-schnittstelle");
            assertThat(integrationStatus(clientId, secret)).as("GET /integration/v1/vacancies with the new secret").isEqualTo(200);
            page.reload();
            assertThat(page.locator("main").innerText()).as("the secret is shown once").doesNotContain(secret);

            // rotated: a new secret, and the old one keeps working for the overlap the page names
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Geheimnis erneuern: Personio Produktion")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma/schnittstelle"));
            assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("ist erneuert", "Das bisherige gilt noch bis");
            String rotated = page.locator("#client-secret").innerText().strip();
            assertThat(rotated).isNotEqualTo(secret);
            assertThat(integrationStatus(clientId, rotated)).isEqualTo(200);
            assertThat(integrationStatus(clientId, secret)).as("the old secret during the overlap").isEqualTo(200);

            // revoked after a confirming page: no token any more
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Widerrufen: Personio Produktion")).click();
            page.waitForURL(url -> url.endsWith("/widerrufen"));
            Browsers.assertGoodPage(page);
            assertThat(integrationStatus(clientId, rotated)).as("nothing changed by the confirming page").isEqualTo(200);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Zugang widerrufen")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma/schnittstelle"));
            assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("ist widerrufen");
            assertThat(page.locator("table.firma-zugaenge").innerText()).contains("Widerrufen am");
            assertThat(integrationStatus(clientId, rotated)).as("no token for a revoked client").isEqualTo(-1);

            // the posting is filled: the ledger records what the company gave and gained, in its network
            page.navigate(edit);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Als besetzt markieren")).click();
            page.waitForURL(edit);
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).contains("als besetzt markiert");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Geben und Nehmen")).click();
            page.waitForURL(url -> url.endsWith("/mein-bereich/firma/geben-nehmen"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!page.locator("main").innerText().contains("Stellen besetzt") && System.nanoTime() < deadline) {
                RunningPlatform.sleep(1000);
                page.reload();
            }
            assertThat(page.locator("main").innerText()).contains("Stellen besetzt", "Stellen angeboten", "Fachkräftenetzwerk Heilbronn", "erbracht");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "firma-geben-nehmen");
        }
    }

    /**
     * The HR system's way in: a client-credentials token from the authorization server, then a GET of the integration
     * API — its status, or -1 when no token was issued.
     */
    private static int integrationStatus(String clientId, String secret) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(platform.url("/oauth2/token")))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                return -1;
            }
            String accessToken = JSON.readTree(token.body()).get("access_token").asString();
            return http.send(HttpRequest.newBuilder(URI.create(platform.url("/integration/v1/vacancies")))
                    .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void two_tabs_edit_one_posting_the_second_save_is_refused_and_nothing_is_lost() {
        NewCompany company = NewCompany.create(platform, "Journey Konflikt");
        JsonNode posting = JSON.readTree(platform.call(company.adminToken(platform), "POST", "/api/vacancies", """
                {"title":"Kfz-Mechatroniker/in","description":"Ausbildung in der Werkstatt.","type":"APPRENTICESHIP","kldb":"25212",
                 "postalCode":"74072","workingTime":"FULL_TIME","validThrough":"%s","applicationEmail":"ausbildung@example.org"}
                """.formatted(LocalDate.now().plusMonths(3))));
        String edit = platform.url("/mein-bereich/firma/stellen/" + posting.get("id").asString());
        try (BrowserContext desktop = browsers.desktop()) {
            Page first = desktop.newPage();
            first.navigate(edit);
            company.signInFirstTime(first);
            first.waitForURL(edit);
            Page second = desktop.newPage();
            second.navigate(edit);
            Browsers.assertGoodPage(second);

            // tab one saves a new title
            first.getByLabel("Titel").fill("Ausbildung Kfz-Mechatronik 2027");
            first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Änderungen speichern")).click();
            first.waitForURL(edit);
            assertThat(first.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Ihre Änderungen sind gespeichert.");

            // tab two, loaded before, changes the description: refused, the stored title beside its own, its text kept
            String typed = "Dreieinhalb Jahre Ausbildung in der Werkstatt, mit Berufsschule in Heilbronn.";
            second.getByLabel("Beschreibung").fill(typed);
            var refused = second.waitForResponse(r -> r.url().equals(edit) && "POST".equals(r.request().method()),
                    () -> second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Änderungen speichern")).click());
            assertThat(refused.status()).isEqualTo(409);
            String warning = second.locator(".firma-konflikt").innerText();
            assertThat(warning).contains("Diese Stelle wurde inzwischen geändert", "Ausbildung Kfz-Mechatronik 2027",
                    "Kfz-Mechatroniker/in", typed);
            assertThat(second.getByLabel("Beschreibung").inputValue()).isEqualTo(typed);
            assertThat(second.getByLabel("Titel").inputValue()).isEqualTo("Kfz-Mechatroniker/in");
            Browsers.assertGoodPage(second);
            Browsers.screenshot(second, "firma-konflikt");

            // she takes the other tab's title and saves her version deliberately: both changes are kept
            second.getByLabel("Titel").fill("Ausbildung Kfz-Mechatronik 2027");
            second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meine Fassung trotzdem speichern")).click();
            second.waitForURL(edit);
            assertThat(second.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Ihre Änderungen sind gespeichert.");
            JsonNode stored = JSON.readTree(platform.call(company.adminToken(platform), "GET",
                    "/api/vacancies/" + posting.get("id").asString(), null));
            assertThat(stored.get("title").asString()).isEqualTo("Ausbildung Kfz-Mechatronik 2027");
            assertThat(stored.get("description").asString()).isEqualTo(typed);

            // the other pages of the workspace on a desktop
            second.navigate(platform.url("/mein-bereich/firma"));
            Browsers.assertGoodPage(second);
            second.navigate(platform.url("/mein-bereich/firma/stellen/neu"));
            Browsers.assertGoodPage(second);
            second.navigate(platform.url("/mein-bereich/firma/schnittstelle"));
            Browsers.assertGoodPage(second);
            second.navigate(platform.url("/mein-bereich/firma/geben-nehmen"));
            Browsers.assertGoodPage(second);

            // withdrawn: the posting is closed, the page says so and offers no form any more
            second.navigate(edit);
            second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Endgültig zurückziehen")).click();
            second.waitForURL(edit);
            assertThat(second.getByRole(AriaRole.STATUS).innerText()).contains("zurückgezogen");
            assertThat(second.locator("main").innerText()).contains("Zurückgezogen", "lässt sich nicht mehr ändern");
            assertThat(second.locator("form.firma-stelle").count()).isZero();
            // tab one still shows the old form: its step now meets a closed posting and is told so (409), not a 500
            var late = first.waitForResponse(r -> r.url().endsWith("/besetzt") || r.url().endsWith("/zurueckziehen"),
                    () -> first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Endgültig zurückziehen")).click());
            assertThat(late.status()).isEqualTo(409);
            assertThat(first.getByRole(AriaRole.ALERT).first().innerText()).contains("anderen Stand");
        }
    }

    private static void awaitInSearch(Page page, String title) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            page.navigate(platform.url("/stellen?was=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8)));
            if (page.locator("main").innerText().contains(title)) {
                return;
            }
            RunningPlatform.sleep(1000);
        }
        throw new AssertionError("the published posting did not appear in /stellen within 60 s");
    }
}
