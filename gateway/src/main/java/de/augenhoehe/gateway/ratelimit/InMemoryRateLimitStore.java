package de.augenhoehe.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this process (one gateway instance): a Caffeine cache bounded in size, whose entries expire after
 * {@code idle-expiry} without use — an idle bucket would be full again anyway.
 */
class InMemoryRateLimitStore implements RateLimitStore {

    private final Cache<String, State> buckets;
    private final LongSupplier nanoTime;

    public InMemoryRateLimitStore(Duration idleExpiry, long maxBuckets) {
        this(idleExpiry, maxBuckets, System::nanoTime);
    }

    InMemoryRateLimitStore(Duration idleExpiry, long maxBuckets, LongSupplier nanoTime) {
        this.buckets = Caffeine.newBuilder().ticker(nanoTime::getAsLong).executor(Runnable::run)
                .expireAfterAccess(idleExpiry).maximumSize(maxBuckets).build();
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Decision> tryConsume(String key, Bucket bucket) {
        State state = buckets.get(key, k -> new State(bucket.capacity(), nanoTime.getAsLong()));
        return Mono.just(state.consume(bucket, nanoTime.getAsLong()));
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static final class State {
        private double tokens;
        private long updated;

        State(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Decision consume(Bucket bucket, long now) {
            double perNano = bucket.refillPerSecond() / 1e9;
            if (now > updated) {
                tokens = Math.min(bucket.capacity(), tokens + (now - updated) * perNano);
                updated = now;
            }
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long untilNext = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
            long untilFull = (long) Math.ceil((bucket.capacity() - tokens) / perNano);
            return new Decision(allowed, (long) Math.floor(tokens), untilNext, untilFull);
        }
    }
}
