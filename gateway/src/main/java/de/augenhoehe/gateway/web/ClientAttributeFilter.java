package de.augenhoehe.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Right after Spring Security's chain (order -100): notes who the client is, once per request, from the validated token
 * ({@link #clientOf}; never the token itself) — for the access log and the rate limits that follow.
 */
@Component
public class ClientAttributeFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return -99;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return note(exchange).then(chain.filter(exchange));
    }

    /**
     * Notes the client of the current security context on the exchange. Also called where Spring Security answers
     * itself (403), since this filter never runs then — a refused call should still say who was refused.
     */
    public static Mono<Void> note(ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .doOnNext(authentication -> {
                    String client = clientOf(authentication);
                    if (client != null) {
                        exchange.getAttributes().put(AccessLogFilter.CLIENT_ATTR, client);
                    }
                })
                .then();
    }

    /**
     * Who a valid token speaks for, for the rate limits and the access log: its subject — the person for a token a
     * person got through an app (whose {@code client_id} names the app, shared by all its users), the client itself
     * for client credentials (subject = client id) — and only without a subject its {@code client_id}.
     */
    static String clientOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        if (jwt.getSubject() != null && !jwt.getSubject().isBlank()) {
            return "sub:" + jwt.getSubject();
        }
        String clientId = jwt.getClaimAsString("client_id");
        return clientId == null || clientId.isBlank() ? null : "client:" + clientId;
    }
}
