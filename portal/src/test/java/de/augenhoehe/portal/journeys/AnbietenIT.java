package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journey (2) of #18, the host of measures: the demo company's administrator (partner_admin of Neckartal
 * Präzisionstechnik, an active member of the Heilbronn network — measures-service lets a host's admins and staff manage
 * its measures) plans a measure with two sessions in the browser, opens it; a person registers in the public catalogue
 * and confirms from the mail; the host sees her, records her attendance with the keyboard alone and an outcome (an
 * apprenticeship with the company); the company's ledger shows the realised entries — read through the API with a
 * token of the company's administrator (the company's give-and-gain page belongs to another workspace). A second tab's
 * stale save is refused with a message. Each run plans its own measure, so other journeys change nothing here.
 */
@Order(2) // among the longest journeys: started first (portal/pom.xml)
class AnbietenIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LIST = "/mein-bereich/massnahmen";

    @Test
    void a_host_plans_and_opens_a_measure_records_attendance_and_an_outcome_and_the_ledger_shows_it() {
        String title = "Qualifizierung CNC-Fräsen " + UUID.randomUUID().toString().substring(0, 8);
        String participant = "Pia Probe " + UUID.randomUUID().toString().substring(0, 4);
        String email = "anbieten-" + UUID.randomUUID() + "@example.org";
        LocalDate day = LocalDate.now().plusDays(30);
        String measureId;

        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url(LIST));
            AnmeldungIT.signIn(page);
            assertThat(page.locator("h1").innerText()).isEqualTo("Maßnahmen anbieten");
            assertThat(page.locator("nav.bereich a[aria-current=page]").innerText()).isEqualTo("Maßnahmen anbieten");
            Browsers.assertPageBasics(page);
            Browsers.assertAccessible(page);

            // the form refuses what is missing, at the field, with a 4xx — nothing is created
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Neue Maßnahme planen")).click();
            page.waitForURL(url -> url.endsWith(LIST + "/neu"));
            Browsers.assertAccessible(page);
            Response refused = page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Maßnahme speichern")).click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#titel-fehler").innerText()).isEqualTo("Bitte geben Sie einen Titel an.");
            assertThat(page.getAttribute("#titel", "aria-describedby")).contains("titel-fehler");
            assertThat(page.locator("#zielgruppen-fehler").innerText()).contains("mindestens eine Zielgruppe");
            assertThat(page.locator("#termin-0-datum-fehler").innerText()).contains("mindestens einen Termin");
            Browsers.assertAccessible(page);

            // a measure with two sessions: the second row comes with "Weiteren Termin hinzufügen" (no script needed)
            page.fill("#titel", title);
            page.fill("#beschreibung", "Drei Tage an der Fräse: Programmieren, Einrichten, Prüfen.");
            page.selectOption("#art", "QUALIFICATION");
            page.selectOption("#durchfuehrung", "IN_COMPANY");
            assertThat(page.locator("#netzwerk option:checked").innerText()).isEqualTo("Fachkräftenetzwerk Heilbronn");
            page.check("label:has-text('Arbeitsuchende') >> xpath=preceding-sibling::input");
            page.fill("#plaetze", "5");
            page.fill("#berufsgruppen", "242");
            page.fill("#termin-0-datum", day.toString());
            page.fill("#termin-0-beginn", "08:00");
            page.fill("#termin-0-ende", "07:00");
            page.fill("#termin-0-plz", "74072");
            page.fill("#termin-0-ort", "Lehrwerkstatt, Neckartal Präzisionstechnik, Heilbronn");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weiteren Termin hinzufügen")).click();
            page.locator("#termin-1-datum").waitFor();
            assertThat(page.inputValue("#titel")).isEqualTo(title);
            page.fill("#termin-1-datum", day.plusDays(1).toString());
            page.fill("#termin-1-beginn", "08:00");
            page.fill("#termin-1-ende", "15:30");
            page.fill("#termin-1-plz", "74072");
            page.fill("#termin-1-ort", "Lehrwerkstatt, Neckartal Präzisionstechnik, Heilbronn");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maßnahme speichern")).click();
            assertThat(page.locator("#termin-0-ende-fehler").innerText()).isEqualTo("Das Ende muss nach dem Beginn liegen.");
            page.fill("#termin-0-ende", "15:30");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maßnahme speichern")).click();
            page.waitForURL(url -> url.endsWith("/bearbeiten"));
            measureId = page.url().replaceAll(".*/massnahmen/([^/]+)/bearbeiten$", "$1");
            assertThat(page.locator("[role=status]").innerText()).contains("„" + title + "“ ist angelegt");
            assertThat(page.locator("#stand").innerText()).isEqualTo("In Planung");
            assertThat(page.locator("#termin-1-ort").inputValue()).startsWith("Lehrwerkstatt");
            JsonNode stored = JSON.readTree(platform.call(null, "GET", "/api/measures/" + measureId, null));
            assertThat(stored.path("sessions").size()).isEqualTo(2);
            assertThat(stored.path("capacity").asInt()).isEqualTo(5);
            assertThat(stored.path("occupationGroups").get(0).asString()).isEqualTo("242");
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "anbieten-massnahme-bearbeiten");

            // a second tab holds the same version; the first saves, the second's save is refused with a message
            Page second = desktop.newPage();
            second.navigate(page.url());
            page.fill("#beschreibung", "Drei Tage an der Fräse: Programmieren, Einrichten, Prüfen. Mit Zertifikat.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maßnahme speichern")).click();
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("Ihre Änderungen sind gespeichert")).waitFor();
            second.fill("#plaetze", "6");
            Response stale = second.waitForNavigation(() -> second.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Maßnahme speichern")).click());
            assertThat(stale.status()).isEqualTo(409);
            assertThat(second.locator("#formular-fehler").innerText()).contains("Jemand hat die Maßnahme geändert");
            assertThat(second.inputValue("#plaetze")).as("the input is kept").isEqualTo("6");
            Browsers.assertAccessible(second);
            second.close();
            assertThat(JSON.readTree(platform.call(null, "GET", "/api/measures/" + measureId, null)).path("capacity").asInt()).isEqualTo(5);

            // open it for registration
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zur Anmeldung öffnen")).click();
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("zur Anmeldung geöffnet")).waitFor();
            assertThat(page.locator("#stand").innerText()).isEqualTo("Zur Anmeldung offen");

            // the list shows it with its status in words
            page.navigate(platform.url(LIST));
            assertThat(page.locator("table.anbieten-liste tr", new Page.LocatorOptions().setHasText(title)).innerText())
                    .contains("Zur Anmeldung offen", day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "anbieten-massnahmen");
            // filtered by status: it is among the open ones, not among the planned
            page.locator("nav.anbieten-filter").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Zur Anmeldung offen")).click();
            page.waitForURL(url -> url.endsWith("stand=OPEN"));
            assertThat(page.locator("main").innerText()).contains(title);
            assertThat(page.locator("nav.anbieten-filter [aria-current=page]").innerText()).isEqualTo("Zur Anmeldung offen");
            page.locator("nav.anbieten-filter").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("In Planung")).click();
            page.waitForURL(url -> url.endsWith("stand=PLANNED"));
            assertThat(page.locator("main").innerText()).doesNotContain(title);
        }

        // a person registers in the public catalogue and confirms from the mail
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/massnahmen/" + measureId));
            assertThat(page.locator("h1").innerText()).isEqualTo(title);
            page.fill("#name", participant);
            page.fill("#email", email);
            page.check("#einwilligung");
            page.click("#anmeldung button[type=submit]");
            page.waitForURL("**/angemeldet**");
            page.navigate("about:blank");
            page.navigate(platform.awaitMail(email, 1).link(platform.url("/massnahmen/anmeldung/verwalten")));
            page.click("button[value=bestaetigen]");
            page.locator("h1", new Page.LocatorOptions().setHasText("Anmeldung bestätigt")).waitFor();
        }

        String hostId = JSON.readTree(platform.call(null, "GET", "/api/measures/" + measureId, null)).path("hostPartnerId").asString();
        String companyToken = platform.token("partner_admin", "--partner-id", hostId);
        long apprenticesBefore = apprenticeEntries(companyToken, hostId);

        // the host: the participant, attendance with the keyboard alone, an outcome, the list for the day
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url(LIST + "/" + measureId + "/teilnehmende"));
            AnmeldungIT.signIn(page);
            assertThat(page.locator("h1").innerText()).isEqualTo("Teilnehmende");
            assertThat(page.locator(".anbieten-personen").innerText()).contains(participant, email, "Angemeldet", "noch keins");
            assertThat(page.locator(".anbieten-anwesenheit legend").innerText()).contains("Wer war da?", "08:00–15:30 Uhr");
            Browsers.assertAccessible(page);

            tabTo(page, "anwesend-0");
            page.keyboard().press("Space");
            assertThat(page.isChecked("#anwesend-0")).isTrue();
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent.trim()")).isEqualTo("Anwesenheit speichern");
            page.keyboard().press("Enter");
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("1 von 1 anwesend")).waitFor();
            assertThat(page.isChecked("#anwesend-0")).as("as recorded").isTrue();
            JsonNode registrations = JSON.readTree(platform.call(companyToken, "GET", "/api/measures/" + measureId + "/registrations", null));
            assertThat(registrations.path("items").get(0).path("attendance").get(0).path("attended").asBoolean()).isTrue();

            page.selectOption(".anbieten-ergebnis select", "STARTED_APPRENTICESHIP");
            page.check(".anbieten-ergebnis input[type=checkbox]");
            page.locator(".anbieten-ergebnis button").click();
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("Hat eine Ausbildung begonnen")).waitFor();
            assertThat(page.locator(".anbieten-personen").innerText()).contains("Hat eine Ausbildung begonnen");
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "anbieten-teilnehmende");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Liste für diesen Tag zum Drucken")).click();
            page.waitForURL(url -> url.contains("/tagesliste"));
            assertThat(page.locator("table.anbieten-unterschriften thead").innerText()).contains("Name", "Unterschrift");
            assertThat(page.locator("table.anbieten-unterschriften tbody").innerText()).contains(participant);
            assertThat(page.locator("#termin").innerText()).contains("08:00–15:30 Uhr");
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "anbieten-tagesliste");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.isVisible("header.site")).as("printed: no header").isFalse();
            assertThat(page.isVisible("table.anbieten-unterschriften")).isTrue();
        }

        // the company's ledger (read with its administrator's token): hosting gave course places, the outcome a gain
        awaitLedger(() -> {
            JsonNode entries = entries(companyToken, hostId);
            assertThat(StreamSupport.stream(entries.path("items").spliterator(), false)
                    .filter(e -> e.path("causeId").asString("").equals(measureId))
                    .filter(e -> e.path("side").asString().equals("GIVE") && e.path("category").asString().equals("COURSE_PLACES")))
                    .as("the measure's places, given by its host").singleElement()
                    .satisfies(e -> assertThat(e.path("quantity").asInt()).isEqualTo(5));
            assertThat(apprenticeEntries(companyToken, hostId)).as("the apprenticeship it gained").isEqualTo(apprenticesBefore + 1);
        });

        // on a phone: every page of the workspace without sideways scrolling; the measure is cancelled at the end
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url(LIST));
            AnmeldungIT.signIn(page);
            for (String path : new String[] { LIST, LIST + "/neu", LIST + "/" + measureId + "/bearbeiten",
                    LIST + "/" + measureId + "/teilnehmende", LIST + "/" + measureId + "/tagesliste" }) {
                assertThat(page.navigate(platform.url(path)).status()).as(path).isEqualTo(200);
                Browsers.assertAccessible(page);
                Browsers.assertNoHorizontalScroll(page);
            }

            // the person asks what is kept about them, then cancels by phone and wants name and e-mail erased
            page.navigate(platform.url(LIST + "/" + measureId + "/teilnehmende"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(participant)).click();
            page.waitForURL(url -> url.matches(".*/teilnehmende/[0-9a-f-]{36}$"));
            assertThat(page.locator("#anmeldung-daten").innerText()).contains(title, participant, email, "Angemeldet",
                    "Hat eine Ausbildung begonnen");
            assertThat(page.locator("table.bereich-liste tbody").innerText()).contains("ja");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "anbieten-anmeldung-phone");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmeldung stornieren")).click();
            assertThat(page.locator("#grund-fehler").innerText()).contains("Bitte nennen Sie den Grund");
            assertThat(page.locator("#anmeldung-stand").innerText()).isEqualTo("Angemeldet");
            Browsers.assertAccessible(page);
            page.getByLabel("Grund").fill("Sie hat telefonisch abgesagt.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmeldung stornieren")).click();
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("Die Anmeldung ist storniert")).waitFor();
            assertThat(page.locator("#anmeldung-stand").innerText()).isEqualTo("Storniert");
            assertThat(platform.awaitMail(email, 2).text()).as("the person is told, with the reason").contains("Sie hat telefonisch abgesagt.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Name und E-Mail endgültig löschen")).click();
            assertThat(page.locator("#loesch-fehler").innerText()).contains("verlangt");
            page.getByLabel("Die Person hat die Löschung ihrer Daten verlangt.").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Name und E-Mail endgültig löschen")).click();
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("Name und E-Mail-Adresse sind gelöscht")).waitFor();
            assertThat(page.locator("#anmeldung-daten").innerText()).doesNotContain(participant).doesNotContain(email)
                    .contains("Hat eine Ausbildung begonnen");
            Browsers.assertGoodPage(page);

            page.navigate(platform.url(LIST + "/" + measureId + "/bearbeiten"));
            page.click("summary:has-text('Maßnahme absagen')");
            page.selectOption("#grundArt", "TOO_FEW_REGISTRATIONS");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maßnahme verbindlich absagen")).click();
            page.locator("[role=status]", new Page.LocatorOptions().setHasText("Die Maßnahme ist abgesagt")).waitFor();
            assertThat(page.locator("#stand").innerText()).isEqualTo("Abgesagt");
            assertThat(page.locator("summary:has-text('Maßnahme absagen')").count()).isZero();
            assertThat(page.navigate(platform.url(LIST + "/keine-id/teilnehmende")).status()).isEqualTo(404);
        }
    }

    private static JsonNode entries(String token, String partner) {
        return JSON.readTree(platform.call(token, "GET", "/api/partners/" + partner + "/ledger/entries?size=100", null));
    }

    /** The company's gains of apprentices realised from a measure's outcome. */
    private static long apprenticeEntries(String token, String partner) {
        return StreamSupport.stream(entries(token, partner).path("items").spliterator(), false)
                .filter(e -> e.path("sourceEventType").asString("").equals("augenhoehe.measures.outcome-recorded.v1"))
                .filter(e -> e.path("category").asString().equals("APPRENTICES_TRAINED") && e.path("side").asString().equals("GAIN"))
                .count();
    }

    /** The ledger learns from events: the check is repeated until it holds, at most 30 s. */
    private static void awaitLedger(Runnable check) {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > until) {
                    throw notYet;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    /** Presses Tab until the element with this id has the focus. */
    private static void tabTo(Page page, String id) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate("() => document.activeElement.id === '" + id + "'"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id + " on " + page.url());
    }
}
