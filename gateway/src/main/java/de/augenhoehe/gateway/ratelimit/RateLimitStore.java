package de.augenhoehe.gateway.ratelimit;

import java.time.Instant;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import reactor.core.publisher.Mono;

/**
 * Where token buckets live: {@link InMemoryRateLimitStore} for one gateway instance, {@link RedisRateLimitStore} shared by
 * several ({@code augenhoehe.gateway.rate-limits.store}). Another store is a bean implementing this interface; the
 * in-memory one then steps back ({@code @ConditionalOnMissingBean}).
 */
public interface RateLimitStore {

    /**
     * Takes one token from the bucket {@code key} (created full on first use) and tells the outcome.
     *
     * @param key    policy and client, e.g. {@code default-authenticated:sub:user-1}
     * @param bucket capacity and refill rate of that bucket
     */
    Mono<Decision> tryConsume(String key, Bucket bucket);

    /** The store's state for operators ({@code GET /ops/rate-limit-store}). */
    default Status status() {
        return new Status("memory", "UP", null, "buckets of this instance only", 0);
    }

    /**
     * @param store           {@code memory} or {@code redis}
     * @param state           {@code UP}; {@code DOWN} while the shared store is unreachable and this instance's memory decides
     * @param since           when the state last changed (null: since start)
     * @param detail          a short explanation (the last error's type while down; never a key)
     * @param localDecisions  requests decided in memory because the shared store failed, since start
     */
    record Status(String store, String state, Instant since, String detail, long localDecisions) {
    }

    /**
     * @param allowed              whether a token was taken
     * @param remaining            whole tokens left after this request
     * @param nanosUntilNextToken  0 when a token is available, else the wait until one is
     * @param nanosUntilFull       the wait until the bucket is full again
     */
    record Decision(boolean allowed, long remaining, long nanosUntilNextToken, long nanosUntilFull) {
    }
}
