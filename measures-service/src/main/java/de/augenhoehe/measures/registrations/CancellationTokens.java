package de.augenhoehe.measures.registrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of a cancellation link: 256 random bits, shown once to the person registering. Only its SHA-256 is
 * stored, so a copy of the database cancels nothing; a plain hash suffices because the token is random, not a
 * password that could be guessed from a dictionary.
 */
final class CancellationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CancellationTokens() {
    }

    static String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time, so the answer's timing tells nothing about how much of a guess was right. */
    static boolean matches(String token, byte[] storedHash) {
        return token != null && MessageDigest.isEqual(hash(token), storedHash);
    }
}
