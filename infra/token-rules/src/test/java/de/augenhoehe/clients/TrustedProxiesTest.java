package de.augenhoehe.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void a_range_trusts_every_address_in_it_and_nothing_else() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));
        assertThat(proxies.trusted("10.42.7.9")).isTrue();
        assertThat(proxies.trusted("11.0.0.1")).isFalse();
        assertThat(proxies.trusted("127.0.0.1")).isTrue();
        assertThat(proxies.trusted("127.0.0.2")).isFalse();
        assertThat(proxies.trusted("fd12::1")).isTrue();
        assertThat(proxies.trusted("localhost")).as("names are never resolved").isFalse();
    }

    @Test
    void from_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"));
        assertThat(proxies.client("10.1.1.1", List.of("6.6.6.6, 203.0.113.9, 10.2.2.2"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("10.1.1.1", List.of("6.6.6.6", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("10.1.1.1", List.of())).isEqualTo("10.1.1.1");
    }

    @Test
    void a_header_from_anyone_else_is_ignored() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8"));
        assertThat(proxies.client("198.51.100.4", List.of("1.2.3.4"))).isEqualTo("198.51.100.4");
        assertThat(new TrustedProxies(List.of()).client("198.51.100.4", List.of("1.2.3.4"))).isEqualTo("198.51.100.4");
    }

    @Test
    void a_bad_entry_refuses_the_configuration() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.org"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
