package de.augenhoehe.gateway.ratelimit;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import reactor.core.publisher.Mono;

/**
 * Where token buckets live. {@link InMemoryRateLimitStore} serves one gateway instance; for several instances a shared
 * store (e.g. Redis: one hash per key with {@code tokens} and {@code updated}, refilled and decremented atomically by a
 * Lua script, with a TTL of the time to refill) implements this interface and is declared as a bean — the in-memory
 * store steps back ({@code @ConditionalOnMissingBean}).
 */
public interface RateLimitStore {

    /**
     * Takes one token from the bucket {@code key} (created full on first use) and tells the outcome.
     *
     * @param key    policy and client, e.g. {@code default-authenticated:sub:user-1}
     * @param bucket capacity and refill rate of that bucket
     */
    Mono<Decision> tryConsume(String key, Bucket bucket);

    /**
     * @param allowed              whether a token was taken
     * @param remaining            whole tokens left after this request
     * @param nanosUntilNextToken  0 when a token is available, else the wait until one is
     * @param nanosUntilFull       the wait until the bucket is full again
     */
    record Decision(boolean allowed, long remaining, long nanosUntilNextToken, long nanosUntilFull) {
    }
}
