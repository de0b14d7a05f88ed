package de.augenhoehe.partner.logins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/oauth2/token");
        r.setRemoteAddr(peer);
        if (forwardedFor != null) {
            r.addHeader("X-Forwarded-For", forwardedFor);
        }
        return r;
    }

    @Test
    void a_forwarded_address_counts_only_from_a_trusted_proxy_and_only_its_right_most_untrusted_entry() {
        List<String> proxies = List.of("10.0.0.2", "10.0.0.3");
        assertThat(ClientAddress.of(from("203.0.113.5", "198.51.100.1"), proxies)).as("forged, straight to the service").isEqualTo("203.0.113.5");
        assertThat(ClientAddress.of(from("10.0.0.2", "198.51.100.1"), proxies)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of(from("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.3"), proxies)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of(from("10.0.0.2", null), proxies)).isEqualTo("10.0.0.2");
        assertThat(ClientAddress.of(from("10.0.0.2", " , "), proxies)).isEqualTo("10.0.0.2");
    }
}
