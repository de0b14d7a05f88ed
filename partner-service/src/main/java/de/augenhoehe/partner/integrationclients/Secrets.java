package de.augenhoehe.partner.integrationclients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client secrets: 256 random bits, shown once, stored as SHA-256. A slow password hash (bcrypt) protects guessable
 * human passwords; for a random 256-bit secret a plain hash is enough and keeps token requests cheap.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newClientId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "hr-" + HexFormat.of().formatHex(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    static boolean matches(String secret, String storedHash) {
        return storedHash != null && secret != null && MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
