package de.augenhoehe.partner.logins;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from: the TCP peer, or — when the peer is a trusted proxy (the gateway) — the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further left can be forged by the caller).
 * As the gateway's rate limiter does; a forged header sent straight to the service port is ignored.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, List<String> trustedProxies) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (!trustedProxies.contains(peer) || forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",", 64);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 100 ? hop.substring(0, 100) : hop;
            }
        }
        return peer;
    }
}
