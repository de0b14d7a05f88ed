package de.augenhoehe.platform.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check that answers in time: a frozen database or broker makes the wrapped check hang for seconds, while
 * a probe or an operator gives up after one or two. The check runs apart from the caller; after {@code limit} the
 * answer is DOWN with the cause. At most one check of a kind is in flight, so hanging checks do not pile up.
 */
public final class BoundedHealth implements HealthIndicator, DisposableBean {

    private final String what;
    private final HealthIndicator delegate;
    private final Duration limit;
    private CompletableFuture<Health> inFlight;

    public BoundedHealth(String what, HealthIndicator delegate, Duration limit) {
        this.what = what;
        this.delegate = delegate;
        this.limit = limit;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check = current();
        try {
            return check.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", what + " did not answer within " + limit.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    @Override
    public void destroy() throws Exception {
        if (delegate instanceof DisposableBean closeable) {
            closeable.destroy();
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(delegate::health, task -> Thread.ofVirtual().name("health-" + what).start(task));
        }
        return inFlight;
    }
}
