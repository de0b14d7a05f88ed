package de.augenhoehe.gateway.routing;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

/**
 * Spring Cloud LoadBalancer's per-service configuration (a child context per service, hence no {@code @Configuration}
 * and outside component scanning's reach): the instance list is the service's routable instances, asked afresh for
 * every request; the default round-robin balancer spreads the calls over them.
 */
class InstanceListConfiguration {

    @Bean
    ServiceInstanceListSupplier healthyInstances(Environment environment, DownstreamInstances instances) {
        String serviceId = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return serviceId;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.defer(() -> Flux.just(instances.routable(serviceId)));
            }
        };
    }
}
