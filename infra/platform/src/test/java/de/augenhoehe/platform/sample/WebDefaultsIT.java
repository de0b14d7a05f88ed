package de.augenhoehe.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.augenhoehe.testing.OtlpReceiver;
import de.augenhoehe.testing.ProblemContract;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/** What every service answers for free: problems for bad input and bad tokens, probes, docs, metrics for operators. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class WebDefaultsIT {

    /** Where this service exports its spans, as to a collector. */
    static final OtlpReceiver COLLECTOR = OtlpReceiver.start();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void tracing(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::tracesEndpoint);
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    private String staff() {
        return TestTokens.subject("someone").roles("partner_staff").sign();
    }

    @Test
    void writes_need_a_valid_token() {
        TestHttp http = new TestHttp(port);
        String path = "/api/widgets/" + UUID.randomUUID();
        var none = http.send("PUT", path, null, "{\"name\":\"x\"}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(none.body()).contains("urn:augenhoehe:problem:unauthenticated");
        assertThat(http.send("PUT", path, TestTokens.subject("x").signWithForeignKey(), "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(http.send("PUT", path, TestTokens.subject("x").expiresAt(Instant.now().minusSeconds(120)).sign(), "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(http.send("PUT", path, TestTokens.subject("x").audience("someone-else").sign(), "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(http.send("PUT", path, TestTokens.subject("x").issuer("evil").sign(), "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(http.send("PUT", path, staff(), "{\"name\":\"x\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void the_trace_of_a_request_travels_with_its_event() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        UUID id = UUID.randomUUID();
        var response = HttpClient.newHttpClient();
        try {
            var r = response.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/widgets/" + id))
                    .header("Authorization", "Bearer " + staff()).header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"verfolgt\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var records = de.augenhoehe.testing.TopicRecords.read(de.augenhoehe.testing.Infrastructure.get().kafkaBootstrapServers(),
                "sample-events", rs -> rs.stream().anyMatch(rec -> id.toString().equals(rec.key())), Duration.ofSeconds(30));
        var event = records.stream().filter(rec -> id.toString().equals(rec.key())).findFirst().orElseThrow();
        assertThat(de.augenhoehe.testing.TopicRecords.header(event, "traceparent")).startsWith("00-" + traceId + "-");

        // Exported by OTLP: the consumer's handling of the event is a span of the same trace, and its parents lead
        // back through the request's span to the caller's span.
        var trace = COLLECTOR.awaitTrace(traceId, Duration.ofSeconds(30),
                t -> t.stream().anyMatch(s -> s.kind().equals("SPAN_KIND_CONSUMER")));
        var consumed = trace.stream().filter(s -> s.kind().equals("SPAN_KIND_CONSUMER")).findFirst().orElseThrow();
        assertThat(consumed.service()).isEqualTo("sample-service");
        var ancestry = OtlpReceiver.ancestry(consumed, trace);
        assertThat(ancestry).anySatisfy(s -> assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER"));
        assertThat(ancestry.getLast().parentSpanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void bad_input_gets_a_problem_with_a_stable_type() {
        TestHttp http = new TestHttp(port);
        String path = "/api/widgets/" + UUID.randomUUID();
        var unknownField = http.send("PUT", path, staff(), "{\"name\":\"x\",\"colour\":\"red\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("urn:augenhoehe:problem:malformed-request").contains("colour");
        var malformed = http.send("PUT", path, staff(), "{\"name\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        var invalid = http.send("PUT", path, staff(), "{\"name\":\"\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("urn:augenhoehe:problem:validation-failed").contains("\"field\":\"name\"");
        var badId = http.send("PUT", "/api/widgets/not-a-uuid", staff(), "{\"name\":\"x\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        var huge = http.send("PUT", path, staff(), "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("urn:augenhoehe:problem:payload-too-large");
        var unknownPath = http.send("GET", "/api/nothing-here", staff(), null);
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).contains("urn:augenhoehe:problem:");
    }

    /** Issue #16: text is stored as sent or refused — half a surrogate pair was stored as "Test?fall". */
    @Test
    void a_lone_surrogate_in_text_is_refused_not_stored_as_a_question_mark() {
        TestHttp http = new TestHttp(port);
        String path = "/api/widgets/" + UUID.randomUUID();
        for (String name : List.of("Test\\ud800fall", "Test\\udc00fall", "Ende\\ud83d")) {
            var lone = http.send("PUT", path, staff(), "{\"name\":\"" + name + "\"}");
            assertThat(lone.statusCode()).as(name).isEqualTo(400);
            assertThat(lone.body()).contains("urn:augenhoehe:problem:malformed-request").contains("lone surrogate");
        }
        assertThat(http.send("PUT", path, staff(), "{\"name\":\"Test\\ud83d\\ude00fall \u00e4\"}").statusCode()).isEqualTo(200);
    }

    /** Issue #16: also what Tomcat and the firewall refuse before any controller, and an unknown path. */
    @Test
    void every_error_is_a_problem_also_for_odd_paths() {
        ProblemContract.assertEveryErrorIsAProblem(port, null);
        ProblemContract.assertEveryErrorIsAProblem(port, staff());
    }

    @Test
    void probes_and_docs_are_public_metrics_are_for_operations() {
        TestHttp http = new TestHttp(port);
        var readiness = http.send("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        var docs = http.send("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\":\"3.1").contains("bearer-jwt");
        assertThat(http.send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(http.send("GET", "/actuator/prometheus", staff(), null).statusCode()).isEqualTo(403);
        var metrics = http.send("GET", "/actuator/prometheus", TestTokens.operations(), null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("augenhoehe_outbox_backlog").contains("augenhoehe_outbox_oldest_pending_age_seconds")
                .contains("augenhoehe_outbox_relayed_total").contains("augenhoehe_events_dead_lettered_total");
        var details = http.send("GET", "/actuator/health", TestTokens.operations(), null);
        assertThat(details.body()).contains("\"kafka\"").contains("\"db\"");
    }

    @Test
    void every_answer_tells_how_long_the_service_worked_on_it() {
        TestHttp http = new TestHttp(port);
        String path = "/api/widgets/" + UUID.randomUUID();
        for (var answer : List.of(http.send("PUT", path, staff(), "{\"name\":\"x\"}"),
                http.send("PUT", path, staff(), "{\"name\":"), http.send("PUT", path, null, "{\"name\":\"x\"}"),
                http.get("/api/nothing-here", staff()))) {
            assertThat(answer.headers().allValues("Server-Timing")).as(answer.statusCode() + " " + answer.body())
                    .singleElement().asString().matches("app;dur=[0-9]+\\.[0-9]");
        }
    }
}
