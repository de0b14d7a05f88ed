package de.augenhoehe.partner.logins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import de.augenhoehe.platform.web.ClientAddresses;

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
        // the platform's reader, as this service configures it (augenhoehe.identity.login-throttle.trusted-proxies)
        ClientAddresses proxies = new ClientAddresses(List.of("10.0.0.2", "10.0.0.3"));
        assertThat(proxies.of(from("203.0.113.5", "198.51.100.1"))).as("forged, straight to the service").isEqualTo("203.0.113.5");
        assertThat(proxies.of(from("10.0.0.2", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.of(from("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.3"))).isEqualTo("198.51.100.1");
        assertThat(proxies.of(from("10.0.0.2", null))).isEqualTo("10.0.0.2");
        assertThat(proxies.of(from("10.0.0.2", " , "))).isEqualTo("10.0.0.2");
    }
}
