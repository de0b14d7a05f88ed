package de.augenhoehe.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets shared by every gateway instance using the same Redis: one hash per bucket, refilled and decremented
 * atomically by one Lua script ({@code ratelimit/token-bucket.lua}, sent as EVALSHA, loaded on a NOSCRIPT answer) on the
 * Redis server's clock. Keys are {@code augenhoehe:gateway:rate-limit:<SHA-256 of policy and client>}: no token, subject
 * or address appears in Redis.
 *
 * <p>When Redis does not answer within {@code redis-timeout} (down, unreachable, overloaded), the request's bucket is
 * taken from this instance's memory instead — limits stay on, per instance, rather than refusing all traffic or
 * dropping them — and the state turns DOWN (logged once, metric {@code augenhoehe.gateway.rate_limit.store.up} 0,
 * {@code GET /ops/rate-limit-store}). Meanwhile one request per {@code redis-retry} tries Redis again (the others do not
 * wait for a time-out); the first answer turns the state UP again.
 */
class RedisRateLimitStore implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);
    static final String KEY_PREFIX = "augenhoehe:gateway:rate-limit:";
    static final RedisScript<List> SCRIPT = RedisScript.of(new ClassPathResource("ratelimit/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final InMemoryRateLimitStore local;
    private final Duration timeout;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong localDecisions = new AtomicLong();
    private final Counter fallbacks;
    private volatile boolean up = true;
    private volatile Instant since;
    private volatile String detail = "shared by every instance using this Redis";
    private final AtomicLong nextAttempt = new AtomicLong(Long.MIN_VALUE);

    public RedisRateLimitStore(ReactiveStringRedisTemplate redis, InMemoryRateLimitStore local, Duration timeout, Duration retry,
            MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.timeout = timeout;
        this.retryNanos = retry.toNanos();
        this.nanoTime = System::nanoTime;
        this.fallbacks = meters == null ? null : Counter.builder("augenhoehe.gateway.rate_limit.store.fallbacks")
                .description("requests whose rate-limit bucket came from this instance's memory because Redis failed")
                .register(meters);
        if (meters != null) {
            Gauge.builder("augenhoehe.gateway.rate_limit.store.up", this, s -> s.up ? 1 : 0)
                    .description("1 while the shared rate-limit store (Redis) answers").register(meters);
        }
    }

    @Override
    public Mono<Decision> tryConsume(String key, Bucket bucket) {
        long now = nanoTime.getAsLong();
        if (!up && now < nextAttempt.get()) {
            return decideLocally(key, bucket);
        }
        if (!up) {
            nextAttempt.set(now + retryNanos); // this request probes; the others keep using memory meanwhile
        }
        return redis.execute(SCRIPT, List.of(KEY_PREFIX + hash(key)),
                        List.of(Long.toString(bucket.capacity()), Double.toString(bucket.refillPerSecond())))
                .next()
                .timeout(timeout)
                .map(result -> decision(result, bucket))
                .doOnNext(d -> markUp())
                .onErrorResume(e -> {
                    markDown(e);
                    return decideLocally(key, bucket);
                });
    }

    private Mono<Decision> decideLocally(String key, Bucket bucket) {
        localDecisions.incrementAndGet();
        if (fallbacks != null) {
            fallbacks.increment();
        }
        return local.tryConsume(key, bucket);
    }

    static Decision decision(List<?> result, Bucket bucket) {
        boolean allowed = ((Number) result.get(0)).longValue() == 1;
        double tokens = Double.parseDouble(result.get(1).toString());
        double perNano = bucket.refillPerSecond() / 1e9;
        long untilNext = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        long untilFull = (long) Math.ceil((bucket.capacity() - tokens) / perNano);
        return new Decision(allowed, (long) Math.floor(tokens), untilNext, untilFull);
    }

    private void markUp() {
        if (!up) {
            up = true;
            since = Instant.now();
            detail = "shared by every instance using this Redis";
            log.info("Rate-limit store Redis answers again: buckets are shared by all gateway instances again");
        }
    }

    private void markDown(Throwable e) {
        if (up) {
            up = false;
            since = Instant.now();
            detail = "Redis failed (" + e.getClass().getSimpleName() + "): buckets of this instance only until it answers";
            nextAttempt.set(nanoTime.getAsLong() + retryNanos);
            log.warn("Rate-limit store Redis failed ({}): limits now count per gateway instance, in memory, until Redis "
                    + "answers again", e.toString());
        }
    }

    @Override
    public Status status() {
        return new Status("redis", up ? "UP" : "DOWN", since, detail, localDecisions.get());
    }

    /** SHA-256 of policy and client: the key says nothing about who the client is. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
