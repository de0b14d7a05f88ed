package de.augenhoehe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8"));

    @Test
    void a_caller_of_the_service_port_cannot_pose_as_another_address() {
        assertThat(addresses.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behind_trusted_proxies_the_right_most_untrusted_hop_counts() {
        assertThat(addresses.of(request("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(request("fd00::1", "10.0.0.1"))).isEqualTo("fd00::1");
        assertThat(addresses.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_hop_is_never_longer_than_100_characters() {
        assertThat(addresses.of(request("127.0.0.1", "x".repeat(500)))).hasSize(100);
    }

    @Test
    void a_host_name_or_bad_range_is_refused_at_start() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("gateway.local"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        if (forwardedFor != null) {
            r.addHeader("X-Forwarded-For", forwardedFor);
        }
        return r;
    }
}
