package de.augenhoehe.partner.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** A configured key (the one ./platform keys writes) is used as it is, with its thumbprint as key id. */
class SigningKeysTest {

    @TempDir Path dir;

    @Test
    void a_configured_pkcs8_key_signs_with_its_thumbprint_as_kid() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        Path file = dir.resolve("private.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        RSAKey key = SigningKeys.configured(new FileSystemResource(file));

        assertThat(key.toRSAPublicKey()).isEqualTo((RSAPublicKey) pair.getPublic());
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build().computeThumbprint().toString());
    }

    @Test
    void a_public_key_or_garbage_is_refused_at_start() throws Exception {
        Path file = dir.resolve("public.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> SigningKeys.configured(new FileSystemResource(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PKCS#8");
    }
}
