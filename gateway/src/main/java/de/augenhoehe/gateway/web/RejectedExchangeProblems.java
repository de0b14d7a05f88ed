package de.augenhoehe.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses an encoded {@code /}, {@code \}, {@code %}, {@code ;}, {@code .}, NUL or line
 * break in a path; its default answer is a bare 400 with an empty body (issue #16). As a problem like every other
 * error of the gateway (picked up by Spring Security's {@code WebFilterChainProxy} as the only such handler).
 */
@Component
class RejectedExchangeProblems implements ServerExchangeRejectedHandler {

    static final String REFUSED_PATH = "The request path contains characters that are not allowed "
            + "(an encoded '/', '\\', '%', ';', '.', a control character or a path parameter)";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
        // the raw path, so that an encoded line break stays encoded in the answer
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, REFUSED_PATH, exchange.getRequest().getURI().getRawPath());
    }
}
