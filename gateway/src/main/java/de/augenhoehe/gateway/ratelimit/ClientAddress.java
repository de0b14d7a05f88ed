package de.augenhoehe.gateway.ratelimit;

import java.net.InetSocketAddress;

import de.augenhoehe.clients.TrustedProxies;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client address of a request, derived once and kept on the exchange: the TCP peer, or from a trusted proxy
 * ({@code rate-limits.trusted-proxies}) the right-most {@code X-Forwarded-For} entry that is not a trusted proxy. The rate
 * limits key anonymous calls by it ({@link RateLimitFilter}) and the services and the portal get it
 * ({@link ForwardedClientAddress}); both ask here, so the header is parsed and the ranges compared once per request.
 */
@Component
class ClientAddress {

    static final String ATTR = ClientAddress.class.getName();

    private final TrustedProxies trustedProxies;

    ClientAddress(RateLimitProperties properties) {
        this.trustedProxies = new TrustedProxies(properties.trustedProxies());
    }

    String of(ServerWebExchange exchange) {
        String known = exchange.getAttribute(ATTR);
        if (known != null) {
            return known;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        String client = trustedProxies.client(peer, exchange.getRequest().getHeaders().getOrEmpty(ForwardedClientAddress.HEADER));
        exchange.getAttributes().put(ATTR, client);
        return client;
    }
}
