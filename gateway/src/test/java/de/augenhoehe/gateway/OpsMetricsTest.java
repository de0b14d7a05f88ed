package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Metrics for operators through the gateway: the gateway's own {@code /actuator/prometheus} and each service
 * instance's, relayed by {@code /ops/metrics/{service}} with the operator's token (real HTTP servers stand in for the
 * instances; who may call it is in {@link AccessMatrixTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsMetricsTest {

    static final String TEXT = "text/plain;version=0.0.4;charset=utf-8";
    static final Downstream MEASURES_1 = new Downstream("measures").answer("GET /actuator/prometheus", 200, TEXT, "augenhoehe_outbox_backlog 1.0\n");
    static final Downstream MEASURES_2 = new Downstream("measures").answer("GET /actuator/prometheus", 200, TEXT, "augenhoehe_outbox_backlog 2.0\n");
    static final Downstream PARTNER = new Downstream("partner").answer("GET /actuator/prometheus", 403, "application/problem+json",
            "{\"type\":\"urn:augenhoehe:problem:forbidden\"}");
    static final int DEAD_PORT = OpsTest.deadPort();
    static final String OPERATOR = GatewayTestSupport.token("operations");

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("augenhoehe.gateway.services.partner", PARTNER::url);
        registry.add("augenhoehe.gateway.services.measures", () -> MEASURES_1.url() + "," + MEASURES_2.url());
        registry.add("augenhoehe.gateway.services.vacancy", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("augenhoehe.gateway.services.outreach", MEASURES_1::url);
        registry.add("augenhoehe.security.jwt.public-key-location", () -> GatewayTestSupport.PUBLIC_PEM.toUri().toString());
        registry.add("augenhoehe.security.jwt.issuer", () -> GatewayTestSupport.ISSUER);
    }

    @AfterAll
    static void stop() {
        List.of(MEASURES_1, MEASURES_2, PARTNER).forEach(Downstream::close);
    }

    @Test
    void the_gateway_exposes_its_own_prometheus_metrics_with_breakers_and_instance_readiness() {
        HttpResponse<String> r = send(port, "GET", "/actuator/prometheus", OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body())
                .contains("resilience4j_circuitbreaker_state{")
                .contains("augenhoehe_gateway_instance_ready{")
                .contains("url=\"" + MEASURES_2.url())
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void one_instance_of_a_service_is_relayed_with_the_operators_token() {
        HttpResponse<String> first = send(port, "GET", "/ops/metrics/measures", OPERATOR);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("augenhoehe_outbox_backlog 1.0\n");
        assertThat(first.headers().firstValue("Content-Type")).hasValue(TEXT);
        assertThat(MEASURES_1.authorizationSeen.get("GET /actuator/prometheus")).isEqualTo("Bearer " + OPERATOR);

        HttpResponse<String> second = send(port, "GET", "/ops/metrics/measures-service?instance=1", OPERATOR);
        assertThat(second.body()).isEqualTo("augenhoehe_outbox_backlog 2.0\n");
        assertThat(second.headers().firstValue("X-Augenhoehe-Instance")).hasValue(MEASURES_2.url());
    }

    @Test
    void refusals_and_failures_are_problems() {
        assertThat(send(port, "GET", "/ops/metrics/partner", OPERATOR).statusCode()).as("the service's own refusal, relayed").isEqualTo(403);
        HttpResponse<String> unknown = send(port, "GET", "/ops/metrics/nothing", OPERATOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(port, "GET", "/ops/metrics/measures?instance=2", OPERATOR).statusCode()).isEqualTo(404);
        HttpResponse<String> dead = send(port, "GET", "/ops/metrics/vacancy", OPERATOR);
        assertThat(dead.statusCode()).isEqualTo(502);
        assertThat(dead.body()).contains("urn:augenhoehe:problem:bad-gateway");
    }
}
