package de.augenhoehe.vacancy.posting;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who a public counter counts: the client address and user agent, hashed with a key (HMAC-SHA256) so that only the
 * hash is ever stored. The address is the TCP peer; only when the peer is a trusted proxy (the gateway) its
 * {@code X-Forwarded-For} is believed — the right-most hop that is no trusted proxy, as the gateway determines it —
 * so a caller of the service port cannot pose as many visitors by inventing the header.
 */
@Component
class Visitors {

    private final SecretKeySpec key;
    private final List<Range> trustedProxies;

    Visitors(@Value("${augenhoehe.search.cursor-secret:}") String serviceSecret,
            @Value("${augenhoehe.vacancy.counters.trusted-proxies:127.0.0.1,::1}") List<String> trustedProxies) {
        // Derived from the deployment's secret (required outside demo mode, the same on every instance), so every
        // instance computes the same hash; demo mode without one: a random key of this process.
        byte[] secret = serviceSecret == null || serviceSecret.isBlank() ? random() : serviceSecret.strip().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "augenhoehe-visitor-v1"), "HmacSHA256");
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    /** The visitor of this request: 32 bytes, the same for the same address and user agent. */
    byte[] of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return hmac(key, address(request) + "\n" + (agent == null ? "" : agent));
    }

    /** The TCP peer; from a trusted proxy the right-most {@code X-Forwarded-For} entry that is not a trusted proxy. */
    String address(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!hops.get(i).isEmpty() && !trusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        byte[] bytes = Range.literal(address);
        return bytes != null && trustedProxies.stream().anyMatch(r -> r.contains(bytes));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** An address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}); literals only, never a DNS lookup. */
    record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("augenhoehe.vacancy.counters.trusted-proxies: not an IP address or CIDR range: " + entry);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("augenhoehe.vacancy.counters.trusted-proxies: bad prefix length in " + entry);
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of an IPv4 or IPv6 literal; null for anything else (a host name is never resolved). */
        static byte[] literal(String text) {
            if (text == null || text.length() < 2 || text.length() > 45 || !text.chars().allMatch(Range::literalChar)) {
                return null;
            }
            try {
                return InetAddress.ofLiteral(text).getAddress(); // parses, never resolves
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static boolean literalChar(int c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
        }
    }
}
