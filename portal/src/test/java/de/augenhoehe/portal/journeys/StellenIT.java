package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journey (2): a job seeker searches with postal code, radius and a facet (phone and desktop), opens the vacancy page,
 * applies; the page's JSON-LD has what Google requires of a JobPosting; the sitemap lists it; a withdrawn posting is
 * a 410 page. The postings are this journey's own (put by the demo HR client with a word nobody else uses).
 */
class StellenIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static String hrToken;
    /** A made-up word only this run's postings contain: the search finds exactly them. */
    static String word;
    static String postingId;
    static String postingExternalId;
    static String withdrawnId;

    @BeforeAll
    static void start() throws Exception {
        hrToken = hrToken();
        StringBuilder letters = new StringBuilder("Stellenprobe");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        word = letters.toString();
        postingExternalId = "stellen-" + UUID.randomUUID();
        postingId = put(postingExternalId, posting("Mechatroniker/in " + word, "26112", "74072"));
        String other = "stellen-" + UUID.randomUUID();
        withdrawnId = put(other, posting("Lagerhelfer/in " + word, "51311", "74072"));
        send("POST", "/integration/v1/vacancies/" + other + "/withdraw", "{\"reason\":\"besetzt\"}");
    }

    @Test
    void a_phone_searches_with_radius_and_a_facet_opens_the_vacancy_and_applies() throws Exception {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            Response response = page.navigate(platform.url("/stellen"));
            assertThat(response.status()).isEqualTo(200);
            page.fill("#was", word);
            page.fill("#plz", "74072");
            page.selectOption("#umkreis", "25"); // a choice sends the form at once (live); text is sent with the button or Enter
            page.waitForURL(u -> u.contains("umkreis=25") && u.contains("plz=74072"));
            settled(page);
            page.locator(".stellen-liste li").first().waitFor();
            assertThat(page.locator(".stellen-liste li").count()).as("the own published posting, not the withdrawn one").isEqualTo(1);
            assertThat(page.locator(".stellen-liste").innerText()).contains("Mechatroniker/in " + word).contains("km entfernt");
            assertThat(page.locator("#anzahl").innerText()).contains("im Umkreis von 25 km um 74072");

            // the occupation-group facet (with its count) narrows live, and the address follows (htmx, hx-push-url)
            assertThat(page.locator("#berufsgruppe option[value='261']").textContent()).contains("Mechatronik").contains("(1)");
            page.selectOption("#berufsgruppe", "261");
            page.waitForURL(u -> u.contains("berufsgruppe=261"));
            settled(page);
            assertThat(page.locator(".stellen-liste").innerText()).contains("Mechatroniker/in " + word);
            assertThat(page.locator("#karte").getAttribute("aria-hidden")).isEqualTo("true");
            assertMap(page); // drawn again after the htmx swap
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "stellen-suche-phone");

            page.click("text=Mechatroniker/in " + word);
            page.waitForURL(u -> u.endsWith("/stellen/" + postingId));
            assertThat(page.locator("h1").innerText()).isEqualTo("Mechatroniker/in " + word);
            assertThat(page.locator("main").innerText()).contains("Vollzeit").contains("3.200 – 3.900 € pro Monat")
                    .contains("Mindestens B1");
            JsonNode ld = JSON.readTree(page.locator("script[type='application/ld+json']").textContent());
            assertGoogleJobPosting(ld);
            assertThat(page.locator("a.stellen-website").getAttribute("href")).isEqualTo("https://www.neckartal-praezision.example");
            assertThat(page.locator("main").innerText()).contains("Binswanger Straße 12, 74172 Neckarsulm");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "stellen-detail-phone");

            // "Jetzt online bewerben" counts the click through the API and leads to the employer's own page
            page.route("https://karriere.example.de/**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html").setBody("<html lang=de><title>Bewerbung</title><h1>Bewerbung</h1></html>")));
            page.click("text=Jetzt online bewerben");
            page.waitForURL("https://karriere.example.de/**");
            JsonNode statistics = JSON.readTree(send("GET", "/integration/v1/vacancies/" + postingExternalId + "/statistics", null));
            assertThat(statistics.path("applicationClicks").asLong()).isEqualTo(1);
        }
    }

    @Test
    void a_desktop_searches_with_a_type_facet_and_the_sitemap_lists_the_posting() throws Exception {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/stellen?was=" + word + "&plz=74072&umkreis=50"));
            page.check("#art-0"); // Job
            page.waitForURL(u -> u.contains("art=JOB"));
            settled(page);
            assertThat(page.locator(".stellen-liste").innerText()).contains("Mechatroniker/in " + word);
            page.locator("#karte.aktiv").waitFor();
            assertMap(page);
            Browsers.assertPageBasics(page);
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "stellen-suche-desktop");

            // a type that finds nothing: a page that helps on (a wider radius, without filters)
            page.navigate(platform.url("/stellen?was=" + word + "&plz=74072&umkreis=10&art=PROJECT_DAY"));
            assertThat(page.locator("main").innerText()).contains("Leider haben wir dazu gerade kein passendes Angebot")
                    .contains("Im Umkreis von 20 km suchen").contains("Ohne Art, Arbeitszeit");
            Browsers.assertAccessible(page);
        }
        String sitemap = send("GET", "/sitemap.xml", null);
        assertThat(sitemap).startsWith("<?xml").contains("<loc>" + platform.url("/stellen/" + postingId) + "</loc>")
                .doesNotContain(withdrawnId);
    }

    @Test
    void bad_parameters_are_messages_at_their_fields_and_a_withdrawn_posting_is_gone() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/stellen"));
            page.fill("#plz", "7407");
            page.click("button[type=submit]");
            settled(page);
            page.locator("#plz-fehler").waitFor();
            assertThat(page.locator("#plz-fehler").innerText()).contains("5 Ziffern");
            assertThat(page.locator("#plz").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#plz").getAttribute("aria-describedby")).contains("plz-fehler");

            Response unknown = page.navigate(platform.url("/stellen?plz=99999&umkreis=500"));
            assertThat(unknown.status()).isEqualTo(200);
            assertThat(unknown.headerValue("content-type")).startsWith("text/html");
            assertThat(page.locator("#plz-fehler").innerText()).contains("kennen wir nicht");
            assertThat(page.locator("#umkreis-fehler").innerText()).contains("1 bis 200 km");
            Browsers.assertAccessible(page);

            Response gone = page.navigate(platform.url("/stellen/" + withdrawnId));
            assertThat(gone.status()).isEqualTo(410);
            assertThat(page.locator("h1").innerText()).isEqualTo("Dieses Angebot ist beendet");
            Browsers.assertGoodPage(page);

            assertThat(page.navigate(platform.url("/stellen/" + UUID.randomUUID())).status()).isEqualTo(404);
            assertThat(page.navigate(platform.url("/stellen/keine-id")).status()).isEqualTo(404);
        }
    }

    /** htmx has swapped and settled the live results (no request, swap or settle under way). */
    private static void settled(Page page) {
        page.waitForFunction("() => document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') === null");
    }

    /**
     * The map repeats the list: one marker per located hit on the page, each a link to its posting that takes no
     * keyboard focus, and the radius circle (drawn without any tile server).
     */
    private static void assertMap(Page page) {
        page.locator("#karte .leaflet-marker-icon").first().waitFor();
        int hits = page.locator(".stellen-liste li[data-lat]").count();
        assertThat(hits).isPositive();
        assertThat(page.locator("#karte .leaflet-marker-icon").count()).as("one marker per hit").isEqualTo(hits);
        assertThat(page.locator("#karte path.leaflet-interactive").count()).as("the radius circle").isEqualTo(1);
        assertThat(page.locator("#karte .leaflet-marker-icon a").first().getAttribute("href")).startsWith("/stellen/");
        assertThat(page.locator("#karte .leaflet-marker-icon a").first().getAttribute("tabindex")).isEqualTo("-1");
        assertThat(page.locator("#karte .leaflet-tile").count()).as("no tile server configured").isZero();
    }

    /** What Google requires of a JobPosting (and what it recommends that this posting has). */
    private static void assertGoogleJobPosting(JsonNode ld) {
        assertThat(ld.path("@type").asString()).isEqualTo("JobPosting");
        assertThat(ld.path("title").asString()).isEqualTo("Mechatroniker/in " + word);
        assertThat(ld.path("description").asString()).startsWith("<p>Wir suchen Verstärkung");
        assertThat(ld.path("datePosted").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(ld.path("validThrough").asString()).startsWith(today().plusDays(60).toString());
        assertThat(ld.path("hiringOrganization").path("name").asString()).isEqualTo("Neckartal Präzisionstechnik GmbH");
        // the demo company's website and logo (partner-service's demo data, through partner-events)
        assertThat(ld.path("hiringOrganization").path("sameAs").asString()).isEqualTo("https://www.neckartal-praezision.example");
        assertThat(ld.path("hiringOrganization").path("logo").asString()).isEqualTo("https://www.neckartal-praezision.example/logo.png");
        assertThat(ld.path("hiringOrganization").path("address").path("streetAddress").asString()).isEqualTo("Binswanger Straße 12");
        JsonNode address = ld.path("jobLocation").path("address");
        assertThat(address.path("postalCode").asString()).isEqualTo("74072");
        assertThat(address.path("addressLocality").asString()).isEqualTo("Heilbronn");
        assertThat(address.path("addressCountry").asString()).isEqualTo("DE");
        assertThat(ld.path("employmentType").toString()).contains("FULL_TIME");
        assertThat(ld.path("url").asString()).isEqualTo(platform.url("/stellen/" + postingId));
    }

    private static Map<String, Object> posting(String title, String kldb, String postalCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("description", "Wir suchen Verstärkung für die Instandhaltung.\nSchichtarbeit, Tarifbindung.");
        m.put("type", "JOB");
        m.put("kldb", kldb);
        m.put("postalCode", postalCode);
        m.put("workingTime", "FULL_TIME");
        m.put("fixedTerm", false);
        m.put("validThrough", today().plusDays(60).toString());
        m.put("germanLevel", "B1");
        m.put("salaryMin", 3200);
        m.put("salaryMax", 3900);
        m.put("salaryPeriod", "MONTH");
        m.put("applicationUrl", "https://karriere.example.de/stellen/4711");
        return m;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    private static String put(String externalId, Map<String, Object> posting) throws Exception {
        return JSON.readTree(send("PUT", "/integration/v1/vacancies/" + externalId, JSON.writeValueAsString(posting))).path("posting").path("id").asString();
    }

    private static String send(String method, String path, String body) {
        return platform.call(path.equals("/sitemap.xml") ? null : hrToken, method, path, body);
    }

    /** The demo company's HR system (client credentials, README "a member company's HR system"). */
    private static String hrToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString("hr-demo-neckartal:augenhoehe-demo-hr-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.url("/oauth2/token")))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
