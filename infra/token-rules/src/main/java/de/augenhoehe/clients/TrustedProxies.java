package de.augenhoehe.clients;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request came from, the same in every service and in the gateway: the TCP peer, or — only when the peer is a
 * trusted proxy (the gateway, the portal, an ingress controller) — the right-most {@code X-Forwarded-For} hop that is
 * not itself a trusted proxy (hops further left can be forged by the caller). Trusted proxies are addresses or CIDR
 * ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), literals only: nothing is ever resolved by DNS.
 */
public final class TrustedProxies {

    private static final int MAX_HOPS = 64;
    private static final int MAX_LENGTH = 100;

    private final List<Range> ranges;

    /** @throws IllegalArgumentException for an entry that is no address or range (a configuration error: refuse to start) */
    public TrustedProxies(List<String> entries) {
        List<Range> parsed = new ArrayList<>();
        for (String entry : entries) {
            if (entry != null && !entry.isBlank()) {
                parsed.add(Range.parse(entry.strip()));
            }
        }
        this.ranges = List.copyOf(parsed);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusted(String address) {
        byte[] bytes = Range.literal(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * @param peer the TCP peer's address
     * @param forwardedFor the request's {@code X-Forwarded-For} header values, each possibly a comma-separated list
     */
    public String client(String peer, List<String> forwardedFor) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",", MAX_HOPS)) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop.length() > MAX_LENGTH ? hop.substring(0, MAX_LENGTH) : hop;
            }
        }
        return peer;
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("trusted proxies: not an IP address or CIDR range: " + entry);
            }
            int prefix;
            try {
                prefix = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("trusted proxies: bad prefix length in " + entry);
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
