package de.augenhoehe.portal.meinbereich.betrieb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.portal.web.ApiProblem;

/**
 * The night page's reading of the ops API and its templates, without a platform: what the summary says for a healthy
 * platform and for each kind of problem (the thresholds of the alert rules), a part whose call failed, the dead
 * letters' pages, and that both templates render what they are given.
 */
class NachtschichtSeiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String HEALTH = """
            {"status":"UP","services":{"measures-service":{"status":"UP","instances":[{"instance":"http://127.0.0.1:8083",
             "status":"UP","components":{"db":"UP","kafka":"UP"},"inLoadBalancer":true,"lastCheck":"HTTP 200"}]}}}""";
    static final String BREAKERS = """
            {"measures-service":{"state":"CLOSED","failureRatePercent":-1.0,"bufferedCalls":0,"failedCalls":0,
             "notPermittedCalls":0,"bulkhead":{"availableConcurrentCalls":100,"maxConcurrentCalls":100}}}""";
    static final String OUTBOX = """
            {"measures-service":{"instances":[{"instance":"http://127.0.0.1:8083","backlog":0.0,"oldestPendingAgeSeconds":0.0}]}}""";
    static final String CONSUMERS = """
            {"measures-service":{"instances":[{"instance":"http://127.0.0.1:8083","lagByTopic":{"outreach-events":0.0},
             "maxLag":0.0,"deadLetteredSinceStart":0.0}]}}""";
    static final String STORE = """
            {"store":"memory","state":"UP","since":null,"detail":"buckets of this instance only","localDecisions":0}""";

    @Test
    void a_healthy_platform_is_all_in_order() {
        Lagebericht bericht = bericht(lage(HEALTH, BREAKERS, OUTBOX, CONSUMERS, STORE, letters("[]")), 1);
        assertThat(bericht.befunde()).isEmpty();
        assertThat(bericht.ansage()).isEqualTo("Alles in Ordnung.");
        assertThat(render("betrieb/nachtschicht", bericht)).contains("Alles in Ordnung", "measures-service", "Keine Dead Letters.",
                "geschlossen (Aufrufe gehen durch)", "Datenbank: bereit").doesNotContain("nicht erreichbar", "Probleme");
    }

    @Test
    void each_problem_is_named_in_words_with_its_level() {
        String health = HEALTH.replace("\"status\":\"UP\",\"components\":{\"db\":\"UP\"", "\"status\":\"DOWN\",\"components\":{\"db\":\"DOWN\"")
                .replace("\"inLoadBalancer\":true", "\"inLoadBalancer\":false");
        String breakers = BREAKERS.replace("CLOSED\"", "OPEN\",\"halfOpenInSeconds\":2");
        String outbox = OUTBOX.replace("\"backlog\":0.0,\"oldestPendingAgeSeconds\":0.0", "\"backlog\":12.0,\"oldestPendingAgeSeconds\":121.0");
        String consumers = CONSUMERS.replace("\"maxLag\":0.0", "\"maxLag\":1001.0");
        String store = STORE.replace("\"UP\"", "\"DOWN\"");
        Lagebericht bericht = bericht(lage(health, breakers, outbox, consumers, store, letters("[" + letter(7, false) + "]")), 1);

        assertThat(bericht.befunde()).extracting(b -> b.stufe() + " " + b.text()).containsExactly(
                "STOERUNG measures-service: Instanz http://127.0.0.1:8083 ist ausgefallen (Datenbank ausgefallen).",
                "STOERUNG Schutzschalter measures-service ist offen: Aufrufe werden sofort abgewiesen, halb offen in 2 s.",
                "STOERUNG measures-service: der Ausgang staut sich, das älteste Ereignis wartet seit 2 min 1 s (12 warten).",
                "WARNUNG measures-service: die Verbraucher liegen 1.001 Ereignisse zurück.",
                "WARNUNG Rate-Limit-Speicher: nicht erreichbar: jede Gateway-Instanz begrenzt für sich.",
                "WARNUNG measures-service: 1 Dead Letter wartet auf eine Entscheidung (Ereignisse, die nicht angewandt wurden).");
        assertThat(bericht.ansage()).startsWith("6 Probleme, davon 3 Störungen: measures-service: Instanz");
        String html = render("betrieb/nachtschicht", bericht);
        assertThat(html).contains("6 Probleme", "Störung:", "Warnung:", "bekommt keine Anfragen", "UnreadableEventException",
                "href=\"/mein-bereich/betrieb/dead-letters/measures/outreach-events.DLT/0/7\"");
    }

    @Test
    void an_outbox_counted_to_its_bound_reads_as_at_least_that_many() {
        String outbox = OUTBOX.replace("\"backlog\":0.0,\"oldestPendingAgeSeconds\":0.0", "\"backlog\":10000.0,\"oldestPendingAgeSeconds\":30.0");
        Lagebericht bericht = bericht(lage(HEALTH, BREAKERS, outbox, CONSUMERS, STORE, letters("[]")), 1);
        assertThat(bericht.befunde()).extracting(Befund::text)
                .containsExactly("measures-service: mindestens 10.000 Ereignisse warten im Ausgang.");
        assertThat(render("betrieb/nachtschicht", bericht)).contains("mindestens 10.000");
    }

    @Test
    void below_the_alert_thresholds_nothing_is_a_problem_and_a_redriven_letter_is_done() {
        String outbox = OUTBOX.replace("\"backlog\":0.0,\"oldestPendingAgeSeconds\":0.0", "\"backlog\":1000.0,\"oldestPendingAgeSeconds\":120.0");
        String consumers = CONSUMERS.replace("\"maxLag\":0.0", "\"maxLag\":1000.0");
        Lagebericht bericht = bericht(lage(HEALTH, BREAKERS, outbox, consumers, STORE, letters("[" + letter(3, true) + "]")), 1);
        assertThat(bericht.befunde()).isEmpty();
        assertThat(render("betrieb/nachtschicht", bericht)).contains("erneut angewandt").doesNotContain("Erneut anwenden …");
    }

    @Test
    void a_part_whose_call_failed_says_so_and_the_others_still_show() {
        Map<String, JsonNode> deadLetters = letters("[]");
        deadLetters.put("vacancy", null);
        OpsAbfrage.Lage lage = new OpsAbfrage.Lage(null, json(BREAKERS), json(OUTBOX), json(CONSUMERS), json(STORE), deadLetters,
                Map.of("health", new ApiProblem(502, "bad-gateway", null, Map.of()),
                        "dead-letters/vacancy", new ApiProblem(503, "service-unavailable", null, Map.of())));
        Lagebericht bericht = bericht(lage, 1);
        assertThat(bericht.befunde()).extracting(Befund::text).containsExactly(
                "Zustand der Dienste: nicht erreichbar (keine Antwort).", "Dead Letters von vacancy-service: nicht erreichbar.");
        assertThat(render("betrieb/nachtschicht", bericht)).contains("Nicht erreichbar (<span>keine Antwort</span>)",
                "Ausgang (Outbox)", "geschlossen (Aufrufe gehen durch)");
    }

    @Test
    void dead_letters_page_oldest_first_across_services() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append(letter(i, false));
        }
        Map<String, JsonNode> deadLetters = letters(many + "]");
        deadLetters.put("partner", json("[" + letter(99, false).replace("2026-12-06T02:00:", "2026-12-06T01:00:") + "]"));
        Totbriefe erste = Totbriefe.aus(deadLetters, 1);
        assertThat(erste.seite()).hasSize(20);
        assertThat(erste.seite().getFirst().dienst()).as("the oldest, from another service").isEqualTo("partner");
        assertThat(erste.weitere()).isTrue();
        Totbriefe zweite = Totbriefe.aus(deadLetters, 2);
        assertThat(zweite.seite()).extracting(Totbrief::offset).containsExactly(19L, 20L);
        assertThat(zweite.weitere()).isFalse();
        assertThat(Totbriefe.limitFuer(1)).isEqualTo(21);
        assertThat(Totbriefe.limitFuer(50)).isEqualTo(1000);
        assertThat(Totbriefe.seitennummer(0)).isEqualTo(1);
        assertThat(Totbriefe.seitennummer(999)).isEqualTo(50);
        // a list cut off at the limit is "at least" that many
        assertThat(Totbriefe.aus(deadLetters, 1).befunde()).extracting(Befund::text)
                .contains("measures-service: mindestens 21 Dead Letters warten auf eine Entscheidung (Ereignisse, die nicht angewandt wurden).");
    }

    @Test
    void the_confirmation_page_shows_the_letter_and_one_button() {
        Totbrief brief = Totbrief.aus("measures", json(letter(7, false)));
        WebContext context = context();
        context.setVariable("brief", brief);
        String html = engine().process("betrieb/redrive", context);
        assertThat(html).contains("Dead Letter erneut anwenden?", "ev-7", "Ja, erneut anwenden",
                "action=\"/mein-bereich/betrieb/dead-letters/measures/outreach-events.DLT/0/7/redrive\"");
    }

    @Test
    void the_message_after_a_redrive_survives_the_session_store() throws Exception {
        // the flash attribute goes through the JDBC session (Java serialization) on its way to the next page
        Befund meldung = new Befund(Stufe.WARNUNG, "erneut fehlgeschlagen");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(meldung);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(meldung);
        }
    }

    @Test
    void an_address_that_names_no_dead_letter_is_refused_before_any_call() {
        assertThat(NachtschichtController.Adresse.von("measures", "outreach-events.DLT", "0", "7").offset()).isEqualTo(7);
        for (String[] bad : new String[][] {{"portal", "x.DLT", "0", "0"}, {"measures", "a/b", "0", "0"}, {"measures", "x", "-1", "0"},
                {"measures", "x", "0", "99999999999999999999"}, {"measures", "x".repeat(250), "0", "0"}}) {
            try {
                NachtschichtController.Adresse.von(bad[0], bad[1], bad[2], bad[3]);
                throw new AssertionError("accepted " + String.join("/", bad));
            } catch (ApiProblem refused) {
                assertThat(refused.status()).isEqualTo(404);
            }
        }
    }

    static String letter(int offset, boolean redriven) {
        return """
                {"topic":"outreach-events.DLT","partition":0,"offset":%d,"key":"k","originalTopic":"outreach-events","eventId":"ev-%d",
                 "eventType":"augenhoehe.outreach.returnee-signed-up.v1","subject":"s","exceptionClass":
                 "de.augenhoehe.platform.events.UnreadableEventException","error":"event ev-%d has no readable JSON data",
                 "deadLetteredAt":"2026-12-06T02:00:%02dZ","redriven":%s}""".formatted(offset, offset, offset, offset % 60, redriven);
    }

    private static Map<String, JsonNode> letters(String measures) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        result.put("measures", json(measures));
        return result;
    }

    private static OpsAbfrage.Lage lage(String health, String breakers, String outbox, String consumers, String store,
            Map<String, JsonNode> deadLetters) {
        return new OpsAbfrage.Lage(json(health), json(breakers), json(outbox), json(consumers), json(store), deadLetters, Map.of());
    }

    private static Lagebericht bericht(OpsAbfrage.Lage lage, int seite) {
        return Lagebericht.aus(lage, Totbriefe.aus(lage.deadLetters(), seite), Instant.parse("2026-12-06T02:15:00Z"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String render(String template, Lagebericht bericht) {
        WebContext context = context();
        context.setVariable("bericht", bericht);
        context.setVariable("stand", "03:15:00");
        context.setVariable("selbst", "/mein-bereich/betrieb");
        return engine().process(template, context);
    }

    private static WebContext context() {
        MockServletContext servlet = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet), new MockHttpServletResponse());
        return new WebContext(exchange);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
