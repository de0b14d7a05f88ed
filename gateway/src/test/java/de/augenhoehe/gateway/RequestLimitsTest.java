package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The request-line and header limits (server.netty.*): 414 and 431, and requests just under them pass. Raw sockets. */
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
    void a_uri_over_8_kb_is_414() throws Exception {
        assertThat(statusLine("/api/vacancies/" + "a".repeat(9 * 1024), "")).contains(" 414 ");
        assertThat(statusLine("/api/vacancies/" + "a".repeat(7 * 1024), "")).contains(" 200 ");
    }

    @Test
    void headers_over_16_kb_are_431() throws Exception {
        assertThat(statusLine("/api/vacancies/1", "X-Filler: " + "b".repeat(17 * 1024) + "\r\n")).contains(" 431 ");
        assertThat(statusLine("/api/vacancies/1", "X-Filler: " + "b".repeat(12 * 1024) + "\r\n")).contains(" 200 ");
    }

    private String statusLine(String path, String extraHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
