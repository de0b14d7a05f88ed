package de.augenhoehe.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.augenhoehe.gateway.ratelimit.RateLimitProperties.Bucket;
import de.augenhoehe.gateway.ratelimit.RateLimitStore.Decision;
import org.junit.jupiter.api.Test;

/** The script's answer read as a decision (same headers as the in-memory store), and keys that reveal no client. */
class RedisRateLimitStoreTest {

    static final Bucket TEN_PER_10S = new Bucket(10, 0.1);

    @Test
    void an_allowed_answer_tells_the_tokens_left_and_the_time_to_full() {
        Decision d = RedisRateLimitStore.decision(List.of(1L, "7.500000"), TEN_PER_10S);
        assertThat(d.allowed()).isTrue();
        assertThat(d.remaining()).isEqualTo(7);
        assertThat(d.nanosUntilNextToken()).isZero();
        assertThat(d.nanosUntilFull()).isEqualTo(25_000_000_000L);
    }

    @Test
    void a_refusal_tells_when_the_next_token_comes() {
        Decision d = RedisRateLimitStore.decision(List.of(0L, "0.250000"), TEN_PER_10S);
        assertThat(d.allowed()).isFalse();
        assertThat(d.remaining()).isZero();
        assertThat(d.nanosUntilNextToken()).isEqualTo(7_500_000_000L);
    }

    @Test
    void keys_are_hashes_of_policy_and_client() {
        String hash = RedisRateLimitStore.hash("default-authenticated:sub:erika.muster@example.org");
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("erika");
        assertThat(RedisRateLimitStore.hash("registration:addr:10.0.0.1")).isNotEqualTo(RedisRateLimitStore.hash("registration:addr:10.0.0.2"));
    }
}
