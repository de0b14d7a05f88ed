package de.augenhoehe.gateway.routing;

import java.net.ConnectException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A call of any method, POST included, goes to the next instance when an instance refuses the connection (issue #20:
 * an instance killed between two health checks is still in the load balancer's list). Nothing reached the service, so
 * nothing can be doubled, and the request body was not read yet. Once connected, only the route's Retry filter
 * decides (idempotent methods only). Ordered before {@link RouteToRequestUrlFilter}, so that each attempt resolves
 * {@code lb://service} anew and the round robin picks the next instance. (A second Retry filter on the route cannot
 * do this: both would count attempts in the same exchange attribute.)
 */
@Component
class RefusedConnectionRetry implements GlobalFilter, Ordered {

    static final int MAX_RETRIES = 2;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return attempt(exchange, chain, 0);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
        return chain.filter(exchange).onErrorResume(e -> retry < MAX_RETRIES && refused(e)
                && !exchange.getResponse().isCommitted(), e -> {
                    ServerWebExchangeUtils.removeAlreadyRouted(exchange);
                    return attempt(exchange, chain, retry + 1);
                });
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
    }
}
