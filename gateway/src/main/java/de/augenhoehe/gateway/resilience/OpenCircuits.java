package de.augenhoehe.gateway.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When each circuit breaker last opened, so that a refused call can tell the client how long to wait
 * ({@code Retry-After}): Resilience4j itself does not expose the time left in the open state.
 */
@Component
public class OpenCircuits {

    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    @Autowired
    public OpenCircuits(CircuitBreakerRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    OpenCircuits(CircuitBreakerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        registry.getAllCircuitBreakers().forEach(this::watch);
        registry.getEventPublisher().onEntryAdded(e -> watch(e.getAddedEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(e -> {
            CircuitBreaker.State to = e.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
                openedAt.put(breaker.getName(), clock.instant());
            } else {
                openedAt.remove(breaker.getName());
            }
        });
    }

    /** Whole seconds (at least 1) until the breaker lets trial calls through again. */
    public long secondsUntilHalfOpen(String name) {
        return registry.find(name).map(breaker -> {
            Instant opened = openedAt.get(name);
            if (opened == null || breaker.getState() != CircuitBreaker.State.OPEN) {
                return 1L; // half-open with its trial calls taken, or forced open: try again soon
            }
            long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
            long left = Duration.between(clock.instant(), opened.plusMillis(waitMillis)).toMillis();
            return Math.max(1L, (left + 999) / 1000);
        }).orElse(1L);
    }

    /** The instant the breaker last opened, if it is open now. */
    public Instant openedAt(String name) {
        return openedAt.get(name);
    }
}
