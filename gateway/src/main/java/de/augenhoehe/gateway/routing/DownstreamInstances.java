package de.augenhoehe.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.augenhoehe.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every service's instances from {@code augenhoehe.gateway.services.<name>} (one base URL or several, comma-separated),
 * each with its health: every {@code augenhoehe.gateway.health-check.interval} the gateway asks each instance's
 * readiness ({@code /actuator/health/readiness}); an instance that does not answer 2xx within the timeout is taken out
 * of the load balancer's list until it answers again (unless all are out: {@link #routable}). Instances count as healthy
 * until their first check, so that the gateway routes from its first request on.
 */
@Component
public class DownstreamInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DownstreamInstances.class);

    private final Map<String, List<ServiceInstance>> instances;
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final WebClient http = WebClient.create();
    private final Duration interval;
    private final Duration timeout;
    private final String path;
    private volatile Disposable checks;

    public DownstreamInstances(GatewayProperties properties,
            @Value("${augenhoehe.gateway.health-check.interval:5s}") Duration interval,
            @Value("${augenhoehe.gateway.health-check.timeout:2s}") Duration timeout,
            @Value("${augenhoehe.gateway.health-check.path:/actuator/health/readiness}") String path) {
        this.instances = properties.instances().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> e.getValue().stream().map(uri -> instance(e.getKey(), uri)).toList()));
        this.interval = interval;
        this.timeout = timeout;
        this.path = path;
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(uri.getHost() + ":" + port, serviceId, uri.getHost(), port, secure);
    }

    /** The instances of a service that passed their last health check (or have not been checked yet). */
    public List<ServiceInstance> healthy(String serviceId) {
        return instances.getOrDefault(serviceId, List.of()).stream().filter(i -> health(i).up()).toList();
    }

    /**
     * The instances calls go to: the healthy ones; if none passed its last check, all of them ("panic mode", as load
     * balancers such as Envoy do): a failing check must not make things worse than a failing call — the calls then fail
     * fast (502) and the circuit breaker takes over — and a service that becomes ready just after a check is reachable
     * at once instead of up to one interval later (e.g. when everything starts together).
     */
    public List<ServiceInstance> routable(String serviceId) {
        List<ServiceInstance> healthy = healthy(serviceId);
        return healthy.isEmpty() ? instances.getOrDefault(serviceId, List.of()) : healthy;
    }

    /** Every configured instance, per service id (see {@link #health} for each one's last check). */
    public Map<String, List<ServiceInstance>> all() {
        return instances;
    }

    public Health health(ServiceInstance instance) {
        return health.getOrDefault(instance.getUri().toString(), Health.UNCHECKED);
    }

    /** One round of checks over all instances; completes when every answer (or time-out) is in. */
    public Mono<Void> checkAll() {
        return Flux.fromIterable(instances.values()).flatMapIterable(l -> l).flatMap(this::check).then();
    }

    private Mono<Void> check(ServiceInstance instance) {
        String key = instance.getUri().toString();
        return http.get().uri(key + path).exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .timeout(timeout)
                .map(status -> new Health(status >= 200 && status < 300, "HTTP " + status, Instant.now()))
                .onErrorResume(e -> Mono.just(new Health(false, e.getClass().getSimpleName(), Instant.now())))
                .doOnNext(h -> {
                    Health before = health.put(key, h);
                    if (before == null ? !h.up() : before.up() != h.up()) {
                        log.warn("instance {} of {} is {} ({})", key, instance.getServiceId(), h.up() ? "back" : "out", h.detail());
                    }
                }).then();
    }

    @Override
    public void start() {
        // a round slower than the interval skips ticks rather than overflowing the interval (which would end the checks)
        checks = Flux.interval(Duration.ZERO, interval).onBackpressureDrop().concatMap(tick -> checkAll(), 1).subscribe();
    }

    @Override
    public void stop() {
        if (checks != null) {
            checks.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return checks != null && !checks.isDisposed();
    }

    /** @param up whether the instance may get calls; @param detail the last answer; @param checkedAt when (null: never) */
    public record Health(boolean up, String detail, Instant checkedAt) {
        static final Health UNCHECKED = new Health(true, "not checked yet", null);
    }
}
