package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Journey (4): the management link from the confirmation mail → the person's data → withdraw a consent → the export
 * downloads with the person's data in it → erase, after a confirming step → the data is gone and the link no longer
 * works.
 */
class MeineDatenIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void the_management_link_shows_exports_withdraws_and_erases_the_person_s_data() throws Exception {
        String email = Returnees.email();
        String managementLink = signedUpAndConfirmed(email);
        String id = managementLink.replaceAll(".*[?&]id=([^&]+).*", "$1");
        String token = managementLink.replaceAll(".*[?&]token=([^&]+).*", "$1");
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            Response opened = page.navigate(managementLink);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.headerValue("referrer-policy")).isEqualTo("no-referrer");
            assertThat(opened.headerValue("x-robots-tag")).contains("noindex");
            assertThat(page.locator("h1").innerText()).isEqualTo("Meine Daten");
            assertThat(page.locator("main").innerText()).contains("Talea Ostendorp", email, "Oldenburg", "Metallbau und Schweißtechnik");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "rueckkehr-meine-daten-desktop");

            // correct: bad input at the field, then saved and shown
            page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Angaben ändern")).click());
            assertThat(page.locator("h1").innerText()).isEqualTo("Angaben ändern");
            assertThat(page.locator("#currentPlace").inputValue()).isEqualTo("Oldenburg");
            assertThat(page.locator("#occupation").inputValue()).isEqualTo("244");
            page.locator("#currentPlace").fill("");
            page.locator("#lastName").fill("Ostendorp 2");
            page.waitForNavigation(() -> page.locator("#speichern").click());
            assertThat(page.locator("#currentPlace-fehler").innerText()).isEqualTo("Bitte sagen Sie uns, wo Sie jetzt wohnen.");
            Browsers.assertAccessible(page);
            page.locator("#currentPlace").fill("Leer");
            page.waitForNavigation(() -> page.locator("#speichern").click());
            assertThat(page.locator("#lastName-fehler").innerText()).as("the API's refusal at the field")
                    .isEqualTo("Bitte nur Buchstaben, Leerzeichen, Bindestriche, Apostrophe und Punkte verwenden.");
            page.locator("#lastName").fill("Ostendorp-Bakker");
            page.waitForNavigation(() -> page.locator("#speichern").click());
            assertThat(page.locator("h1").innerText()).isEqualTo("Meine Daten");
            assertThat(page.locator("[role=status]").innerText()).contains("Ihre Änderungen sind gespeichert");
            assertThat(page.locator("main").innerText()).contains("Talea Ostendorp-Bakker", "Leer");

            // withdraw one consent: said, and shown as withdrawn
            page.waitForNavigation(() -> page.locator("#widerrufen-MATCH_NOTIFICATIONS").click());
            assertThat(page.locator("[role=status]").last().innerText()).contains("Einwilligung ist widerrufen");
            assertThat(page.locator("#widerrufen-MATCH_NOTIFICATIONS").count()).isZero();
            assertThat(page.locator("#widerrufen-MATCHING").count()).isEqualTo(1);
            assertThat(page.locator("main").innerText()).contains("Widerrufen am");

            // the export downloads as a file with the person's data
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Meine Daten herunterladen")).click());
            assertThat(download.suggestedFilename()).isEqualTo("meine-daten.json");
            JsonNode export = Returnees.JSON.readTree(Files.readString(download.path()));
            assertThat(export.path("profile").path("firstName").asString()).isEqualTo("Talea");
            assertThat(export.path("profile").path("lastName").asString()).isEqualTo("Ostendorp-Bakker");
            assertThat(export.path("profile").path("email").asString()).isEqualTo(email);
            assertThat(export.path("consents").toString()).contains("MATCHING", "MATCH_NOTIFICATIONS");

            // erase: one step to think, then gone
            page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alle Daten löschen …")).click());
            assertThat(page.locator("h1").innerText()).isEqualTo("Wirklich alle Daten löschen?");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, alle Daten endgültig löschen")).click();
            page.waitForURL(platform.url("/rueckkehr/meine-daten/geloescht"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Ihre Daten sind gelöscht");
            Browsers.assertAccessible(page);

            Response again = page.navigate(managementLink);
            assertThat(again.status()).isEqualTo(404);
            assertThat(page.locator("h1").innerText()).isEqualTo("Dieser Link funktioniert nicht (mehr)");
            assertThat(page.locator("main").innerText()).doesNotContain("Talea", email);
            Browsers.assertAccessible(page);
        }
        assertThat(exportStatus(id, token)).as("the API has nothing left for the link").isEqualTo(404);
    }

    @Test
    void a_forged_management_link_shows_nothing_and_says_so_in_german() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            Response forged = page.navigate(platform.url("/rueckkehr/meine-daten?id=" + UUID.randomUUID() + "&token=" + "B".repeat(43)));
            assertThat(forged.status()).isEqualTo(404);
            assertThat(forged.headerValue("content-type")).startsWith("text/html");
            assertThat(page.locator("h1").innerText()).isEqualTo("Dieser Link funktioniert nicht (mehr)");
            Response broken = page.navigate(platform.url("/rueckkehr/meine-daten?id=kaputt"));
            assertThat(broken.status()).isEqualTo(404);
            Browsers.assertAccessible(page);
            Browsers.assertNoHorizontalScroll(page);
        }
    }

    /** Signs a person up through the API (network page, no code), confirms by the mailed link; the management link. */
    private static String signedUpAndConfirmed(String email) {
        return Returnees.signedUpAndConfirmed(platform, email, "\"networkId\":\"" + Returnees.EMS_ACHSE + "\"")
                .link(platform.url("/rueckkehr/meine-daten?"));
    }

    private static int exportStatus(String id, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.url("/api/returnees/" + id + "/export")))
                .header("Returnee-Token", token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
