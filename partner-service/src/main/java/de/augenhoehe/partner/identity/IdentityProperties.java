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
 * @param portal the web portal, the one confidential first-party client (issue #18)
 */
@ConfigurationProperties("augenhoehe.identity")
record IdentityProperties(String issuer, Resource signingKeyLocation, Duration accessTokenTtl, List<FirstPartyClient> clients,
        String keyEncryptionSecret, Rotation signingKeyRotation, Portal portal) {

    IdentityProperties {
        portal = portal == null ? new Portal(null, null, null, null, null) : portal;
        signingKeyRotation = signingKeyRotation == null ? new Rotation(null, null) : signingKeyRotation;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    record FirstPartyClient(String clientId, List<String> redirectUris) {
    }

    /**
     * The portal's backend-for-frontend: a confidential client (authorization code with PKCE and its secret) and the
     * only client that gets refresh tokens — it keeps them on its server, never in a browser.
     *
     * @param clientSecret blank: the client is not registered (in demo mode the published demo secret is used)
     * @param redirectUris where the portal receives the code ({@code …/login/oauth2/code/augenhoehe})
     * @param postLogoutRedirectUris where RP-initiated logout ({@code /oauth2/logout}) may send the browser back to
     * @param refreshTokenTtl how long a refresh token is valid, so how long a portal session can last at most
     */
    record Portal(String clientSecret, List<String> redirectUris, List<String> postLogoutRedirectUris, Duration refreshTokenTtl,
            String clientId) {

        static final String DEMO_SECRET = "augenhoehe-demo-portal-secret";

        Portal {
            clientId = clientId == null || clientId.isBlank() ? "augenhoehe-portal" : clientId;
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(8) : refreshTokenTtl;
        }

        /** The configured secret; in demo mode the published demo secret when none is configured; else blank. */
        String secret(boolean demo) {
            return clientSecret != null && !clientSecret.isBlank() ? clientSecret : demo ? DEMO_SECRET : "";
        }
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
