package de.augenhoehe.partner.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key the authorization server signs with. Configured by location (the key pair whose public half the services
 * and the gateway trust, e.g. the one {@code ./platform keys} makes), or else generated once and kept in the
 * database, so tokens stay valid across restarts and all instances sign alike. The key id is the RFC 7638 thumbprint:
 * the same key always has the same {@code kid}.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static RSAKey load(Resource location, JdbcTemplate jdbc, TransactionTemplate tx) {
        try {
            if (location != null) {
                RSAPrivateCrtKey key = privateKey(location.getContentAsString(StandardCharsets.UTF_8));
                RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
                RSAKey jwk = jwk(pub, key);
                log.info("Signing tokens with the configured key {} (kid {})", location.getDescription(), jwk.getKeyID());
                return jwk;
            }
            return tx.execute(status -> stored(jdbc));
        } catch (Exception e) {
            throw new IllegalStateException("No usable signing key for the authorization server: " + e.getMessage(), e);
        }
    }

    /** The stored key, or a new one stored now; an advisory lock keeps two starting instances from making two. */
    private static RSAKey stored(JdbcTemplate jdbc) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('identity_signing_key'))");
        List<RSAKey> keys = jdbc.query("select private_key, public_key from identity_signing_key order by created_at desc limit 1",
                (rs, n) -> fromStored(rs.getString("private_key"), rs.getString("public_key")));
        if (!keys.isEmpty()) {
            log.info("Signing tokens with the stored key (kid {})", keys.getFirst().getKeyID());
            return keys.getFirst();
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            RSAKey jwk = jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
            Base64.Encoder b64 = Base64.getEncoder();
            jdbc.update("insert into identity_signing_key (kid, private_key, public_key) values (?, ?, ?)", jwk.getKeyID(),
                    b64.encodeToString(pair.getPrivate().getEncoded()), b64.encodeToString(pair.getPublic().getEncoded()));
            log.info("Generated and stored a new signing key (kid {})", jwk.getKeyID());
            return jwk;
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey fromStored(String privateKey, String publicKey) {
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            Base64.Decoder b64 = Base64.getDecoder();
            return jwk((RSAPublicKey) f.generatePublic(new X509EncodedKeySpec(b64.decode(publicKey))),
                    (RSAPrivateCrtKey) f.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(privateKey))));
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("The stored signing key is unreadable", e);
        }
    }

    static RSAPrivateCrtKey privateKey(String pem) throws GeneralSecurityException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException("expected a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static RSAKey jwk(RSAPublicKey pub, RSAPrivateCrtKey key) throws JOSEException {
        return new RSAKey.Builder(pub).privateKey(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint().build();
    }
}
