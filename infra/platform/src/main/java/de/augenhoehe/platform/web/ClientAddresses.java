package de.augenhoehe.platform.web;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import de.augenhoehe.clients.TrustedProxies;

/**
 * The address a request came from, the same in every service and as the gateway's rate limiter determines it
 * ({@link TrustedProxies}): the TCP peer, or — only when the peer is a trusted proxy (the gateway) — the right-most
 * {@code X-Forwarded-For} hop that is not itself a trusted proxy. A forged header sent straight to a service port is
 * ignored. Trusted proxies are addresses or CIDR ranges, literals only.
 */
public final class ClientAddresses {

    private final TrustedProxies trustedProxies;

    /** @throws IllegalArgumentException for an entry that is no address or range (a configuration error: refuse to start) */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = new TrustedProxies(trustedProxies);
    }

    public String of(HttpServletRequest request) {
        return trustedProxies.client(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
