package de.augenhoehe.partner.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * Codes and tokens of a stored authorization without their values: each value is replaced by
 * {@code sha256:<hex>} of itself (the claims and metadata stay), and a value presented at a lookup is put back into
 * the token it hashes to. Spring's providers need the value only of the token that was presented (and compare
 * nothing else), so an authorization read back this way works as the original did.
 */
final class RedactedTokens {

    static final Class<OidcIdToken> ID_TOKEN = OidcIdToken.class;
    static final String ID_TOKEN_TYPE = "id_token";
    private static final String PREFIX = "sha256:";
    private static final HexFormat HEX = HexFormat.of();

    private RedactedTokens() {
    }

    static OAuth2Authorization redact(OAuth2Authorization authorization) {
        OAuth2Authorization.Builder b = OAuth2Authorization.from(authorization);
        replace(b, authorization.getToken(OAuth2AuthorizationCode.class), null);
        replace(b, authorization.getAccessToken(), null);
        replace(b, authorization.getToken(ID_TOKEN), null);
        replace(b, authorization.getRefreshToken(), null);
        return b.build();
    }

    /** The authorization with the value of the token that hashes to {@code presented} restored. */
    static OAuth2Authorization restore(OAuth2Authorization authorization, String presented) {
        OAuth2Authorization.Builder b = OAuth2Authorization.from(authorization);
        replace(b, authorization.getToken(OAuth2AuthorizationCode.class), presented);
        replace(b, authorization.getAccessToken(), presented);
        replace(b, authorization.getToken(ID_TOKEN), presented);
        replace(b, authorization.getRefreshToken(), presented);
        return b.build();
    }

    /**
     * Redacts the token (presented == null) or gives it the presented value if that is the one it was redacted from.
     * The metadata (invalidated, claims) is carried over unchanged.
     */
    private static void replace(OAuth2Authorization.Builder b, OAuth2Authorization.Token<? extends OAuth2Token> held, String presented) {
        if (held == null) {
            return;
        }
        OAuth2Token t = held.getToken();
        String value;
        if (presented == null) {
            value = PREFIX + HEX.formatHex(hash(held));
        } else if (Arrays.equals(hash(held), sha256(presented))) {
            value = presented;
        } else {
            return;
        }
        OAuth2Token copy = switch (t) {
            case OAuth2AuthorizationCode c -> new OAuth2AuthorizationCode(value, c.getIssuedAt(), c.getExpiresAt());
            case OidcIdToken id -> new OidcIdToken(value, id.getIssuedAt(), id.getExpiresAt(), id.getClaims());
            case OAuth2RefreshToken r -> new OAuth2RefreshToken(value, r.getIssuedAt(), r.getExpiresAt());
            case OAuth2AccessToken a -> new OAuth2AccessToken(a.getTokenType(), value, a.getIssuedAt(), a.getExpiresAt(), a.getScopes());
            default -> throw new IllegalStateException("Unexpected token type " + t.getClass().getName());
        };
        if (copy.getClass() != t.getClass()) {
            throw new IllegalStateException("Unexpected token type " + t.getClass().getName()); // tokens are kept by class
        }
        b.token(copy, metadata -> {
            metadata.clear();
            metadata.putAll(held.getMetadata());
        });
    }

    /** The SHA-256 of the token's value (taken from a redacted value as it is), or null without a token. */
    static byte[] hash(OAuth2Authorization.Token<? extends OAuth2Token> held) {
        if (held == null) {
            return null;
        }
        String value = held.getToken().getTokenValue();
        return value.startsWith(PREFIX) ? HEX.parseHex(value.substring(PREFIX.length())) : sha256(value);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
