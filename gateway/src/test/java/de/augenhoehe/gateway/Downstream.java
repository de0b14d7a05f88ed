package de.augenhoehe.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one instance of a service, whose behaviour the test switches: answer at once,
 * answer after a delay, answer 503, or drop the connection without an answer. Counts the requests that reached it per method, and the ones in flight.
 */
final class Downstream implements AutoCloseable {

    enum Mode { OK, SLOW, UNAVAILABLE, ERROR, DROP }

    final String name;
    private volatile String lastHost;
    private final HttpServer server;
    private volatile Mode mode = Mode.OK;
    private volatile Duration delay = Duration.ofSeconds(2);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    final Map<String, String> authorizationSeen = new ConcurrentHashMap<>();

    /** A fixed answer for "METHOD /path?query", taking precedence over the mode. */
    record Canned(int status, String contentType, String body) {
    }

    Downstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizationSeen.put(key, authorization);
            }
            Canned fixed = canned.get(key);
            if (fixed != null) {
                byte[] body = fixed.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", fixed.contentType());
                exchange.sendResponseHeaders(fixed.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            boolean health = exchange.getRequestURI().getPath().startsWith("/actuator/health");
            if (!health) {
                lastHost = exchange.getRequestHeaders().getFirst("Host");
                hits.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
            }
            inFlight.incrementAndGet();
            try {
                Mode now = health ? Mode.OK : mode;
                if (now == Mode.DROP) {
                    return; // closed below without any answer: the caller sees the connection dropped
                }
                if (now == Mode.SLOW) {
                    Thread.sleep(delay);
                }
                int status = now == Mode.UNAVAILABLE ? 503 : now == Mode.ERROR ? 500 : 200;
                byte[] body = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the gateway gave up on this call (time limit): nothing to answer
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Downstream mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    Downstream delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    Downstream answer(String methodAndPath, int status, String contentType, String body) {
        canned.put(methodAndPath, new Canned(status, contentType, body));
        return this;
    }

    int hits(String method) {
        AtomicInteger n = hits.get(method);
        return n == null ? 0 : n.get();
    }

    /** The Host header of the last call (not health checks). */
    String lastHost() {
        return lastHost;
    }

    void resetHits() {
        hits.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
