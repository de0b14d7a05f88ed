package de.augenhoehe.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Rate limiting on unless {@code augenhoehe.gateway.rate-limits.enabled=false}. The store: Redis when
 * {@code augenhoehe.gateway.rate-limits.store=redis} ({@code spring.data.redis.url}), shared by every instance; else
 * this instance's memory — unless another {@link RateLimitStore} bean is declared.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "augenhoehe.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnProperty(name = "augenhoehe.gateway.rate-limits.store", havingValue = "redis")
    RateLimitStore redisRateLimitStore(RateLimitProperties properties, ReactiveStringRedisTemplate redis,
            ObjectProvider<MeterRegistry> meters) {
        return new RedisRateLimitStore(redis, new InMemoryRateLimitStore(properties.idleExpiry(), properties.maxBuckets()),
                properties.redisTimeout(), properties.redisRetry(), meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitStore inMemoryRateLimitStore(RateLimitProperties properties) {
        return new InMemoryRateLimitStore(properties.idleExpiry(), properties.maxBuckets());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, RateLimitStore store, ClientAddress clientAddress) {
        return new RateLimitFilter(properties, store, clientAddress);
    }
}
