package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A downstream that resets the connection (a crashing service, a restarting proxy) is a 502, never the gateway's 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.gateway.rate-limits.enabled=false")
class ConnectionResetTest {

    static final Downstream PARTNER = new Downstream("partner");
    static final Downstream VACANCY = new Downstream("vacancy");
    static final Downstream OUTREACH = new Downstream("outreach");
    static final ResettingServer MEASURES = new ResettingServer();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (Downstream d : List.of(PARTNER, VACANCY, OUTREACH)) {
            registry.add("augenhoehe.gateway.services." + d.name, d::url);
        }
        registry.add("augenhoehe.gateway.services.measures", () -> "http://127.0.0.1:" + MEASURES.port());
        registry.add("augenhoehe.security.jwt.public-key-location", () -> GatewayTestSupport.PUBLIC_PEM.toUri().toString());
        registry.add("augenhoehe.security.jwt.issuer", () -> GatewayTestSupport.ISSUER);
    }

    @AfterAll
    static void stop() throws IOException {
        List.of(PARTNER, VACANCY, OUTREACH).forEach(Downstream::close);
        MEASURES.close();
    }

    @Test
    void a_reset_connection_is_a_bad_gateway_problem() {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> r = send(port, method, "/api/measures/1", GatewayTestSupport.token("coordinator"));
            assertThat(r.statusCode()).as(method + " " + r.body()).isEqualTo(502);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("urn:augenhoehe:problem:bad-gateway");
        }
    }

    /** Reads the request, then closes with SO_LINGER 0: the gateway gets a TCP reset instead of an answer. */
    static final class ResettingServer implements AutoCloseable {
        private final ServerSocket server;

        ResettingServer() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getInputStream().read(new byte[8192]);
                        s.setSoLinger(true, 0);
                    } catch (IOException closed) {
                        // the next one
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
