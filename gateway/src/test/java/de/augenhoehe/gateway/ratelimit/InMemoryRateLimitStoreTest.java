package de.augenhoehe.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import de.augenhoehe.gateway.ratelimit.RateLimitStore.Decision;
import org.junit.jupiter.api.Test;

/** The bucket arithmetic on a fake clock, and the memory bound: idle buckets expire, the count is capped. */
class InMemoryRateLimitStoreTest {

    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void takes_tokens_refills_at_the_configured_rate_and_never_beyond_capacity() {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore(Duration.ofMinutes(10), 100, now::get);
        Bucket bucket = new Bucket(2, 0.5);
        assertThat(take(store, "a", bucket).remaining()).isEqualTo(1);
        Decision last = take(store, "a", bucket);
        assertThat(last.allowed()).isTrue();
        assertThat(last.nanosUntilNextToken()).isBetween(2 * SECOND - 10, 2 * SECOND + 10);
        assertThat(last.nanosUntilFull()).isBetween(4 * SECOND - 10, 4 * SECOND + 10);
        assertThat(take(store, "a", bucket).allowed()).isFalse();
        now.addAndGet(2 * SECOND);
        assertThat(take(store, "a", bucket).allowed()).isTrue();
        assertThat(take(store, "a", bucket).allowed()).isFalse();
        now.addAndGet(3600 * SECOND);
        assertThat(take(store, "a", bucket).remaining()).as("capped at capacity").isEqualTo(1);
    }

    @Test
    void idle_buckets_expire_and_the_number_of_buckets_is_bounded() {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore(Duration.ofMinutes(10), 50, now::get);
        Bucket bucket = new Bucket(5, 1);
        for (int i = 0; i < 500; i++) {
            take(store, "client-" + i, bucket);
        }
        assertThat(store.size()).isLessThanOrEqualTo(50);
        now.addAndGet(11 * 60 * SECOND);
        assertThat(store.size()).isZero();
    }

    private static Decision take(InMemoryRateLimitStore store, String key, Bucket bucket) {
        return store.tryConsume(key, bucket).block();
    }
}
