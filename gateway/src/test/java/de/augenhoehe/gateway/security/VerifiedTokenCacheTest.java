package de.augenhoehe.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** A verified token skips the signature check next time, but its claims (expiry) are checked on every use. */
class VerifiedTokenCacheTest {

    static final String ISSUER = "http://127.0.0.1:8080";

    @Test
    void verifies_the_signature_once_and_the_expiry_on_every_use() throws Exception {
        KeyPair key = rsa();
        MutableClock clock = new MutableClock(Instant.now());
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        var validator = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER));
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        nimbus.setJwtValidator(validator);
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(counting, validator, 100, Duration.ofMinutes(5));
        String token = token(key, clock.instant().plusSeconds(30));

        assertThat(cache.decode(token).block().getSubject()).isEqualTo("user-1");
        assertThat(cache.decode(token).block().getSubject()).isEqualTo("user-1");
        assertThat(verifications).hasValue(1);

        clock.now = clock.now.plusSeconds(31);
        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_token_that_fails_verification_is_not_remembered() throws Exception {
        KeyPair signer = rsa();
        KeyPair other = rsa();
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) other.getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        AtomicInteger verifications = new AtomicInteger();
        ReactiveJwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(counting, new JwtTimestampValidator(), 100, Duration.ofMinutes(5));
        String forged = token(signer, Instant.now().plusSeconds(300));

        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    static String token(KeyPair key, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().issuer(ISSUER)
                .subject("user-1").audience("augenhoehe").issueTime(new Date()).expirationTime(Date.from(expires))
                .claim("roles", List.of("coordinator")).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
