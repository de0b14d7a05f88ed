package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Circuit breaker, time limit, retries and bulkhead against real slow and failing HTTP servers. Each test uses its own
 * service so that their breakers don't meet; the windows are shrunk (4 calls, 2 s open, 500 ms time limit) to keep it quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.instances.outreach-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.outreach-service.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.outreach-service.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.outreach-service.permitted-number-of-calls-in-half-open-state=2",
        "resilience4j.circuitbreaker.instances.outreach-service.slow-call-duration-threshold=500ms",
        "resilience4j.timelimiter.instances.outreach-service.timeout-duration=500ms",
        "resilience4j.bulkhead.instances.vacancy-service.max-concurrent-calls=2",
        "augenhoehe.gateway.rate-limits.enabled=false"})
class ResilienceTest {

    static final Downstream PARTNER = new Downstream("partner");
    static final Downstream VACANCY = new Downstream("vacancy");
    static final Downstream MEASURES = new Downstream("measures");
    static final Downstream OUTREACH = new Downstream("outreach");
    static final String TOKEN = GatewayTestSupport.token("coordinator");

    @LocalServerPort int port;
    @Autowired CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (Downstream d : List.of(PARTNER, VACANCY, MEASURES, OUTREACH)) {
            registry.add("augenhoehe.gateway.services." + d.name, d::url);
        }
        registry.add("augenhoehe.security.jwt.public-key-location", () -> GatewayTestSupport.PUBLIC_PEM.toUri().toString());
        registry.add("augenhoehe.security.jwt.issuer", () -> GatewayTestSupport.ISSUER);
    }

    @AfterAll
    static void stop() {
        List.of(PARTNER, VACANCY, MEASURES, OUTREACH).forEach(Downstream::close);
    }

    @Test
    void the_breaker_opens_after_its_threshold_fails_fast_then_half_opens_and_closes_after_recovery() throws Exception {
        // warm the route (connection pool, JIT): on a loaded machine the first call alone can take seconds
        assertThat(send(port, "GET", "/api/campaigns/1", TOKEN).statusCode()).isEqualTo(200);
        breakers.circuitBreaker("outreach-service").reset(); // the warm-up call does not count
        // An overloaded service is cut off at the time limit, but that is not an outage: the breaker stays closed.
        OUTREACH.mode(Downstream.Mode.SLOW).delay(Duration.ofSeconds(2));
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = send(port, "GET", "/api/campaigns/1", TOKEN);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
            assertThat(r.body()).contains("urn:augenhoehe:problem:gateway-timeout").contains("\"instance\":\"/api/campaigns/1\"");
            assertThat(millis).as("cut off at the 500 ms time limit, not the 2 s of the service").isBetween(450L, 1500L);
        }
        assertThat(breakers.circuitBreaker("outreach-service").getState()).as("overload is not an outage").isEqualTo(CircuitBreaker.State.CLOSED);

        // A service whose connections fail is: after the window's 4 calls the breaker opens.
        OUTREACH.mode(Downstream.Mode.DROP);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = send(port, "GET", "/api/campaigns/1", TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        }
        assertThat(breakers.circuitBreaker("outreach-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        List<Long> open = new ArrayList<>();
        int hitsBefore = OUTREACH.hits("GET");
        for (int i = 0; i < 9; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = send(port, "GET", "/api/campaigns/1", TOKEN);
            open.add((System.nanoTime() - start) / 1_000_000);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("urn:augenhoehe:problem:service-unavailable").contains("circuit open");
            assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 2L));
        }
        assertThat(OUTREACH.hits("GET")).as("an open breaker never calls the service").isEqualTo(hitsBefore);
        // fail fast: well below the 500 ms time limit the calls took before (bounds generous for a shared 2-core machine;
        // measured 15-60 ms there, including token validation)
        assertThat(open.stream().sorted().toList().get(4)).as("median answer time with the breaker open, ms: " + open).isLessThan(100L);
        assertThat(open).allSatisfy(ms -> assertThat(ms).isLessThan(400L));

        OUTREACH.mode(Downstream.Mode.OK);
        Thread.sleep(2_100); // the open state's 2 s
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = send(port, "GET", "/api/campaigns/1", TOKEN);
            assertThat(r.statusCode()).as("trial call " + i).isEqualTo(200);
        }
        assertThat(breakers.circuitBreaker("outreach-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(send(port, "GET", "/r/K7Q2", null).statusCode()).isEqualTo(200);
    }

    @Test
    void idempotent_requests_are_retried_with_back_off_a_post_never() {
        MEASURES.mode(Downstream.Mode.UNAVAILABLE).resetHits();
        HttpResponse<String> get = send(port, "GET", "/api/measures/1", TOKEN);
        assertThat(get.statusCode()).isEqualTo(503);
        assertThat(MEASURES.hits("GET")).as("the first call and two retries").isEqualTo(3);

        HttpResponse<String> post = send(port, "POST", "/api/measures", TOKEN);
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(MEASURES.hits("POST")).as("a POST is never retried").isEqualTo(1);

        MEASURES.mode(Downstream.Mode.ERROR).resetHits();
        assertThat(send(port, "GET", "/api/measures/1", TOKEN).statusCode()).isEqualTo(500);
        assertThat(MEASURES.hits("GET")).as("a 500 is the service's answer to this request, not retried").isEqualTo(1);

        MEASURES.mode(Downstream.Mode.DROP).resetHits();
        HttpResponse<String> droppedGet = send(port, "GET", "/api/measures/1", TOKEN);
        assertThat(droppedGet.statusCode()).as(droppedGet.body()).isEqualTo(502);
        assertThat(droppedGet.body()).contains("urn:augenhoehe:problem:bad-gateway");
        assertThat(MEASURES.hits("GET")).as("a dropped connection is retried for a GET").isEqualTo(3);
        HttpResponse<String> droppedPost = send(port, "POST", "/api/measures", TOKEN);
        assertThat(droppedPost.statusCode()).isEqualTo(502);
        assertThat(MEASURES.hits("POST")).as("but not for a POST: it may have been processed").isEqualTo(1);

        MEASURES.mode(Downstream.Mode.OK).resetHits();
        assertThat(send(port, "POST", "/api/measures", TOKEN).statusCode()).isEqualTo(200);
        assertThat(send(port, "GET", "/api/measures/1", TOKEN).statusCode()).isEqualTo(200);
        assertThat(MEASURES.hits("GET") + MEASURES.hits("POST")).as("no retry after success").isEqualTo(2);
    }

    @Test
    void a_slow_service_fills_only_its_own_bulkhead_the_others_answer_at_once() throws Exception {
        VACANCY.mode(Downstream.Mode.SLOW).delay(Duration.ofMillis(4000));
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slow.add(GatewayTestSupport.HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/vacancies/" + i))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Eventually.until(Duration.ofSeconds(2), () -> VACANCY.inFlight.get() == 2);

        List<Long> refused = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            HttpResponse<String> full = send(port, "GET", "/api/vacancies/3", TOKEN);
            refused.add((System.nanoTime() - start) / 1_000_000);
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.body()).contains("urn:augenhoehe:problem:service-unavailable").contains("too many calls in flight");
            assertThat(full.headers().firstValue("Retry-After")).hasValue("1");

            start = System.nanoTime();
            HttpResponse<String> other = send(port, "GET", "/api/partners/" + i, TOKEN);
            others.add((System.nanoTime() - start) / 1_000_000);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.body()).isEqualTo("partner /api/partners/" + i);
        }
        assertThat(VACANCY.inFlight.get()).as("the slow calls were still running all along").isEqualTo(2);
        assertThat(refused.stream().sorted().toList().get(2)).as("a full bulkhead refuses at once, ms: " + refused).isLessThan(100L);
        assertThat(others.stream().sorted().toList().get(2)).as("partner-service while vacancy-service hangs, ms: " + others).isLessThan(100L);
        for (CompletableFuture<HttpResponse<String>> f : slow) {
            assertThat(f.get().statusCode()).as("the slow calls themselves still complete").isEqualTo(200);
        }
        VACANCY.mode(Downstream.Mode.OK);
        assertThat(breakers.circuitBreaker("vacancy-service").getState()).as("a full bulkhead does not count against the service")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
