package de.augenhoehe.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits under {@code augenhoehe.gateway.rate-limits}: one token bucket per client and policy.
 *
 * @param enabled        false switches rate limiting off entirely
 * @param authenticated  default bucket for requests with a valid token (keyed by {@code sub}, else {@code client_id})
 * @param anonymous      default bucket for requests without a token (keyed by the client address)
 * @param rules          stricter buckets for path patterns; the first matching rule replaces the default bucket
 * @param trustedProxies addresses or CIDR ranges of proxies whose {@code X-Forwarded-For} is believed (the portal, an
 *                       ingress controller); empty (default): the header is
 *                       ignored and the TCP peer address is the client
 * @param idleExpiry     in-memory buckets untouched this long are dropped (a dropped bucket is a full one anyway when
 *                       this is at least the time to refill)
 * @param maxBuckets     upper bound of buckets kept in memory
 * @param store          where the buckets live: {@code memory} (this instance only, default) or {@code redis} (shared by
 *                       every instance using the same Redis, {@code spring.data.redis.url})
 * @param redisTimeout   how long a request waits for Redis before its bucket is taken from this instance's memory
 * @param redisRetry     while Redis is unreachable, how often a request tries it again (the others use memory at once)
 */
@ConfigurationProperties("augenhoehe.gateway.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue({"200", "50"}) Bucket authenticated, @DefaultValue({"60", "10"}) Bucket anonymous,
        List<Rule> rules, List<String> trustedProxies, @DefaultValue("10m") Duration idleExpiry,
        @DefaultValue("100000") long maxBuckets, @DefaultValue("memory") Store store,
        @DefaultValue("200ms") Duration redisTimeout, @DefaultValue("1s") Duration redisRetry) {

    /** Where token buckets live. */
    public enum Store { MEMORY, REDIS }

    public RateLimitProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /**
     * @param capacity         burst size: tokens in a full bucket
     * @param refillPerSecond  tokens added per second (may be a fraction, e.g. 0.1 = one every 10 s)
     */
    public record Bucket(long capacity, double refillPerSecond) {
        public Bucket {
            if (capacity < 1 || refillPerSecond <= 0) {
                throw new IllegalArgumentException("a rate-limit bucket needs capacity >= 1 and refill-per-second > 0");
            }
        }
    }

    /**
     * @param name            policy name, part of the bucket key (distinct rules never share a bucket)
     * @param paths           path patterns ({@code /api/returnees/**})
     * @param methods         HTTP methods; empty for every method
     * @param capacity        burst size
     * @param refillPerSecond tokens per second
     */
    public record Rule(String name, List<String> paths, List<String> methods, long capacity, double refillPerSecond) {
        public Rule {
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? List.of() : List.copyOf(methods);
        }

        public Bucket bucket() {
            return new Bucket(capacity, refillPerSecond);
        }
    }
}
