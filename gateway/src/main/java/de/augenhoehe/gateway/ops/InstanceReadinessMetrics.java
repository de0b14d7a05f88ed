package de.augenhoehe.gateway.ops;

import de.augenhoehe.gateway.routing.DownstreamInstances;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code augenhoehe_gateway_instance_ready{service,url}}: 1 while an instance passes the gateway's readiness check
 * (every 5 s, {@link DownstreamInstances}), 0 while it fails it. Readiness is not a metric a service can report about
 * itself when it is down; the gateway already asks, so the alert rule "readiness down" reads it from here. An
 * instance not checked yet counts as ready, as for routing.
 */
@Component
class InstanceReadinessMetrics implements MeterBinder {

    private final DownstreamInstances instances;

    InstanceReadinessMetrics(DownstreamInstances instances) {
        this.instances = instances;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        instances.all().forEach((service, list) -> list.forEach(instance -> Gauge
                .builder("augenhoehe.gateway.instance.ready", () -> instances.health(instance).up() ? 1 : 0)
                .description("1 while the instance passes the gateway's readiness check, else 0")
                .tag("service", service).tag("url", instance.getUri().toString())
                .register(registry)));
    }
}
