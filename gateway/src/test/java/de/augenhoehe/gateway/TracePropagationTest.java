package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the production sampling (10 % of requests record spans), every request still carries a trace id: relayed to the
 * service in {@code traceparent} and the same id in the access log — sampled or not (ten requests are almost surely
 * not all sampled).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracePropagationTest {

    static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();
    static final List<String> FORWARDED_FOR = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();
    static final HttpServer PARTNER = recording();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, true);
        registry.add("augenhoehe.gateway.services.partner", () -> "http://127.0.0.1:" + PARTNER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        PARTNER.stop(0);
    }

    @Test
    void every_request_carries_its_trace_id_to_the_service_and_into_the_access_log(CapturedOutput output) {
        String token = GatewayTestSupport.token("coordinator");
        for (int i = 0; i < 10; i++) {
            assertThat(GatewayTestSupport.send(port, "GET", "/api/working-groups/trace-" + i, token).statusCode()).isEqualTo(200);
        }
        assertThat(TRACEPARENTS).hasSize(10).allSatisfy(h -> assertThat(h).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        Set<String> relayed = TRACEPARENTS.stream().map(h -> h.split("-")[1]).collect(Collectors.toSet());
        assertThat(relayed).hasSize(10);
        Eventually.until(Duration.ofSeconds(5), () -> loggedTraceIds(output).containsAll(relayed));
    }

    /** Issue #15: vacancy-service counts a visitor by the address the gateway relays, never by what a client invents. */
    @Test
    void the_service_gets_the_peer_of_the_gateway_as_x_forwarded_for_not_what_the_client_claims() throws Exception {
        var forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/working-groups/forwarded-1"))
                .header("Authorization", "Bearer " + GatewayTestSupport.token("coordinator")).header("X-Forwarded-For", "203.0.113.66").build();
        assertThat(GatewayTestSupport.HTTP.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(GatewayTestSupport.send(port, "GET", "/api/working-groups/forwarded-2", GatewayTestSupport.token("coordinator")).statusCode())
                .isEqualTo(200);
        assertThat(FORWARDED_FOR).containsExactly("127.0.0.1", "127.0.0.1");
    }

    private static Set<String> loggedTraceIds(CapturedOutput output) {
        return output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("\"logger\":\"access\"") && l.contains("/api/working-groups/trace-"))
                .map(l -> JSON.readTree(l)).map(n -> n.get("trace_id")).filter(n -> n != null && !n.isNull())
                .map(JsonNode::asString).collect(Collectors.toSet());
    }

    static HttpServer recording() {
        return GatewayTestSupport.stub(exchange -> {
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (exchange.getRequestURI().getPath().contains("/trace-")) {
                TRACEPARENTS.add(String.valueOf(traceparent));
            }
            if (exchange.getRequestURI().getPath().contains("/forwarded-")) {
                FORWARDED_FOR.add(String.join("|", exchange.getRequestHeaders().getOrDefault("X-Forwarded-For", List.of("none"))));
            }
            GatewayTestSupport.answer(exchange, "{}");
        });
    }
}
