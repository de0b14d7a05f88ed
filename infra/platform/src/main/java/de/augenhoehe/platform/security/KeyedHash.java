package de.augenhoehe.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) that recognise an address, a visitor or an account again without storing it. Where the
 * key comes from is the service's (kept in its database, or derived from a deployment secret so every instance
 * computes the same); how the hash is made is this, once.
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** A key of its own for one purpose, derived from a deployment secret (never the secret itself). */
    public static KeyedHash derived(byte[] secret, String purpose) {
        return new KeyedHash(new KeyedHash(secret).of(purpose));
    }

    /** 32 random bytes, e.g. for a key made once and kept in a database, or demo mode without a configured secret. */
    public static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The hash of the parts, each length-prefixed so that no two different lists hash alike; 32 bytes. */
    public byte[] of(String... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String part : parts) {
                byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A 64-bit number of a hash, e.g. for a PostgreSQL advisory lock. */
    public static long number(byte[] hash) {
        return ByteBuffer.wrap(hash).getLong();
    }
}
