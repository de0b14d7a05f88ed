package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Token buckets through real HTTP: small buckets, echo services that count what reaches them, tokens for distinct
 * subjects and clients, anonymous calls from distinct loopback addresses (127.0.0.x) so tests don't share a bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.gateway.rate-limits.authenticated.capacity=3",
        "augenhoehe.gateway.rate-limits.authenticated.refill-per-second=0.5",
        "augenhoehe.gateway.rate-limits.anonymous.capacity=3",
        "augenhoehe.gateway.rate-limits.anonymous.refill-per-second=0.5",
        "augenhoehe.gateway.rate-limits.rules[0].name=registration",
        "augenhoehe.gateway.rate-limits.rules[0].paths[0]=/api/registrations",
        "augenhoehe.gateway.rate-limits.rules[0].methods[0]=POST",
        "augenhoehe.gateway.rate-limits.rules[0].capacity=2",
        "augenhoehe.gateway.rate-limits.rules[0].refill-per-second=0.01",
        "augenhoehe.gateway.rate-limits.rules[1].name=returnee-sign-up",
        "augenhoehe.gateway.rate-limits.rules[1].paths[0]=/api/returnees",
        "augenhoehe.gateway.rate-limits.rules[1].methods[0]=POST",
        "augenhoehe.gateway.rate-limits.rules[1].capacity=2",
        "augenhoehe.gateway.rate-limits.rules[1].refill-per-second=0.01",
        "augenhoehe.gateway.rate-limits.trusted-proxies[0]=127.0.0.8/30"})
class RateLimitTest {

