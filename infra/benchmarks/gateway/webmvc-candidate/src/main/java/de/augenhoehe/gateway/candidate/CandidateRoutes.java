package de.augenhoehe.gateway.candidate;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The product gateway's four service routes (same paths), each: retries for idempotent methods after an I/O error or a
 * 5xx (2 more attempts, 50 ms then 100 ms apart) inside the service's Resilience4j circuit breaker and semaphore bulkhead
 * (configured by the product's {@code resilience4j.*}; a timed-out call is not counted as a failure, as there). The route's time limit is the HTTP client's read timeout
 * ({@code spring.http.clients.read-timeout}): a blocking call on a virtual thread needs no time-limiter thread.
 * Not here: lb:// over several health-checked instances (one base URL per service), the portal and API-docs routes.
 */
@Configuration(proxyBeanMethods = false)
class CandidateRoutes {

    static final String ROUTE_ATTR = CandidateRoutes.class.getName() + ".route";

    /** Service → path patterns, as the product's spring.cloud.gateway.server.webflux.routes. */
    private static final Map<String, String[]> ROUTES = Map.of(
            "partner", new String[] {"/api/networks/**", "/api/partners/**", "/api/partners", "/api/working-groups/**", "/oauth2/**", "/.well-known/**"},
            "vacancy", new String[] {"/api/vacancies/**", "/api/vacancies", "/integration/v1/**"},
            "measures", new String[] {"/api/measures/**", "/api/measures", "/api/registrations/**", "/api/monitor/**"},
            "outreach", new String[] {"/api/campaigns/**", "/api/returnees/**", "/r/*"});

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(ProductSettings settings, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        RouterFunction<ServerResponse> all = null;
        for (var route : ROUTES.entrySet()) {
            String id = route.getKey() + "-service";
            var builder = GatewayRouterFunctions.route(id)
                    .route(GatewayRequestPredicates.path(route.getValue()), HandlerFunctions.http())
                    .before(BeforeFilterFunctions.uri(settings.services().get(route.getKey())));
            if (route.getKey().equals("partner")) {
                builder.before(BeforeFilterFunctions.preserveHostHeader());
            }
            // in the product's order: the breaker and bulkhead around the retries (the first filter is the outermost)
            RouterFunction<ServerResponse> built = builder
                    .filter(resilience(id, breakers.circuitBreaker(id), bulkheads.bulkhead(id)))
                    .filter(RetryFilterFunctions.retry(c -> c.setRetries(2).setMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS))
                            .setSeries(Set.of(HttpStatus.Series.SERVER_ERROR)).addExceptions(IOException.class)
                            .setBackoff(Duration.ofMillis(50), Duration.ofMillis(400), 2)))
                    .build();
            all = all == null ? built : all.and(built);
        }
        return all;
    }

    /** Bulkhead full or circuit open: 503 at once with Retry-After, as the product's fallback. */
    static HandlerFilterFunction<ServerResponse, ServerResponse> resilience(String id, CircuitBreaker breaker, Bulkhead bulkhead) {
        return (request, next) -> {
            request.servletRequest().setAttribute(ROUTE_ATTR, id);
            if (!bulkhead.tryAcquirePermission()) {
                return unavailable();
            }
            try {
                if (!breaker.tryAcquirePermission()) {
                    return unavailable();
                }
                long start = breaker.getCurrentTimestamp();
                try {
                    ServerResponse response = next.handle(request);
                    breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                    return response;
                } catch (Exception e) {
                    if (timedOut(e)) {
                        // as the product's ignore-exceptions: a call cut off by the time limit is overload, not an outage
                        breaker.releasePermission();
                        return ServerResponse.status(HttpStatus.GATEWAY_TIMEOUT).build();
                    }
                    breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
                    return unavailable();
                }
            } finally {
                bulkhead.onComplete();
            }
        };
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ServerResponse unavailable() {
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Der Dienst ist gerade nicht erreichbar."));
    }
}
