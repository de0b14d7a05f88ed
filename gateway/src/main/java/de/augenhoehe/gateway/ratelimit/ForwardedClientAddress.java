package de.augenhoehe.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code X-Forwarded-For} to every service and to the portal: the one client address the rate limits key by
 * ({@link ClientAddress}, derived once per request) — the TCP peer, or from a trusted proxy
 * ({@code rate-limits.trusted-proxies}) the right-most hop that is not a trusted proxy.
 * Runs after Spring Cloud Gateway's own headers filters, which drop every {@code X-Forwarded-*} and {@code Forwarded}
 * header a caller sent (Spring Cloud Gateway's {@code trusted-proxies} is not set; had it been, its {@code X-Forwarded-For}
 * would keep only hops matching it — behind an ingress the ingress, never the visitor: the portal called the API with
 * the proxy's address and all its visitors shared that one bucket, #17, and vacancy-service counted the proxy as every
 * visitor).
 */
@Component
class ForwardedClientAddress implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    private final ClientAddress clientAddress;

    ForwardedClientAddress(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(HEADER, clientAddress.of(exchange));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
