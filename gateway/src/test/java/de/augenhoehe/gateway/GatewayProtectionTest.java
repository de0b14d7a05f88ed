package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.claims;
import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.Base64URL;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Token validation, problem details for gateway errors, security headers, no CORS by default, the size limit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.gateway.max-request-size=64KB")
class GatewayProtectionTest {

    static final Map<String, HttpServer> SERVICES = new HashMap<>(GatewayTestSupport.echoServices());

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        HttpServer outreach = SERVICES.remove("outreach");
        int deadPort = outreach.getAddress().getPort();
        outreach.stop(0); // a dead downstream: nothing listens on its port any more
        GatewayTestSupport.register(registry, SERVICES, true);
        registry.add("augenhoehe.gateway.services.outreach", () -> "http://127.0.0.1:" + deadPort);
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(s -> s.stop(0));
    }

    @Test
    void invalid_or_expired_tokens_are_refused_with_a_bearer_challenge() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        Map<String, String> tokens = Map.of(
                "expired", GatewayTestSupport.token(claims("coordinator").issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build(), GatewayTestSupport.KEY.getPrivate()),
                "other issuer", GatewayTestSupport.token(claims("coordinator").issuer("someone-else").build(), GatewayTestSupport.KEY.getPrivate()),
                "other audience", GatewayTestSupport.token(claims("coordinator").audience("other").build(), GatewayTestSupport.KEY.getPrivate()),
                "other key", GatewayTestSupport.token(claims("coordinator").build(), GatewayTestSupport.rsa().getPrivate()),
                "HS256", GatewayTestSupport.hs256(claims("coordinator").build()),
                "alg none", Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims("coordinator").build().toString()) + ".",
                "garbage", "abc.def.ghi");
        tokens.forEach((what, token) -> {
            for (String path : new String[] {"/api/working-groups/1", "/api/vacancies/1"}) {
                HttpResponse<String> r = send(port, "GET", path, token);
                assertThat(r.statusCode()).as(what + " " + path).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(r.body()).contains("\"type\":\"urn:augenhoehe:problem:unauthenticated\"").contains("\"status\":401");
                assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(r.body()).as("the echo service must not be reached").doesNotContain("partner ").doesNotContain("vacancy ");
            }
        });
    }

    @Test
    void unknown_paths_and_a_dead_downstream_are_problem_details_never_a_500() {
        HttpResponse<String> unknown = send(port, "GET", "/api/nothing-here", GatewayTestSupport.token("coordinator"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("\"type\":\"urn:augenhoehe:problem:not-found\"");

        // the only instance of outreach-service fails its health checks; it is called anyway (no healthy instance at all:
        // all are tried) and refuses the connection
        HttpResponse<String> dead = send(port, "GET", "/r/K7Q2", null);
        assertThat(dead.statusCode()).as(dead.body()).isEqualTo(502);
        assertThat(dead.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(dead.body()).contains("\"type\":\"urn:augenhoehe:problem:bad-gateway\"");
    }

    /**
     * Issue #16: what Netty, the firewall or a route refuses for an odd path (encoded separators, control characters,
     * path parameters) is a problem too, never a bare 400 with an empty body; a 404 tells nothing about the inside.
     */
    @Test
    void odd_paths_are_refused_with_problem_details() {
        java.util.List<String> findings = new java.util.ArrayList<>();
        for (String path : java.util.List.of("/api/vacancies/a%2Fb", "/api/vacancies/a%25b", "/api/vacancies/a%3Bb",
                "/api/vacancies/a%00b", "/api/vacancies/a%0Ab", "/api/vacancies/a%5Cb", "/api/vacancies/%2E%2E/x",
                "/api/vacancies/a;b=c", "/api/a%2Fb", "/api/a%00b", "/api/nothing-here")) {
            for (String token : java.util.Arrays.asList(null, GatewayTestSupport.token("coordinator"))) {
                HttpResponse<String> r = send(port, "GET", path, token);
                if (r.statusCode() < 400 || r.statusCode() >= 500
                        || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        || !r.body().contains("\"type\":\"urn:augenhoehe:problem:") || r.body().contains("static resource")) {
                    findings.add(path + (token == null ? " anonymous" : " with token") + ": " + r.statusCode() + " "
                            + r.headers().firstValue("Content-Type").orElse("") + " " + r.body());
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void every_response_carries_the_security_headers() {
        String token = GatewayTestSupport.token("coordinator");
        HttpResponse<String> anonymous = send(port, "GET", "/api/vacancies/1", null);
        HttpResponse<String> authenticated = send(port, "GET", "/api/working-groups/1", token);
        HttpResponse<String> refused = send(port, "GET", "/api/working-groups/1", null);
        HttpResponse<String> notFound = send(port, "GET", "/api/nothing-here", token);
        for (HttpResponse<String> r : new HttpResponse[] {anonymous, authenticated, refused, notFound}) {
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as(r.uri().toString()).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        }
        assertThat(anonymous.headers().allValues("Cache-Control")).doesNotContain("no-store");
        assertThat(authenticated.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(notFound.headers().firstValue("Cache-Control")).hasValue("no-store");

        for (String page : List.of("/oauth2/login", "/oauth2/password", "/oauth2/forgot", "/oauth2/reset")) {
            HttpResponse<String> identityPage = send(port, "GET", page, null);
            assertThat(identityPage.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(v -> assertThat(v)
                    .contains("style-src 'unsafe-inline'").contains("form-action 'self'").doesNotContain("script-src"));
        }
        assertThat(send(port, "GET", "/oauth2/token", null).headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");

        HttpResponse<String> ui = send(port, "GET", "/swagger-ui/index.html", null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void no_cors_headers_without_configured_origins() {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(uri("/api/vacancies/1")).header("Origin", "https://evil.example").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void bodies_over_the_limit_are_refused_with_413_by_length_and_when_chunked() {
        String token = GatewayTestSupport.token("coordinator");
        byte[] big = new byte[65 * 1024];
        HttpResponse<String> byLength = exchange(HttpRequest.newBuilder(uri("/api/partners")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(byLength.statusCode()).isEqualTo(413);
        assertThat(byLength.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(byLength.body()).contains("\"type\":\"urn:augenhoehe:problem:payload-too-large\"");

        HttpResponse<String> chunked = exchange(HttpRequest.newBuilder(uri("/api/partners")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"type\":\"urn:augenhoehe:problem:payload-too-large\"");

        HttpResponse<String> small = exchange(HttpRequest.newBuilder(uri("/api/partners")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1024]))));
        assertThat(small.statusCode()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return GatewayTestSupport.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
