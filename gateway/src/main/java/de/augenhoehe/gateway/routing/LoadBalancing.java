package de.augenhoehe.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every {@code lb://<service>} route balances over {@link DownstreamInstances}' routable (healthy) instances. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceListConfiguration.class)
class LoadBalancing {
}
