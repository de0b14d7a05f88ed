package de.augenhoehe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed JWTs for tests, from a key pair made once per test JVM; services under test validate them with the
 * public key that {@link RealInfrastructure} configures — the same checks as with a real identity provider.
 */
public final class TestTokens {

    public static final String ISSUER = "augenhoehe-test";
    public static final String AUDIENCE = "augenhoehe";
    private static final KeyPair KEYS = generate();
    private static volatile Path publicKeyFile;

    private TestTokens() {
    }

    public static Builder subject(String subject) {
        return new Builder(subject);
    }

    /** A token of an operator. */
    public static String operations() {
        return subject("operator").roles("operations").sign();
    }

    /** The PEM file of the public key, for services started outside this JVM. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("augenhoehe-test-jwt", ".pem");
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                file.toFile().deleteOnExit();
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private Instant expiry = Instant.now().plus(Duration.ofMinutes(30));
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);

        private Builder(String subject) {
            claims.subject(subject).jwtID(UUID.randomUUID().toString());
        }

        public Builder roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        public Builder partner(UUID partnerId) {
            claims.claim("partner_id", partnerId.toString());
            return this;
        }

        public Builder networks(Collection<UUID> networks) {
            claims.claim("networks", networks.stream().map(UUID::toString).toList());
            return this;
        }

        public Builder expiresAt(Instant expiry) {
            this.expiry = expiry;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public String sign() {
            return signWith((RSAPrivateKey) KEYS.getPrivate());
        }

        /** Signed with a key the services do not trust: must be refused. */
        public String signWithForeignKey() {
            return signWith((RSAPrivateKey) generate().getPrivate());
        }

        private String signWith(RSAPrivateKey key) {
            JWTClaimsSet set = claims.issuer(issuer).audience(audience).issueTime(new Date())
                    .expirationTime(Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set);
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
