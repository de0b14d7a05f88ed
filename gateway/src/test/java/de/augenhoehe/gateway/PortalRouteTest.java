package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal behind the gateway: its pages keep the portal's CSP, the API keeps the strict one, a down portal is a page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalRouteTest {

    static final String PORTAL_CSP = "default-src 'none'; script-src 'self'; style-src 'self'";
    static final Map<String, HttpServer> SERVICES = new HashMap<>(GatewayTestSupport.echoServices());

    static {
        SERVICES.get("portal").stop(0);
        SERVICES.put("portal", GatewayTestSupport.stub(PortalRouteTest::page));
        SERVICES.get("vacancy").stop(0);
        SERVICES.put("vacancy", GatewayTestSupport.stub(PortalRouteTest::page)); // a service that tries to loosen its CSP
    }

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SERVICES, true);
        registry.add("augenhoehe.gateway.services.measures", () -> "http://127.0.0.1:1"); // nothing listens there
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(s -> s.stop(0));
    }

    @Test
    void a_portal_page_keeps_the_portals_content_security_policy() {
        HttpResponse<String> r = GatewayTestSupport.send(port, "GET", "/stellen", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Stellen</h1>");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(PORTAL_CSP);
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void an_api_answer_keeps_the_strict_policy_whatever_the_service_sends() {
        HttpResponse<String> r = GatewayTestSupport.send(port, "GET", "/api/vacancies/1", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void paths_the_portal_does_not_own_are_not_routed_to_it() {
        HttpResponse<String> r = GatewayTestSupport.send(port, "GET", "/stellenmarkt", null);
        assertThat(r.statusCode()).isEqualTo(401); // no route, no rule: needs a login, as before
    }

    @Test
    void a_portal_that_cannot_answer_is_a_german_page_not_json() {
        try (var ignored = new PortalDown(SERVICES.get("portal"))) {
            HttpResponse<String> r = GatewayTestSupport.send(port, "GET", "/massnahmen", null);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(r.body()).contains("lang=\"de\"", "Gerade nicht erreichbar");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
    }

    /** Makes the portal stand-in answer by closing the connection (a crashed instance), then lets it answer again. */
    private static final class PortalDown implements AutoCloseable {
        static volatile boolean down;

        PortalDown(HttpServer ignored) {
            down = true;
        }

        @Override
        public void close() {
            down = false;
        }
    }

    private static void page(HttpExchange exchange) throws IOException {
        if (PortalDown.down) {
            exchange.close(); // no answer at all
            return;
        }
        exchange.getRequestBody().readAllBytes();
        byte[] body = "<!DOCTYPE html><html lang=\"de\"><h1>Stellen</h1></html>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", PORTAL_CSP);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
