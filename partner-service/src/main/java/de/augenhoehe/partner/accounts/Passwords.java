package de.augenhoehe.partner.accounts;

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

    /** 120 random bits, URL-safe: shown once to the person who created the account. */
    static String initial() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
