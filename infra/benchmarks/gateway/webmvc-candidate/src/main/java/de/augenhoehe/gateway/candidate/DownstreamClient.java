package de.augenhoehe.gateway.candidate;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool to the services: Apache HttpClient's default of 5 connections per service would queue requests
 * that the bulkhead (100 calls in flight per service) admits; kept-alive connections are reused as by the product's
 * Reactor Netty pool.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamClient {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> connectionPool() {
        return builder -> builder.withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(100).setMaxConnTotal(500));
    }
}
