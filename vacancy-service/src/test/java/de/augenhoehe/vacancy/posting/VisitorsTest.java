package de.augenhoehe.vacancy.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address a counter counts: X-Forwarded-For only from a trusted proxy, as the gateway decides it. */
class VisitorsTest {

    final Visitors visitors = new Visitors("tests-only-cursor-key-0123456789abcdef", List.of("10.1.0.0/16", "::1", "192.0.2.9"));

    @Test
    void the_peer_unless_it_is_a_trusted_proxy() {
        assertThat(visitors.address(request("198.51.100.4", "203.0.113.9"))).as("direct caller: header ignored").isEqualTo("198.51.100.4");
        assertThat(visitors.address(request("10.1.2.3", "203.0.113.9"))).as("the gateway in 10.1/16").isEqualTo("203.0.113.9");
        assertThat(visitors.address(request("0:0:0:0:0:0:0:1", "2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(visitors.address(request("10.2.0.1", "203.0.113.9"))).as("outside the range").isEqualTo("10.2.0.1");
    }

    @Test
    void the_right_most_hop_that_is_no_trusted_proxy_so_a_client_cannot_prepend_one() {
        assertThat(visitors.address(request("10.1.0.5", "1.2.3.4, 203.0.113.9, 192.0.2.9"))).isEqualTo("203.0.113.9");
        assertThat(visitors.address(request("10.1.0.5", "1.2.3.4", "203.0.113.9"))).as("several headers").isEqualTo("203.0.113.9");
        assertThat(visitors.address(request("10.1.0.5", "192.0.2.9"))).as("only proxies: the peer").isEqualTo("10.1.0.5");
        assertThat(visitors.address(request("10.1.0.5", " , "))).isEqualTo("10.1.0.5");
    }

    @Test
    void the_hash_depends_on_address_and_user_agent_and_on_the_key() {
        MockHttpServletRequest a = request("198.51.100.4", null);
        a.addHeader("User-Agent", "Firefox");
        MockHttpServletRequest b = request("198.51.100.4", null);
        b.addHeader("User-Agent", "Safari");
        assertThat(visitors.of(a)).hasSize(32).isEqualTo(visitors.of(a)).isNotEqualTo(visitors.of(b))
                .isNotEqualTo(visitors.of(request("198.51.100.5", null)));
        assertThat(new Visitors("another-deployments-key-0123456789abcdef", List.of()).of(a)).isNotEqualTo(visitors.of(a));
    }

    @Test
    void trusted_proxies_are_addresses_or_ranges_never_names() {
        assertThatThrownBy(() -> new Visitors("k", List.of("gateway.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Visitors("k", List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Visitors("k", List.of("x".repeat(100_000)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Visitors("k", List.of("999.1.1.1"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/vacancies/x");
        r.setRemoteAddr(peer);
        if (forwardedFor != null) {
            for (String h : forwardedFor) {
                r.addHeader("X-Forwarded-For", h);
            }
        }
        return r;
    }
}
