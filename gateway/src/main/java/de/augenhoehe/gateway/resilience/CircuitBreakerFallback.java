package de.augenhoehe.gateway.resilience;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import de.augenhoehe.gateway.web.ProblemErrorHandler;
import de.augenhoehe.gateway.web.Problems;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where every route's CircuitBreaker filter forwards a failed call ({@code fallbackUri: forward:/_gateway/fallback/<service>}):
 * the failure becomes problem details. Open circuit → immediate 503 with {@code Retry-After} = seconds until the breaker
 * half-opens; full bulkhead → 503 with {@code Retry-After: 1} (the service is busy, not the client over its quota, so not
 * 429); time limit exceeded → 504; refused or dropped connection → 502; a refusal of the gateway itself (413 while
 * reading a chunked body, 503 without any configured instance) keeps its status. Called directly, the path is a 404.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerFallback {

    public static final String PATH = "/_gateway/fallback/";
    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFallback.class);

    @Bean
    RouterFunction<ServerResponse> circuitBreakerFallbackRoute(OpenCircuits circuits) {
        return RouterFunctions.route(RequestPredicates.path(PATH + "{service}"), request -> {
            ServerWebExchange exchange = request.exchange();
            Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            String instance = originalPath(exchange);
            if (failure == null) {
                return write(exchange, HttpStatus.NOT_FOUND, null, instance);
            }
            String service = request.pathVariable("service");
            if (service.equals(PortalUnavailable.SERVICE)) {
                return PortalUnavailable.write(exchange, failure, circuits).then(Mono.empty());
            }
            if (failure instanceof CallNotPermittedException) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(circuits.secondsUntilHalfOpen(service)));
                return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Der Dienst " + service + " ist vorübergehend nicht erreichbar "
                        + "(Schutzschalter offen). / " + service + " is failing; the gateway stops calling it for a while (circuit open).", instance);
            }
            if (failure instanceof BulkheadFullException) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Der Dienst " + service + " ist ausgelastet. / "
                        + service + " has too many calls in flight; retry shortly.", instance);
            }
            if (failure instanceof TimeoutException) {
                log.warn("{} {} exceeded the time limit of {}", exchange.getRequest().getMethod(), instance, service);
                return write(exchange, HttpStatus.GATEWAY_TIMEOUT, service + " did not answer within the route's time limit.", instance);
            }
            HttpStatusCode status = ProblemErrorHandler.status(failure);
            if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
                status = HttpStatus.BAD_GATEWAY; // whatever broke, it broke downstream: 502, never the gateway's own 500
            }
            if (status.is5xxServerError()) {
                log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), instance, status.value(), failure.toString());
            }
            String detail = failure instanceof org.springframework.web.server.ResponseStatusException rse && status.is4xxClientError()
                    ? rse.getReason() : null;
            return write(exchange, status, detail, instance);
        });
    }

    private static Mono<ServerResponse> write(ServerWebExchange exchange, HttpStatusCode status, String detail, String instance) {
        return Problems.write(exchange, status, detail, instance).then(Mono.empty());
    }

    /** The client's path (the forward replaced it with the fallback path); never the query string. */
    static String originalPath(ServerWebExchange exchange) {
        Set<URI> urls = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        if (urls != null && !urls.isEmpty()) {
            return urls.iterator().next().getRawPath();
        }
        return exchange.getRequest().getPath().value();
    }
}
