package de.augenhoehe.vacancy.posting;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.security.KeyedHash;
import de.augenhoehe.platform.web.ClientAddresses;

/**
 * Who a public counter counts: the client address and user agent, hashed with a key (HMAC-SHA256, the platform's
 * {@link KeyedHash}) so that only the hash is ever stored. The address is the platform's {@link ClientAddresses}: the
 * TCP peer; only when the peer is a trusted proxy (the gateway) its {@code X-Forwarded-For} is believed — the
 * right-most hop that is no trusted proxy, as the gateway determines it — so a caller of the service port cannot pose
 * as many visitors by inventing the header.
 */
@Component
class Visitors {

    static final String TRUSTED_PROXIES = "augenhoehe.vacancy.counters.trusted-proxies";

    private final KeyedHash hash;
    private final ClientAddresses addresses;

    Visitors(@Value("${augenhoehe.search.cursor-secret:}") String serviceSecret,
            @Value("${" + TRUSTED_PROXIES + ":127.0.0.1,::1}") List<String> trustedProxies) {
        // Derived from the deployment's secret (required outside demo mode, the same on every instance), so every
        // instance computes the same hash; demo mode without one: a random key of this process.
        byte[] secret = serviceSecret == null || serviceSecret.isBlank() ? KeyedHash.randomKey()
                : serviceSecret.strip().getBytes(StandardCharsets.UTF_8);
        this.hash = KeyedHash.derived(secret, "augenhoehe-visitor-v1");
        try {
            this.addresses = new ClientAddresses(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TRUSTED_PROXIES + ": " + e.getMessage(), e);
        }
    }

    /** The visitor of this request: 32 bytes, the same for the same address and user agent. */
    byte[] of(HttpServletRequest request) {
        return hash.of(address(request), request.getHeader("User-Agent"));
    }

    /** The TCP peer; from a trusted proxy the right-most {@code X-Forwarded-For} entry that is not a trusted proxy. */
    String address(HttpServletRequest request) {
        return addresses.of(request);
    }
}
