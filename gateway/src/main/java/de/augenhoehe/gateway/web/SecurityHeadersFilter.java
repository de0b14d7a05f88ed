package de.augenhoehe.gateway.web;

import java.util.Set;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, whether it came from a service, the gateway or an error: HSTS, nosniff,
 * frame-deny, a strict CSP for API responses (Swagger UI gets one that lets its own scripts and styles run) and
 * {@code Cache-Control: no-store} on responses to requests that carry credentials.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** partner-service's pages (login, first password, forgot password, reset): their inline styles, forms posting to themselves. */
    static final String LOGIN_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // also on answers of the filters after it (CORS, size limit, security)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean credentials = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.COOKIE);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            // the portal's pages carry the portal's own policy (it knows its scripts and a configured tile server)
            if (!(headers.containsHeader("Content-Security-Policy") && PORTAL_ROUTE.equals(routeId(exchange)))) {
                headers.set("Content-Security-Policy", isDocs(path) ? DOCS_CSP : IDENTITY_PAGES.contains(path) ? LOGIN_CSP : API_CSP);
            }
            if (credentials) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.remove(HttpHeaders.EXPIRES);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static final String PORTAL_ROUTE = "portal";

    static final Set<String> IDENTITY_PAGES = Set.of("/oauth2/login", "/oauth2/password", "/oauth2/forgot", "/oauth2/reset");

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    static boolean isDocs(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }
}
