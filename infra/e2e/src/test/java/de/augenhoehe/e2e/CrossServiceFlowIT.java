package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.OtlpReceiver;
import de.augenhoehe.testing.OtlpReceiver.ReceivedSpan;
import de.augenhoehe.testing.TestTokens;

/**
 * The walking skeleton end to end: a coordinator registers a company through the gateway at partner-service; the
 * event crosses Kafka through the outbox; vacancy-service knows the company — read back through the gateway. Every
 * process exports its spans by OTLP to one receiver, as to a collector, so the same flow is followed as one trace.
 * The processes are the shared {@link Platform}.
 */
class CrossServiceFlowIT {

    static OtlpReceiver collector;
    static String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Platform platform = Platform.get();
        collector = platform.collector;
        base = platform.gatewayBase();
    }

    @Test
    void a_partner_registered_through_the_gateway_becomes_known_to_vacancy_service_via_partner_events() throws Exception {
        String id = register("Leeraner Maschinenbau GmbH", null);
        URI employer = URI.create(base + "/api/vacancies/employers/" + id);
        awaitKnownToVacancyService(employer);
        assertThat(http.send(HttpRequest.newBuilder(employer).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Leeraner Maschinenbau GmbH").contains("COMPANY");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/api/partners"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"X\",\"kind\":\"COMPANY\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("an anonymous write is refused").isEqualTo(401);
        assertThat(anonymous.body()).contains("urn:augenhoehe:problem:unauthenticated");
    }

    @Test
    void one_trace_runs_from_the_gateway_through_the_outbox_and_kafka_to_the_consumer() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpan = "b7ad6b7169203331";
        String id = register("Emsländer Stahlbau GmbH", "00-" + traceId + "-" + callerSpan + "-01");
        awaitKnownToVacancyService(URI.create(base + "/api/vacancies/employers/" + id));

        // Each process exports on its own schedule: wait until the consumer's span and all its ancestors are in.
        List<ReceivedSpan> trace = collector.awaitTrace(traceId, Duration.ofSeconds(30), t -> consumed(t)
                .map(c -> OtlpReceiver.ancestry(c, t).getLast().parentSpanId().equals(callerSpan)).orElse(false));
        assertThat(trace).extracting(ReceivedSpan::service).contains("gateway", "partner-service", "vacancy-service");
        // The consumer's parent is the span partner-service stored with the outbox row; its parents lead through the
        // gateway back to the caller's span.
        List<ReceivedSpan> chain = OtlpReceiver.ancestry(consumed(trace).orElseThrow(), trace);
        assertThat(chain).as("consumer span and its ancestors").anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("partner-service");
            assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER");
        });
        assertThat(chain.getLast().service()).isEqualTo("gateway");
        assertThat(chain.getLast().kind()).isEqualTo("SPAN_KIND_SERVER");
    }

    private static Optional<ReceivedSpan> consumed(List<ReceivedSpan> trace) {
        return trace.stream().filter(s -> s.service().equals("vacancy-service") && s.kind().equals("SPAN_KIND_CONSUMER")).findFirst();
    }

    /** Registers a company through the gateway, optionally as part of the caller's trace; its id. */
    private String register(String name, String traceparent) throws Exception {
        String token = TestTokens.subject("coordinator-e2e").roles("coordinator").sign();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/partners"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"kind\":\"COMPANY\"}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> created = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void awaitKnownToVacancyService(URI employer) {
        Eventually.await("vacancy-service knows the company", Duration.ofSeconds(60), () -> {
            try {
                return http.send(HttpRequest.newBuilder(employer).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }
}
