package de.augenhoehe.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limiting on unless {@code augenhoehe.gateway.rate-limits.enabled=false}; the in-memory store unless another
 * {@link RateLimitStore} bean (a shared one, e.g. Redis) is declared.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "augenhoehe.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimitStore inMemoryRateLimitStore(RateLimitProperties properties) {
        return new InMemoryRateLimitStore(properties.idleExpiry(), properties.maxBuckets());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, RateLimitStore store) {
        return new RateLimitFilter(properties, store);
    }
}
