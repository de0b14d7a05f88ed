package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Journey (3) of #17: the measure catalogue → a measure with one place → person A registers with the keyboard alone
 * and confirms from the mail → person B lands on the waiting list (position 1) → A cancels through the mail's link →
 * B has the place. Bad input at every form comes back at its field in German. Each run creates its own measure, so
 * other journeys on the same platform change nothing here.
 */
class MassnahmenIT {

    static final String HEILBRONN = "0d3e4a52-7c1b-4f0e-9a61-000000000001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MANAGE = "/massnahmen/anmeldung/verwalten";

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static String measureId;
    static String title;
    static LocalDate day;

    @BeforeAll
    static void start() {
        day = LocalDate.now().plusDays(40);
        title = "Techniktag Elektro " + UUID.randomUUID().toString().substring(0, 8);
        measureId = createMeasureWithOnePlace();
    }

    @Test
    void catalogue_register_waiting_list_cancel_and_the_next_person_is_promoted() {
        String a = "massnahmen-" + UUID.randomUUID() + "@example.org";
        String b = "massnahmen-" + UUID.randomUUID() + "@example.org";

        // the catalogue on a phone: filter by Kreis, type and the day, find the measure, open it
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            Response response = page.navigate(platform.url("/massnahmen"));
            assertThat(response.status()).isEqualTo(200);
            Browsers.assertGoodPage(page);
            page.selectOption("#kreis", "08121");
            page.selectOption("#art", "TECHNOLOGY_DAY");
            page.fill("#ab", day.toString());
            page.fill("#bis", day.toString());
            page.click("form.filters button[type=submit]");
            page.waitForURL("**kreis=08121**");
            assertThat(page.url()).contains("kreis=08121").contains("art=TECHNOLOGY_DAY");
            Locator result = page.locator("#ergebnis-liste a", new Page.LocatorOptions().setHasText(title));
            assertThat(result.count()).isEqualTo(1);
            assertThat(page.locator("#ergebnis-liste").innerText()).contains("noch 1 Platz frei");
            Browsers.screenshot(page, "massnahmen-katalog-phone");
            result.click();
            page.waitForURL("**/massnahmen/" + measureId);
            assertThat(page.url()).endsWith("/massnahmen/" + measureId);
            assertThat(page.locator("h1").innerText()).isEqualTo(title);
            assertThat(page.locator("main").innerText()).contains("Noch 1 von 1 Plätzen frei").contains("Datenschutzhinweis");
            assertThat(page.locator("a[href^='webcal://']").count()).isEqualTo(1);
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "massnahmen-detail-phone");
        }

        // A registers on a desktop with the keyboard alone (Tab, typing, Space, Enter)
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/massnahmen/" + measureId));
            tabTo(page, "name");
            page.keyboard().type("Alex Beispiel");
            tabTo(page, "email");
            page.keyboard().type(a);
            tabTo(page, "einwilligung");
            page.keyboard().press("Space");
            assertThat(page.isChecked("#einwilligung")).isTrue();
            Browsers.screenshot(page, "massnahmen-anmeldung-desktop");
            tabTo(page, null);
            assertThat(page.evaluate("() => document.activeElement.textContent.trim()")).isEqualTo("Verbindlich anmelden");
            page.keyboard().press("Enter");
            page.waitForURL("**/angemeldet**");
            assertThat(page.locator("h1").innerText()).isEqualTo("Bitte bestätigen Sie in Ihrer E-Mail");
            assertThat(page.locator("#stand").innerText()).contains("Ein Platz ist für Sie reserviert");
            Browsers.assertPageBasics(page);
            Browsers.assertAccessible(page);

            // A confirms from the mail: the script moves the secret from the fragment into the form; one button
            String linkA = platform.awaitMail(a, 1).link(platform.url(MANAGE));
            assertThat(linkA).contains("#anmeldung=").contains("&token=");
            openMailLink(page, linkA);
            assertThat(page.url()).doesNotContain("token=");
            assertThat(page.isHidden("#code-eingabe")).isTrue();
            Browsers.assertGoodPage(page);
            tabTo(page, null);
            assertThat(page.evaluate("() => document.activeElement.textContent.trim()")).isEqualTo("Anmeldung bestätigen");
            page.keyboard().press("Enter");
            expectH1(page, "Anmeldung bestätigt");
            assertThat(page.locator("#stand").innerText()).contains("Sie haben einen Platz");
            Browsers.assertAccessible(page);

            // B registers: the measure is full now → waiting list, position 1; B confirms too
            Page other = browsers.phone().newPage();
            other.navigate(platform.url("/massnahmen/" + measureId));
            assertThat(other.locator("main").innerText()).contains("Alle 1 Plätze sind vergeben");
            register(other, "Berta Beispiel", b);
            assertThat(other.locator("h1").innerText()).isEqualTo("Bitte bestätigen Sie in Ihrer E-Mail");
            assertThat(other.locator("#stand").innerText()).contains("Warteliste").contains("Platz 1");
            String linkB = platform.awaitMail(b, 1).link(platform.url(MANAGE));
            openMailLink(other, linkB);
            other.click("button[value=bestaetigen]");
            assertThat(other.locator("#stand").innerText()).contains("Sie stehen auf der Warteliste auf Platz 1.");

            // A cancels through the mail's link: one confirming click
            openMailLink(page, linkA);
            page.click("button[value=stornieren]");
            expectH1(page, "Anmeldung storniert");
            assertThat(page.locator("#stand").innerText()).contains("Diese Anmeldung ist storniert");
            Browsers.assertAccessible(page);

            // the used link cannot confirm again: the message is at the field
            openMailLink(page, linkA);
            page.click("button[value=bestaetigen]");
            assertThat(page.locator("#code-fehler").innerText()).contains("storniert");
            assertThat(page.getAttribute("#code", "aria-describedby")).contains("code-fehler");

            // B has the place now: B's page says so
            openMailLink(other, linkB);
            other.click("button[value=ansehen]");
            assertThat(other.locator("#stand").innerText()).contains("Sie haben einen Platz");
            other.context().close();
        }
    }

    @Test
    void without_javascript_the_page_takes_the_link_pasted_and_refuses_forged_ones_at_the_field() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url(MANAGE));
            assertThat(page.isVisible("#code")).isTrue();
            Browsers.assertGoodPage(page);

            page.click("button[value=ansehen]");
            assertThat(page.locator("#code-fehler").innerText()).isEqualTo("Bitte fügen Sie den Link aus Ihrer E-Mail ein.");
            assertThat(page.getAttribute("#code", "aria-invalid")).isEqualTo("true");
            Browsers.assertAccessible(page);

            page.fill("#code", "x".repeat(700));
            page.click("button[value=ansehen]");
            expectText(page, "#code-fehler", "zu lang");

            page.fill("#code", "hallo");
            page.click("button[value=ansehen]");
            expectText(page, "#code-fehler", "unvollständig");

            page.fill("#code", platform.url(MANAGE) + "#anmeldung=" + UUID.randomUUID() + "&token=" + "A".repeat(43));
            page.click("button[value=bestaetigen]");
            expectText(page, "#code-fehler", "Zu diesem Link gibt es keine Anmeldung");

            // a real registration, its link pasted by hand (as without JavaScript): the state is shown
            String c = "massnahmen-" + UUID.randomUUID() + "@example.org";
            String spare = createMeasure(5);
            page.navigate(platform.url("/massnahmen/" + spare));
            register(page, "Carla Beispiel", c);
            page.navigate(platform.url(MANAGE));
            page.fill("#code", platform.awaitMail(c, 1).link(platform.url(MANAGE)));
            page.click("button[value=ansehen]");
            assertThat(page.locator("#stand").innerText()).contains("Sie haben einen Platz");
            assertThat(page.locator("h1").innerText()).isEqualTo("Ihre Anmeldung");
            assertThat(page.locator("main").innerText()).contains(c);
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void bad_input_comes_back_at_the_field_in_german() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/massnahmen/" + measureId));
            page.click("#anmeldung button[type=submit]");
            assertThat(page.locator("#name-fehler").innerText()).isEqualTo("Bitte geben Sie Ihren Namen an.");
            assertThat(page.locator("#email-fehler").innerText()).isEqualTo("Bitte geben Sie Ihre E-Mail-Adresse an.");
            assertThat(page.locator("#einwilligung-fehler").innerText()).contains("Datenschutzhinweis");
            assertThat(page.getAttribute("#name", "aria-describedby")).contains("name-fehler");
            Browsers.assertGoodPage(page);

            page.fill("#name", "N".repeat(201));
            page.fill("#email", "keine-adresse");
            page.check("#einwilligung");
            page.click("#anmeldung button[type=submit]");
            expectText(page, "#name-fehler", "höchstens 200 Zeichen");
            assertThat(page.locator("#email-fehler").innerText()).contains("gültige E-Mail-Adresse");
            assertThat(page.inputValue("#name")).hasSize(201);

            Response filter = page.navigate(platform.url("/massnahmen?ab=gestern&kreis=99999"));
            assertThat(filter.status()).isEqualTo(200);
            assertThat(page.locator("#ab-fehler").innerText()).contains("Bitte ein Datum angeben");
            assertThat(page.locator("#kreis-fehler").innerText()).contains("Kreis aus der Liste");
            Browsers.assertAccessible(page);

            Response unknown = page.navigate(platform.url("/massnahmen/" + UUID.randomUUID()));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.headerValue("content-type")).startsWith("text/html");
        }
    }

    /**
     * Opens a mail's link as a click in the mail program does: a new page load. (Navigating from the management page
     * to its own address with another fragment would only scroll, not load.)
     */
    private static void openMailLink(Page page, String link) {
        page.navigate("about:blank");
        page.navigate(link);
    }

    /** Waits until the element shows this text (the page before a POST may have had the element with another). */
    private static void expectText(Page page, String selector, String text) {
        page.locator(selector, new Page.LocatorOptions().setHasText(text)).waitFor();
    }

    /** Waits for the page whose h1 is this text (a POST answers on the same address, so the URL cannot tell). */
    private static void expectH1(Page page, String text) {
        page.locator("h1", new Page.LocatorOptions().setHasText(text)).waitFor();
        assertThat(page.locator("h1").innerText()).isEqualTo(text);
    }

    /** Fills the form of the measure page the browser shows and sends it. */
    private static void register(Page page, String name, String email) {
        page.fill("#name", name);
        page.fill("#email", email);
        page.check("#einwilligung");
        page.click("#anmeldung button[type=submit]");
        page.waitForURL("**/angemeldet**");
    }

    /** Presses Tab until the element with this id has the focus (null: the form's submit button). */
    private static void tabTo(Page page, String id) {
        String wanted = id == null ? "document.activeElement.type === 'submit'" : "document.activeElement.id === '" + id + "'";
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate("() => " + wanted))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + (id == null ? "a submit button" : "#" + id) + " on " + page.url());
    }

    private static String createMeasureWithOnePlace() {
        return createMeasure(1);
    }

    /** A technology day of the Heilbronn network hosted by a demo measure's host, OPEN, registration open now. */
    private static String createMeasure(int capacity) {
        String token = platform.token("coordinator", "--networks", HEILBRONN);
        JsonNode demo = JSON.readTree(platform.call(null, "GET", "/api/measures?network=" + HEILBRONN, null));
        String host = demo.path("items").get(0).path("hostPartnerId").asString();
        ObjectNode m = JSON.createObjectNode();
        m.put("networkId", HEILBRONN);
        m.put("hostPartnerId", host);
        m.put("title", capacity == 1 ? title : "Werkstatttag Holz " + UUID.randomUUID().toString().substring(0, 8));
        m.put("description", "Ausprobieren: Elektro, Metall, Holz. Für Schülerinnen und Schüler ab Klasse 8.");
        m.put("type", "TECHNOLOGY_DAY");
        m.putArray("targetGroups").add("PUPILS_REALSCHULE").add("PUPILS_GEMEINSCHAFTSSCHULE");
        m.put("delivery", "EXTERNAL");
        ObjectNode session = m.putArray("sessions").addObject();
        session.put("date", day.toString());
        session.put("startTime", "09:00");
        session.put("endTime", "15:00");
        session.put("postalCode", "74072");
        session.put("place", "Bildungszentrum der Handwerkskammer, Heilbronn");
        m.put("capacity", capacity);
        m.put("registrationOpensAt", Instant.now().minusSeconds(3600).toString());
        m.put("registrationClosesAt", Instant.now().plusSeconds(86400 * 20).toString());
        m.put("costEur", 0);
        m.put("language", "de");
        String id = JSON.readTree(platform.call(token, "POST", "/api/measures", m.toString())).path("id").asString();
        platform.call(token, "POST", "/api/measures/" + id + "/status", "{\"status\":\"OPEN\"}");
        return id;
    }
}
