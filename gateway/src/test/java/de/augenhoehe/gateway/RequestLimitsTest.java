package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The request-line and header limits (server.netty.*): 414 and 431 as problems (Reactor Netty's own answer had an empty
 * body: endpoint fuzzer, #16), and requests just under them pass. Raw sockets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsTest {

    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, false);
    }


    @Test
    void a_uri_over_8_kb_is_a_414_problem() throws Exception {
        String refused = answer("/api/vacancies/x?q=" + "a".repeat(9 * 1024), "");
        assertThat(refused).startsWith("HTTP/1.1 414 ").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:augenhoehe:problem:uri-too-long\"", "\"status\":414");
        assertThat(answer("/api/vacancies/" + "a".repeat(7 * 1024), "")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void headers_over_16_kb_are_a_431_problem() throws Exception {
        String refused = answer("/api/vacancies/1", "X-Filler: " + "b".repeat(17 * 1024) + "\r\n");
        assertThat(refused).startsWith("HTTP/1.1 431 ").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:augenhoehe:problem:request-header-fields-too-large\"", "\"status\":431");
        assertThat(answer("/api/vacancies/1", "X-Filler: " + "b".repeat(12 * 1024) + "\r\n")).startsWith("HTTP/1.1 200 ");
    }

    /** The whole answer (status line, headers, body) as text; the server closes the connection after it. */
    private String answer(String path, String extraHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (java.net.SocketException reset) { // the server may close while the rest of a refused request is sent
            throw new AssertionError("connection reset before an answer", reset);
        }
    }
}
