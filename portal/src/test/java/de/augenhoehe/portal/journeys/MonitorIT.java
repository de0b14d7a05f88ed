package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's labour-market monitor (issue #18): a company of the Heilbronn network posts four Altenpflege jobs in
 * the Landkreis Heilbronn and withdraws three unfilled — a group no demo posting or measure has —, which the monitor
 * must show as a bottleneck (stock up from nothing: 3 points; all closed unfilled: 3 points; the vacancy time of jobs
 * closed within seconds is not rated → 3.0), as a gap no measure addresses with "Maßnahme planen", and as this month's
 * figures in the chart's table (what was there before plus one in stock, four new, three ended). The coordinator signs in through the gateway; another network's monitor is refused by URL.
 */
class MonitorIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ALTENPFLEGE = "82102";
    static final String LANDKREIS_HEILBRONN_PLZ = "74177";

    @Test
    void a_coordinator_sees_a_new_bottleneck_its_gap_and_the_months_figures_and_not_another_networks_monitor() {
        int[] before = thisMonth();
        postFourAndWithdrawThree();
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/mein-bereich/monitor"));
            SignIn.as(page, "demo-koordination-heilbronn");
            // one network: straight to its monitor
            assertThat(page.url()).startsWith(platform.url("/mein-bereich/monitor/" + NetzwerkeIT.HEILBRONN));
            assertThat(page.locator("nav.bereich").innerText()).contains("Arbeitsmarkt-Monitor");

            // the events travel vacancy-service → Kafka → measures-service's read model: the page shows them when they arrived
            Locator row = page.locator("table.engpaesse tbody tr").filter(new Locator.FilterOptions().setHasText("(821)"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (row.count() == 0 || !row.first().innerText().contains("Engpass")) {
                assertThat(Instant.now()).as("the bottleneck reaches the monitor").isBefore(deadline);
                RunningPlatform.sleep(2000);
                page.reload();
            }
            String bottleneck = row.first().innerText();
            assertThat(bottleneck).contains("Landkreis Heilbronn", "Altenpflege", "3,0", "Engpass",
                    "Veränderung des Bestands", "3 von 3", "Anteil unbesetzt beendet");
            assertThat(row.first().locator("td.stufe.engpass").count()).as("coloured, and said in words").isEqualTo(1);
            assertThat(page.locator("details.formel").innerText()).contains("So entsteht die Punktzahl");

            // the gap: no measure addresses Altenpflege in the Landkreis Heilbronn
            Locator gap = page.locator("section[aria-labelledby=luecken] li.card")
                    .filter(new Locator.FilterOptions().setHasText("Altenpflege in Landkreis Heilbronn"));
            assertThat(gap.count()).isEqualTo(1);
            assertThat(gap.first().innerText()).as("the proposal in German")
                    .contains("Für Altenpflege in Landkreis Heilbronn ist keine Maßnahme geplant oder offen");
            // she coordinates but hosts no measures: the gap goes to a working group of her network
            assertThat(gap.first().getByRole(AriaRole.LINK).getAttribute("href"))
                    .isEqualTo("/mein-bereich/koordination/" + NetzwerkeIT.HEILBRONN + "/gremien");
            Browsers.assertAccessible(page);
            Browsers.assertPageBasics(page);
            Browsers.screenshot(page, "monitor-engpaesse-desktop");

            // the chart for the Kreis and the group: this month's four new and three ended, as a table too
            page.getByLabel("Kreis für die Zeitreihe").selectOption("08125");
            page.getByLabel("Berufsgruppe für die Zeitreihe").selectOption("821");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anzeigen")).click();
            page.waitForURL(url -> url.contains("gruppe=821"));
            Locator lastMonth = page.locator("table.zahlen tbody tr").last();
            List<String> cells = lastMonth.locator("td").allInnerTexts();
            assertThat(cells.subList(0, 3)).as("stock at month end, new, ended")
                    .containsExactly(String.valueOf(before[0] + 1), String.valueOf(before[1] + 4), String.valueOf(before[2] + 3));
            assertThat(cells.get(3)).as("the vacancy time in days, with how many ended").matches("[0-9]+,[0-9] \\([1-9][0-9]*\\)");
            assertThat(page.locator("figure.chart svg rect.zugang").count()).isEqualTo(12);
            assertThat(page.locator("figure.chart svg rect.zugang").last().getAttribute("height")).isNotEqualTo("0.0");
            Browsers.assertAccessible(page);

            // a wrong period is refused at its field, nothing read
            Response wrong = page.navigate(platform.url("/mein-bereich/monitor/" + NetzwerkeIT.HEILBRONN + "?von=2026-06&bis=2026-01"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(page.locator("#bis-fehler").innerText()).contains("nicht vor dem ersten");
            assertThat(page.locator("table.engpaesse").count()).isZero();
            Browsers.assertAccessible(page);

            // a Kreis that is none (an address changed by hand): refused at its field, nothing read
            Response tampered = page.navigate(platform.url("/mein-bereich/monitor/" + NetzwerkeIT.HEILBRONN + "?kreis=Heilbronn"));
            assertThat(tampered.status()).isEqualTo(400);
            assertThat(page.locator("#kreis-fehler").innerText()).contains("aus der Liste");
            assertThat(page.locator("table.engpaesse").count()).isZero();

            // another network's monitor, by URL: the 403 page, nothing of it shown
            Response other = page.navigate(platform.url("/mein-bereich/monitor/" + NetzwerkeIT.EMS_ACHSE));
            assertThat(other.status()).isEqualTo(403);
            assertThat(page.locator("main").innerText()).doesNotContain("Ems-Achse", "Engpässe je Kreis");
        }
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/mein-bereich/monitor/" + NetzwerkeIT.HEILBRONN));
            SignIn.as(page, "demo-koordination-heilbronn");
            Browsers.assertNoHorizontalScroll(page);
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "monitor-phone");
        }
    }

    @Test
    void a_company_administrator_cannot_open_the_monitor() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/mein-bereich"));
            SignIn.as(page, "demo-personal-neckartal");
            assertThat(page.locator("nav.bereich").innerText()).doesNotContain("Arbeitsmarkt-Monitor");
            assertThat(page.navigate(platform.url("/mein-bereich/monitor/" + NetzwerkeIT.HEILBRONN)).status()).isEqualTo(403);
        }
    }

    /** This month's stock, inflow and outflow of Altenpflege in the Landkreis Heilbronn (0 on a fresh platform). */
    private static int[] thisMonth() {
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        JsonNode months = JSON.readTree(platform.call(platform.token("coordinator", "--networks", NetzwerkeIT.HEILBRONN), "GET",
                "/api/monitor/" + NetzwerkeIT.HEILBRONN + "/vacancies?from=" + month + "&to=" + month + "&kreis=08125", null));
        int[] figures = new int[3];
        for (JsonNode m : months) {
            if (m.path("occupationGroup").asString().equals("821")) {
                figures[0] += m.path("stock").asInt();
                figures[1] += m.path("inflow").asInt();
                figures[2] += m.path("outflow").asInt();
            }
        }
        return figures;
    }

    /** Four Altenpflege jobs of the demo company Neckartal (a Heilbronn member), three withdrawn unfilled. */
    private static void postFourAndWithdrawThree() {
        JsonNode members = JSON.readTree(platform.call(null, "GET",
                "/api/networks/" + NetzwerkeIT.HEILBRONN + "/partners?kind=COMPANY&size=100", null));
        String neckartal = null;
        for (JsonNode m : members.path("items")) {
            if (m.path("partner").path("name").asString().startsWith("Neckartal Präzisionstechnik")) {
                neckartal = m.path("partner").path("id").asString();
            }
        }
        assertThat(neckartal).as("the demo company is a member of Heilbronn").isNotNull();
        String company = platform.token("partner_admin", "--partner-id", neckartal);
        for (int i = 0; i < 4; i++) {
            JsonNode posting = JSON.readTree(platform.call(company, "POST", "/api/vacancies", """
                    {"title":"Pflegefachkraft Altenpflege (m/w/d) %d","description":"Pflege in unserem Betriebskindergarten-Nachbarhaus.",
                     "type":"JOB","kldb":"%s","postalCode":"%s","workingTime":"FULL_TIME","openings":1,
                     "validThrough":"%s","applicationEmail":"pflege@example.org"}"""
                    .formatted(i, ALTENPFLEGE, LANDKREIS_HEILBRONN_PLZ, java.time.LocalDate.now().plusMonths(2))));
            String id = posting.path("id").asString();
            platform.call(company, "POST", "/api/vacancies/" + id + "/publish", null);
            if (i > 0) {
                platform.call(company, "POST", "/api/vacancies/" + id + "/withdraw", "{\"reason\":\"Niemand hat sich beworben.\"}");
            }
        }
    }
}
