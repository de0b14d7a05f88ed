package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's night page (issue #18, journey 4): a poison event — a CloudEvent of a type measures-service projects
 * (a returnee's sign-up on {@code outreach-events}) whose data is no JSON — is dead-lettered by measures-service at once;
 * the operator ({@code demo-betrieb}) sees it on the page with its error, redrives it after a confirmation page, and is
 * told that it failed again and stays with the open dead letters (a redrive applies it in that service only and changes
 * nothing when it fails). A company's administrator is refused the page.
 */
class BetriebIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();

    static final String OPERATOR = "demo-betrieb";
    static final String PAGE = "/mein-bereich/betrieb";

    @Test
    void an_operator_sees_a_dead_letter_after_a_poison_event_and_redrives_it() {
        String eventId = UUID.randomUUID().toString();
        producePoison(eventId);

        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url(PAGE));
            SignIn.as(page, OPERATOR);
            assertThat(page.url()).isEqualTo(platform.url(PAGE));
            assertThat(page.locator("h1").innerText()).isEqualTo("Betrieb der Plattform");

            Locator letter = awaitDeadLetter(page, eventId);
            assertThat(letter.innerText()).contains("measures-service", "offen", "UnreadableEventException",
                    "has no readable JSON data", "augenhoehe.outreach.returnee-signed-up.v1", "outreach-events");
            // the summary names it in words, not only in colour
            String summary = page.locator(".betrieb-zusammenfassung").innerText();
            assertThat(summary).doesNotContain("Alles in Ordnung").contains("Warnung:", "measures-service: ")
                    .containsPattern("Dead Letters? warte");
            // every part, each from its own ops call (on this shared machine a slow one may say "nicht erreichbar")
            String main = page.locator("main").innerText();
            assertThat(main).contains("Dienste und Instanzen", "Schutzschalter des Gateways", "Ausgang (Outbox)",
                    "Verbraucher (Kafka)", "Dead Letters", "Rate-Limit-Speicher");
            assertThat(page.locator("#dienste").innerText()).as("every service's instances")
                    .contains("partner-service", "vacancy-service", "measures-service", "outreach-service", "Lastverteilung");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "betrieb-nachtschicht-desktop");

            // the redrive asks first: a page with the dead letter and one button (a GET changes nothing)
            letter.getByRole(AriaRole.LINK).click();
            page.waitForURL(url -> url.contains(PAGE + "/dead-letters/measures/outreach-events.DLT/"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Dead Letter erneut anwenden?");
            assertThat(page.locator("main").innerText()).contains(eventId, "UnreadableEventException", "measures-service");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "betrieb-redrive");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, erneut anwenden")).click();

            // still poison: it failed again, nothing changed, and it is still open — and the page says so
            page.waitForURL(url -> url.endsWith(PAGE + "#dead-letters"));
            String message = page.locator("#meldung").innerText();
            assertThat(message).contains("Warnung:", "erneut fehlgeschlagen", "StreamReadException",
                    "bleibt bei den offenen Dead Letters");
            Locator again = page.locator("#dead-letters li").filter(new Locator.FilterOptions().setHasText(eventId));
            assertThat(again.count()).isEqualTo(1);
            assertThat(again.innerText()).contains("offen").doesNotContain("erneut angewandt");
            assertThat(again.getByRole(AriaRole.LINK).count()).as("it can be redriven later").isEqualTo(1);
            Browsers.assertAccessible(page);
        }

        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url(PAGE));
            SignIn.as(page, OPERATOR);
            awaitDeadLetter(page, eventId);
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "betrieb-nachtschicht-phone");
            // an address that names no dead letter is the 404 page, not a call with whatever it says
            assertThat(page.navigate(platform.url(PAGE + "/dead-letters/gibtsnicht/x.DLT/0/0")).status()).isEqualTo(404);
            assertThat(page.navigate(platform.url(PAGE + "/dead-letters/measures/outreach-events.DLT/0/99999999")).status()).isEqualTo(404);
        }
    }

    /**
     * The other half of a night: a dead letter whose cause lies in the service (here: a constraint its table should not
     * have, as a faulty migration would leave it) — retried, then dead-lettered; once the cause is mended, the
     * operator's redrive applies it and it is done: the step is in measures-service's monitor.
     */
    @Test
    void once_the_cause_is_mended_the_operators_redrive_applies_the_dead_letter() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String returnee = UUID.randomUUID().toString();
        try (Connection db = platform.database("measures"); Statement sql = db.createStatement()) {
            sql.execute("alter table monitor_returnee_step add constraint betrieb_journey_fault check (occupation_group is distinct from '999')");
            try (BrowserContext desktop = browsers.desktop()) {
                Page page = desktop.newPage();
                try {
                    produce(eventId, "augenhoehe.outreach.returnee-signed-up.v1", ("""
                            {"returneeId":"%s","networkId":"%s","occupationGroup":"999","occurredAt":"%s"}""")
                            .formatted(returnee, NetzwerkeIT.HEILBRONN, Instant.now()).getBytes(StandardCharsets.UTF_8));
                    page.navigate(platform.url(PAGE));
                    SignIn.as(page, OPERATOR);
                    Locator letter = awaitDeadLetter(page, eventId);
                    assertThat(letter.innerText()).contains("measures-service", "offen", "augenhoehe.outreach.returnee-signed-up.v1");
                } finally {
                    // the mend: the constraint goes (also when the journey failed before)
                    sql.execute("alter table monitor_returnee_step drop constraint if exists betrieb_journey_fault");
                }
                page.reload();
                Locator letter = page.locator("#dead-letters li").filter(new Locator.FilterOptions().setHasText(eventId));
                letter.getByRole(AriaRole.LINK).click();
                page.waitForURL(url -> url.contains(PAGE + "/dead-letters/measures/outreach-events.DLT/"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, erneut anwenden")).click();
                page.waitForURL(url -> url.endsWith(PAGE + "#dead-letters"));
                assertThat(page.locator("#meldung").innerText()).contains("wurde erneut angewandt und ist erledigt.");
                Locator done = page.locator("#dead-letters li").filter(new Locator.FilterOptions().setHasText(eventId));
                assertThat(done.count() == 0 || !done.innerText().contains("offen")).as("no longer open").isTrue();
                Browsers.assertAccessible(page);
            }
            try (var steps = sql.executeQuery("select count(*) from monitor_returnee_step where returnee_id = '" + returnee + "'")) {
                steps.next();
                assertThat(steps.getInt(1)).as("the redriven sign-up is in the monitor").isEqualTo(1);
            }
        }
    }

    @Test
    void a_company_administrator_is_refused_the_night_page() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/mein-bereich"));
            SignIn.as(page, "demo-personal-neckartal");
            assertThat(page.locator("nav.bereich").innerText()).doesNotContain("Betrieb der Plattform");
            Response refused = page.navigate(platform.url(PAGE));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(page.locator("main").innerText()).doesNotContain("Dienste und Instanzen", "Dead Letters", "Schutzschalter");
            Browsers.assertAccessible(page);
        }
    }

    /** Reloads the page until the dead letter of this event is listed (measures-service dead-letters it within seconds). */
    private static Locator awaitDeadLetter(Page page, String eventId) {
        Locator letter = page.locator("#dead-letters li").filter(new Locator.FilterOptions().setHasText(eventId));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (letter.count() == 0 && System.nanoTime() < deadline) {
            RunningPlatform.sleep(1000);
            page.reload();
        }
        assertThat(letter.count()).as("the dead letter of event " + eventId + " on the page within 60 s").isEqualTo(1);
        return letter;
    }

    /**
     * A broken producer's record: a CloudEvents envelope measures-service reads (a returnee's sign-up, which its monitor
     * projects), with data that is no JSON. Unreadable is never retried: it goes to {@code outreach-events.DLT} at once.
     * partner-service reads the topic too, but only a hire, so only measures-service dead-letters it.
     */
    private static void producePoison(String eventId) {
        produce(eventId, "augenhoehe.outreach.returnee-signed-up.v1", "{kein JSON".getBytes(StandardCharsets.UTF_8));
    }

    /** A CloudEvent on {@code outreach-events}, as outreach-service's relay writes one (binary mode, ce_ headers). */
    private static void produce(String eventId, String type, byte[] data) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + platform.port("KAFKA"),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            String subject = UUID.randomUUID().toString();
            var record = new ProducerRecord<>("outreach-events", subject, data);
            Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", "/augenhoehe/betrieb-journey",
                    "ce_type", type, "ce_subject", subject,
                    "ce_time", Instant.now().toString(), "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the record was not accepted by the broker", e);
        }
    }
}
