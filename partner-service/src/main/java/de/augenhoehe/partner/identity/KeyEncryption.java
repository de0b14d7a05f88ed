package de.augenhoehe.partner.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the generated signing keys' private halves at rest: AES-256-GCM, a random 96-bit nonce per key, the key id
 * as associated data (a ciphertext copied to another row does not decrypt). The AES key is the SHA-256 of
 * {@code augenhoehe.identity.key-encryption-secret} (at least 32 characters, e.g. {@code openssl rand -base64 32}).
 * Outside demo mode the service refuses to start without it; demo mode uses a fixed, published demo secret.
 */
final class KeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    /** Demo only: known to everyone who reads this file, so it protects nothing. */
    static final String DEMO_SECRET = "augenhoehe-demo-key-encryption-secret (demo only, protects nothing)";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private KeyEncryption(SecretKeySpec key) {
        this.key = key;
    }

    static KeyEncryption of(String secret, boolean demo) {
        if (secret == null || secret.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("augenhoehe.identity.key-encryption-secret is not set: the generated signing key is "
                        + "kept in the database encrypted with it (at least 32 characters), or configure "
                        + "augenhoehe.identity.signing-key-location (see partner-service README, \"Signing keys\")");
            }
            log.warn("Demo mode: the signing keys in the database are encrypted with the published demo secret; "
                    + "set augenhoehe.identity.key-encryption-secret for any real use");
            secret = DEMO_SECRET;
        }
        if (secret.strip().length() < 32) {
            throw new IllegalStateException("augenhoehe.identity.key-encryption-secret must have at least 32 characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.strip().getBytes(StandardCharsets.UTF_8));
            return new KeyEncryption(new SecretKeySpec(digest, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(byte[] plain, String kid) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, kid, plain);
        byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    byte[] decrypt(String stored, String kid) {
        byte[] in = Base64.getDecoder().decode(stored);
        return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE), kid, Arrays.copyOfRange(in, NONCE, in.length));
    }

    private byte[] cipher(int mode, byte[] nonce, String kid, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored signing key " + kid + " cannot be decrypted: is augenhoehe.identity."
                    + "key-encryption-secret the one it was stored with?", e);
        }
    }
}
