package de.augenhoehe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyedHashTest {

    @Test
    void same_key_same_hash_other_key_or_parts_other_hash() {
        byte[] key = KeyedHash.randomKey();
        assertThat(new KeyedHash(key).of("a", "b")).hasSize(32).isEqualTo(new KeyedHash(key).of("a", "b"));
        assertThat(new KeyedHash(key).of("ab", "")).isNotEqualTo(new KeyedHash(key).of("a", "b"));
        assertThat(new KeyedHash(KeyedHash.randomKey()).of("a", "b")).isNotEqualTo(new KeyedHash(key).of("a", "b"));
    }

    @Test
    void derived_keys_differ_by_purpose_and_are_stable() {
        byte[] secret = "deployment-secret".getBytes();
        assertThat(KeyedHash.derived(secret, "visitor").of("x")).isEqualTo(KeyedHash.derived(secret, "visitor").of("x"))
                .isNotEqualTo(KeyedHash.derived(secret, "login").of("x"));
    }
}