    static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();
    /** The X-Forwarded-For each path reached its service (or the portal) with, the last one. */
    static final Map<String, String> FORWARDED_FOR = new ConcurrentHashMap<>();
    static final Map<String, HttpServer> SERVICES = new HashMap<>();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String name : new String[] {"partner", "vacancy", "measures", "outreach", "portal"}) {
            SERVICES.put(name, counting(name));
        }
        GatewayTestSupport.register(registry, SERVICES, true);
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(s -> s.stop(0));
    }

    /** The first calls through a fresh gateway are slow (class loading, JIT); warm up with a throw-away subject. */
    @BeforeEach
    void warm_up() {
        send("GET", "/api/campaigns/warm-up", subject("warm-up-" + System.nanoTime()), null);
    }

    @Test
    void a_burst_beyond_capacity_gets_429_with_headers_and_never_reaches_the_downstream() {
        String token = subject("burst");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = send("GET", "/api/campaigns/burst", token, null);
            assertThat(ok.statusCode()).as("request %d", i + 1).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
            assertThat(ok.headers().firstValue("RateLimit-Reset")).isPresent();
        }
        HttpResponse<String> limited = send("GET", "/api/campaigns/burst", token, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.body()).contains("\"type\":\"urn:augenhoehe:problem:rate-limited\"").contains("\"status\":429");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 2L));
        assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("RateLimit-Reset")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 6L));
        assertThat(limited.headers().firstValue("X-Content-Type-Options")).as("security headers still set").hasValue("nosniff");
        assertThat(reached("/api/campaigns/burst")).as("only the allowed requests reach outreach-service").isEqualTo(3);
    }

    @Test
    void refill_restores_access_after_retry_after() throws InterruptedException {
        String token = subject("refill");
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/api/campaigns/refill", token, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send("GET", "/api/campaigns/refill", token, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        Thread.sleep(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 100);
        HttpResponse<String> again = send("GET", "/api/campaigns/refill", token, null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(send("GET", "/api/campaigns/refill", token, null).statusCode()).as("one token refilled, not more").isEqualTo(429);
    }

    @Test
    void each_person_has_a_bucket_even_in_one_app_and_a_machine_client_keeps_one_across_its_tokens() {
        String alice = subject("alice");
        for (int i = 0; i < 3; i++) {
            send("GET", "/api/campaigns/alice", alice, null);
        }
        assertThat(send("GET", "/api/campaigns/alice", alice, null).statusCode()).isEqualTo(429);
        assertThat(send("GET", "/api/campaigns/bob", subject("bob"), null).statusCode()).as("bob has his own bucket").isEqualTo(200);

        // people who signed in through the same app: the tokens share the app's client_id, not a bucket
        String carla = GatewayTestSupport.token(claims("coordinator").subject("carla").claim("client_id", "augenhoehe-web").build(),
                GatewayTestSupport.KEY.getPrivate());
        String dora = GatewayTestSupport.token(claims("coordinator").subject("dora").claim("client_id", "augenhoehe-web").build(),
                GatewayTestSupport.KEY.getPrivate());
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/api/campaigns/carla", carla, null).statusCode()).isEqualTo(200);
        }
        assertThat(send("GET", "/api/campaigns/carla", carla, null).statusCode()).isEqualTo(429);
        assertThat(send("GET", "/api/campaigns/dora", dora, null).statusCode()).as("dora is not carla").isEqualTo(200);

        // an HR system's client-credentials tokens (subject = client id): every new token draws on the same bucket
        String hr1 = GatewayTestSupport.token(claims("hr_client").subject("hr-system-1").claim("client_id", "hr-system-1").build(),
                GatewayTestSupport.KEY.getPrivate());
        String hr2 = GatewayTestSupport.token(claims("hr_client").subject("hr-system-1").claim("client_id", "hr-system-1")
                .jwtID("second-token").build(), GatewayTestSupport.KEY.getPrivate());
        assertThat(hr2).isNotEqualTo(hr1);
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/integration/v1/vacancies/x", i % 2 == 0 ? hr1 : hr2, null).statusCode()).isEqualTo(200);
        }
        assertThat(send("GET", "/integration/v1/vacancies/x", hr2, null).statusCode()).isEqualTo(429);
    }

    @Test
    void anonymous_calls_are_keyed_by_address_and_x_forwarded_for_is_ignored_unless_from_a_trusted_proxy() {
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/api/vacancies/anon", null, "127.0.0.2").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send("GET", "/api/vacancies/anon", null, "127.0.0.2");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(send("GET", "/api/vacancies/anon", null, "127.0.0.2", "X-Forwarded-For", "203.0.113.7").statusCode())
                .as("a forged X-Forwarded-For does not buy a new bucket").isEqualTo(429);
        assertThat(send("GET", "/api/vacancies/anon", null, "127.0.0.3").statusCode()).as("another address").isEqualTo(200);
        assertThat(send("GET", "/api/campaigns/anon", subject("from-2"), "127.0.0.2").statusCode())
                .as("a logged-in user at that address has their own bucket").isEqualTo(200);

        // behind a trusted proxy (127.0.0.9, in the range 127.0.0.8/30 — a chart names the pods' CIDR) the client is the
        // right-most untrusted X-Forwarded-For entry
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/api/vacancies/proxied", null, "127.0.0.9", "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(200);
        }
        assertThat(send("GET", "/api/vacancies/proxied", null, "127.0.0.9", "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(429);
        assertThat(send("GET", "/api/vacancies/proxied", null, "127.0.0.9", "X-Forwarded-For", "198.51.100.1, 198.51.100.2").statusCode())
                .as("198.51.100.2 is another client").isEqualTo(200);
    }

    /**
     * The address the buckets are keyed by is the one the services and the portal get: behind a trusted proxy the
     * visitor, not the proxy. The portal passes it on with its API calls, so each of its visitors keeps their own
     * bucket there too (#17: the gateway sent only hops matching Spring Cloud Gateway's trusted-proxies — the proxy —
     * and every visitor's API calls through the portal shared the proxy's bucket).
     */
    @Test
    void the_services_and_the_portal_get_the_client_address_the_limits_key_by() {
        assertThat(send("GET", "/stellen", null, "127.0.0.9", "X-Forwarded-For", "203.0.113.66, 198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(FORWARDED_FOR.get("/stellen")).as("the portal: the right-most hop that is no trusted proxy").isEqualTo("198.51.100.7");
        assertThat(send("GET", "/api/vacancies/forwarded", null, "127.0.0.9", "X-Forwarded-For", "198.51.100.8, 127.0.0.10").statusCode())
                .isEqualTo(200);
        assertThat(FORWARDED_FOR.get("/api/vacancies/forwarded")).as("trusted hops are skipped").isEqualTo("198.51.100.8");

        assertThat(send("GET", "/massnahmen", null, "127.0.0.5", "X-Forwarded-For", "203.0.113.66").statusCode()).isEqualTo(200);
        assertThat(FORWARDED_FOR.get("/massnahmen")).as("from anyone else a claimed address is dropped: the peer").isEqualTo("127.0.0.5");
    }

    /**
     * Spring Cloud Gateway's own {@code trusted-proxies} stays unset, so only the rate limits' trusted proxies decide the
     * client address: set, it made Reactor Netty replace the TCP peer of a matching caller by the left-most (forgeable)
     * X-Forwarded-For entry, and its X-Forwarded headers filter copied every request's headers once more. Unset, its
     * filters only drop what callers send, and ForwardedClientAddress writes X-Forwarded-For.
     */
    @Test
    void spring_cloud_gateways_own_forwarded_handling_is_off() {
        assertThat(context.getBeansOfType(XForwardedHeadersFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(RemoveXForwardedHeadersFilter.class)).hasSize(1);
        assertThat(context.getBeansOfType(RemoveForwardedHeadersFilter.class)).hasSize(1);
    }

    @Test
    void the_stricter_sign_up_bucket_applies_only_to_its_path_and_method() {
        String token = subject("signup");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> ok = send("POST", "/api/registrations", token, null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("2");
        }
        HttpResponse<String> limited = send("POST", "/api/registrations", token, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isGreaterThan(50));
        assertThat(reached("/api/registrations")).isEqualTo(2);

        HttpResponse<String> other = send("GET", "/api/registrations/1", token, null);
        assertThat(other.statusCode()).as("other paths keep the default bucket").isEqualTo(200);
        assertThat(other.headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(send("POST", "/api/returnees", token, null).statusCode()).as("the returnee sign-up has its own bucket").isEqualTo(200);

        // anonymous sign-ups: per address
        for (int i = 0; i < 2; i++) {
            assertThat(send("POST", "/api/registrations", null, "127.0.0.4").statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", "/api/registrations", null, "127.0.0.4").statusCode()).isEqualTo(429);
        assertThat(send("GET", "/api/measures/1", null, "127.0.0.4").statusCode()).isEqualTo(200);
    }

    private static String subject(String sub) {
        return GatewayTestSupport.token(claims("coordinator").subject(sub).build(), GatewayTestSupport.KEY.getPrivate());
    }

    private static int reached(String path) {
        return REACHED.getOrDefault(path, new AtomicInteger()).get();
    }

    private HttpResponse<String> send(String method, String path, String token, String from, String... headers) {
        HttpClient.Builder client = HttpClient.newBuilder();
        try {
            if (from != null) {
                client.localAddress(InetAddress.getByName(from));
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (headers.length > 0) {
                b.headers(headers);
            }
            try (HttpClient c = client.build()) {
                return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer counting(String name) {
        return GatewayTestSupport.stub(exchange -> {
            REACHED.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            FORWARDED_FOR.put(exchange.getRequestURI().getPath(), String.join("|", exchange.getRequestHeaders().getOrDefault("X-Forwarded-For", List.of("none"))));
            GatewayTestSupport.answer(exchange, name + " " + exchange.getRequestURI().getPath());
        });
    }
}
