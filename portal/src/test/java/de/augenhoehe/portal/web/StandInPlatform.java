package de.augenhoehe.portal.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server standing in for the platform's gateway, and the portal's {@link PlatformApi} pointed at it: for
 * tests of what the portal makes of the platform's answers. Each request runs on a virtual thread of its own.
 */
public final class StandInPlatform implements AutoCloseable {

    private final HttpServer server;
    private final PlatformApi api;

    private StandInPlatform(HttpServer server) {
        this.server = server;
        this.api = new PlatformApi(new PortalProperties(uri(), "http://127.0.0.1", Duration.ofSeconds(5), ""), RestClient.builder(),
                JsonMapper.builder().build());
    }

    /** Answers the requests under {@code path} with {@code handler}. */
    public static StandInPlatform start(String path, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(path, handler);
        server.start();
        return new StandInPlatform(server);
    }

    public PlatformApi api() {
        return api;
    }

    /** The stand-in's base address (what the portal's {@code apiUrl} would be). */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers 200 with a JSON body. */
    public static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
