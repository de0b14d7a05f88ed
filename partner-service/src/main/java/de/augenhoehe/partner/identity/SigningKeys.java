package de.augenhoehe.partner.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The configured signing key ({@code augenhoehe.identity.signing-key-location}): the key pair whose public half the
 * services and the gateway trust, e.g. the one {@code ./platform keys} makes. It is not rotated here (replace the file
 * and the services' public key together); without one the server keeps rotated, encrypted keys in the database
 * ({@link SigningKeyRing}). The key id is the RFC 7638 thumbprint: the same key always has the same {@code kid}.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static RSAKey configured(Resource location) {
        try {
            RSAPrivateCrtKey key = privateKey(location.getContentAsString(StandardCharsets.UTF_8));
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            RSAKey jwk = jwk(pub, key);
            log.info("Signing tokens with the configured key {} (kid {})", location.getDescription(), jwk.getKeyID());
            return jwk;
        } catch (Exception e) {
            throw new IllegalStateException("No usable signing key for the authorization server: " + e.getMessage(), e);
        }
    }

    static RSAPrivateCrtKey privateKey(String pem) throws GeneralSecurityException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new GeneralSecurityException("expected a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static RSAKey jwk(RSAPublicKey pub, RSAPrivateCrtKey key) throws JOSEException {
        return new RSAKey.Builder(pub).privateKey(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint().build();
    }
}
