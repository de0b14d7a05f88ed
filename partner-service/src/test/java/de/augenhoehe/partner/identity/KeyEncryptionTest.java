package de.augenhoehe.partner.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The generated signing keys' encryption at rest, and the refusal to run without a secret outside demo mode. */
class KeyEncryptionTest {

    static final String SECRET = "a-key-encryption-secret-of-at-least-32-characters";

    @Test
    void without_a_secret_only_demo_mode_starts() {
        assertThatThrownBy(() -> KeyEncryption.of(null, false)).hasMessageContaining("augenhoehe.identity.key-encryption-secret");
        assertThatThrownBy(() -> KeyEncryption.of(" ", false)).hasMessageContaining("augenhoehe.identity.key-encryption-secret");
        assertThatThrownBy(() -> KeyEncryption.of("too-short", false)).hasMessageContaining("32");
        byte[] plain = "private".getBytes(StandardCharsets.UTF_8);
        assertThat(KeyEncryption.of(null, true).decrypt(KeyEncryption.of(KeyEncryption.DEMO_SECRET, false).encrypt(plain, "k"), "k")).isEqualTo(plain);
    }

    @Test
    void a_key_decrypts_only_with_its_secret_and_under_its_own_kid() {
        KeyEncryption e = KeyEncryption.of(SECRET, false);
        byte[] plain = "the PKCS#8 bytes".getBytes(StandardCharsets.UTF_8);
        String stored = e.encrypt(plain, "kid-1");
        assertThat(stored).doesNotContain("PKCS").isNotEqualTo(e.encrypt(plain, "kid-1"));
        assertThat(e.decrypt(stored, "kid-1")).isEqualTo(plain);
        assertThatThrownBy(() -> e.decrypt(stored, "kid-2")).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> KeyEncryption.of(SECRET + "x", false).decrypt(stored, "kid-1")).hasMessageContaining("cannot be decrypted");
    }
}
