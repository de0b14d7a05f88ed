package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A page's independent API reads run at once (the network page's five took their sum before, three of them to
 * partner-service one after the other), and each still carries the visitor's address: read on the request thread,
 * it is not there on the threads the reads run on.
 */
class PlatformApiConcurrencyTest {

    static final Duration SLOW = Duration.ofMillis(400);

    StandInPlatform platform;
    final List<String> forwardedFor = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    PlatformApi api;

    @BeforeEach
    void slowApi() throws IOException {
        platform = StandInPlatform.start("/", this::answer);
        api = platform.api();
        MockHttpServletRequest visitor = new MockHttpServletRequest();
        visitor.setRemoteAddr("10.1.2.3");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(visitor));
    }

    @AfterEach
    void stop() {
        RequestContextHolder.resetRequestAttributes();
        platform.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            forwardedFor.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            Thread.sleep(SLOW);
            String path = exchange.getRequestURI().getPath();
            boolean missing = path.equals("/missing");
            byte[] body = (missing ? "{\"type\":\"urn:augenhoehe:problem:not-found\",\"status\":404}" : "{\"path\":\"" + path + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", missing ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Test
    void the_reads_run_at_once_in_order_each_with_the_visitors_address() {
        long start = System.nanoTime();
        List<JsonNode> answers = api.concurrently(List.of(() -> api.get("/a"), () -> api.get("/b"), () -> api.get("/c")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answers).extracting(a -> a.path("path").asString()).containsExactly("/a", "/b", "/c");
        assertThat(mostAtOnce).hasValue(3);
        assertThat(took).isLessThan(SLOW.multipliedBy(2));
        assertThat(forwardedFor).containsExactly("10.1.2.3", "10.1.2.3", "10.1.2.3");
    }

    @Test
    void a_call_handed_to_another_thread_carries_the_visitors_address() throws Exception {
        Thread elsewhere = Thread.ofVirtual().start(api.carryingVisitor(() -> api.get("/d"))::get);
        elsewhere.join();
        Thread bare = Thread.ofVirtual().start(() -> api.get("/e"));
        bare.join();
        assertThat(forwardedFor).as("carried / not carried").containsExactly("10.1.2.3", "null");
    }

    @Test
    void a_failed_read_fails_the_page_as_it_did_one_after_the_other() {
        // the first failure in the order of the reads decides, so an unknown network is still the 404 page
        assertThatThrownBy(() -> api.concurrently(List.of(() -> api.get("/missing"), () -> api.get("/b"))))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
