package de.augenhoehe.gateway.ratelimit;

import de.augenhoehe.clients.TrustedProxies;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code X-Forwarded-For} to every service and to the portal: the one client address the rate limits key by — the TCP
 * peer, or from a trusted proxy ({@code rate-limits.trusted-proxies}) the right-most hop that is not a trusted proxy.
 * Runs after Spring Cloud Gateway's own X-Forwarded headers filter and replaces its {@code X-Forwarded-For}, which
 * keeps only hops matching {@code spring.cloud.gateway…trusted-proxies}: behind an ingress (or the benchmark's many
 * visitors on loopback) it never named the visitor, so the portal called the API with the proxy's address and all its
 * visitors shared that one bucket (#17), and vacancy-service counted the proxy as every visitor.
 */
@Component
class ForwardedClientAddress implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    private final TrustedProxies trustedProxies;

    ForwardedClientAddress(RateLimitProperties properties) {
        this.trustedProxies = new TrustedProxies(properties.trustedProxies());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(HEADER, RateLimitFilter.address(exchange, trustedProxies));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
