package de.augenhoehe.partner.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code augenhoehe.identity.*}: the embedded authorization server.
 *
 * @param issuer the issuer URL put into tokens and discovery; blank: the services' {@code augenhoehe.security.jwt.issuer}
 *        if that is a URL, else derived from each request (tests)
 * @param signingKeyLocation an RSA private key (PKCS#8 PEM); none: a key generated once and kept in the database
 * @param accessTokenTtl lifetime of access tokens (default 10 minutes: a disabled account, a revoked HR client or a
 *        coordinator whose organisation left a network loses access within minutes, since tokens are not looked up)
 * @param clients the first-party public clients (web, mobile, command line): authorization code with PKCE
 * @param keyEncryptionSecret encrypts the generated signing keys in the database (AES-GCM); required outside demo mode
 *        when no {@code signingKeyLocation} is configured
 * @param signingKeyRotation when a generated key is replaced, and how often each instance re-reads the keys
 */
@ConfigurationProperties("augenhoehe.identity")
record IdentityProperties(String issuer, Resource signingKeyLocation, Duration accessTokenTtl, List<FirstPartyClient> clients,
        String keyEncryptionSecret, Rotation signingKeyRotation) {

    IdentityProperties {
        signingKeyRotation = signingKeyRotation == null ? new Rotation(null, null) : signingKeyRotation;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    record FirstPartyClient(String clientId, List<String> redirectUris) {
    }

    /** @param interval age of the newest generated key at which a new one replaces it (default 30 days) */
    record Rotation(Duration interval, Duration refresh) {

        Rotation {
            interval = interval == null ? Duration.ofDays(30) : interval;
            refresh = refresh == null ? Duration.ofSeconds(30) : refresh;
        }
    }

    /** The issuer if it is an absolute http(s) URL (OpenID Connect requires one), else null. */
    static String asUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(value.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && u.getQuery() == null && u.getFragment() == null ? value.strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
