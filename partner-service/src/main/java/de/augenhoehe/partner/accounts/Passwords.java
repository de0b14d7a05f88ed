package de.augenhoehe.partner.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** People's passwords: bcrypt in Spring Security's delegating format ({@code {bcrypt}...}), initial ones random. */
final class Passwords {

    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** The rules for a password a person chooses: long rather than complicated (NIST SP 800-63B). */
    static final int MIN_LENGTH = 12;

    /** bcrypt reads only the first 72 bytes: a longer password would be accepted for any text that starts alike. */
    static final int MAX_BYTES = 72;

    static AccountLogin.PasswordChange check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return AccountLogin.PasswordChange.TOO_SHORT;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return AccountLogin.PasswordChange.TOO_LONG;
        }
        return AccountLogin.PasswordChange.CHANGED;
    }

    /** 120 random bits, URL-safe: shown once to the person who created the account. */
    static String initial() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
