package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without a JWT key and with the explicit opt-in (unchecked-relay) the gateway only relays (the services still check every token) — the headers, problem
 * details and size limit stay on. CORS answers for configured origins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.gateway.cors.allowed-origins=https://portal.example")
class WithoutJwtKeyTest {

    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, false);
    }


    @Test
    void requests_are_relayed_unchecked_to_the_services() {
        HttpResponse<String> anonymous = send(port, "POST", "/api/partners", null);
        assertThat(anonymous.body()).isEqualTo("partner /api/partners null");
        HttpResponse<String> ops = send(port, "GET", "/integration/v1/vacancies", "abc.def.ghi");
        assertThat(ops.body()).isEqualTo("vacancy /integration/v1/vacancies Bearer abc.def.ghi");
        assertThat(ops.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(ops.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> unknown = send(port, "GET", "/api/nothing-here", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:augenhoehe:problem:not-found");
    }

    @Test
    void cors_for_configured_origins_only() throws Exception {
        HttpResponse<String> preflight = GatewayTestSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/partners"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://portal.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization,content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example");

        HttpResponse<String> allowed = GatewayTestSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/vacancies/1"))
                .header("Origin", "https://portal.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example");

        HttpResponse<String> other = GatewayTestSupport.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/vacancies/1"))
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
