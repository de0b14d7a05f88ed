package de.augenhoehe.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * The client address is derived once per request and kept on the exchange; the rate limit and the X-Forwarded-For to
 * the services use that one value (RateLimitTest holds the end-to-end behaviour).
 */
class ClientAddressTest {

    final ClientAddress clientAddress = new ClientAddress(new RateLimitProperties(true, new Bucket(3, 1), new Bucket(3, 1),
            List.of(), List.of("127.0.0.8/30"), Duration.ofMinutes(10), 100, RateLimitProperties.Store.MEMORY,
            Duration.ofMillis(200), Duration.ofSeconds(1)));

    @Test
    void from_a_trusted_proxy_the_right_most_untrusted_hop_else_the_peer() {
        assertThat(clientAddress.of(exchange("127.0.0.9", "203.0.113.66, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(clientAddress.of(exchange("127.0.0.5", "203.0.113.66"))).isEqualTo("127.0.0.5");
    }

    @Test
    void is_derived_once_per_request_and_the_services_get_the_same_value() {
        MockServerWebExchange exchange = exchange("127.0.0.9", "198.51.100.7");
        assertThat(clientAddress.of(exchange)).isEqualTo("198.51.100.7");
        assertThat(exchange.<String>getAttribute(ClientAddress.ATTR)).isEqualTo("198.51.100.7");

        // a value already on the exchange is used as it is: neither the header nor the ranges are looked at again
        exchange.getAttributes().put(ClientAddress.ATTR, "192.0.2.44");
        assertThat(clientAddress.of(exchange)).isEqualTo("192.0.2.44");
        HttpHeaders toService = new ForwardedClientAddress(clientAddress).filter(exchange.getRequest().getHeaders(), exchange);
        assertThat(toService.get("X-Forwarded-For")).containsExactly("192.0.2.44");
    }

    private static MockServerWebExchange exchange(String peer, String forwardedFor) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/vacancies")
                .remoteAddress(new InetSocketAddress(peer, 40000)).header("X-Forwarded-For", forwardedFor));
    }
}
