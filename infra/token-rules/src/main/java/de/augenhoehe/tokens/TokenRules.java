package de.augenhoehe.tokens;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The one definition of how a platform token is checked and what it grants, for services and gateway alike. */
public final class TokenRules {

    public static final String ROLES_CLAIM = "roles";

    private TokenRules() {
    }

    /** An RSA public key from an X.509 SubjectPublicKeyInfo PEM. */
    public static RSAPublicKey publicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** Expiry and not-before, the issuer, and at least one of our audiences. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }

    /**
     * Where a token keeps the platform's claims. The defaults are the platform's own names (the embedded authorization
     * server); an external identity provider may keep them elsewhere, e.g. Keycloak's roles in
     * {@code realm_access.roles}. A dot walks into a JSON object.
     */
    public record ClaimNames(String roles, String partnerId, String networks) {

        public static final ClaimNames PLATFORM = new ClaimNames(ROLES_CLAIM, PARTNER_CLAIM, NETWORKS_CLAIM);

        public ClaimNames {
            roles = blank(roles) ? ROLES_CLAIM : roles.strip();
            partnerId = blank(partnerId) ? PARTNER_CLAIM : partnerId.strip();
            networks = blank(networks) ? NETWORKS_CLAIM : networks.strip();
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public static final String PARTNER_CLAIM = "partner_id";
    public static final String NETWORKS_CLAIM = "networks";

    /**
     * The token with the platform's claims under the platform's names ({@code roles} lower case, {@code partner_id},
     * {@code networks}), read from where {@code names} says; the token itself if nothing is mapped.
     */
    public static Jwt normalize(Jwt jwt, ClaimNames names) {
        if (names.equals(ClaimNames.PLATFORM)) {
            return jwt;
        }
        Map<String, Object> claims = new LinkedHashMap<>(jwt.getClaims());
        List<String> roles = stringList(jwt.getClaims(), names.roles());
        claims.put(ROLES_CLAIM, roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList());
        Object partner = value(jwt.getClaims(), names.partnerId());
        if (partner != null) {
            claims.put(PARTNER_CLAIM, partner.toString());
        } else {
            claims.remove(PARTNER_CLAIM);
        }
        claims.put(NETWORKS_CLAIM, stringList(jwt.getClaims(), names.networks()));
        return new Jwt(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getHeaders(), claims);
    }

    /** The strings at a dotted path ({@code realm_access.roles}); a single string counts as a list of one. */
    public static List<String> stringList(Map<String, Object> claims, String path) {
        Object v = value(claims, path);
        if (v instanceof Collection<?> c) {
            return c.stream().filter(Objects::nonNull).map(Object::toString).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    private static Object value(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    /** Roles from the {@code roles} claim as ROLE_* (upper case), scopes as SCOPE_*. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> result = new ArrayList<>();
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles != null) {
            roles.forEach(r -> result.add(new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT))));
        }
        String scope = jwt.getClaimAsString("scope");
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isBlank()) {
                    result.add(new SimpleGrantedAuthority("SCOPE_" + s));
                }
            }
        }
        return result;
    }
}
