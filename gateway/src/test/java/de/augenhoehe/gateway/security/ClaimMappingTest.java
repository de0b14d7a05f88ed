package de.augenhoehe.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import de.augenhoehe.tokens.TokenRules;

/** The gateway's role checks read an external provider's token where the services read it. */
class ClaimMappingTest {

    private static Jwt keycloakToken() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("realm_access", Map.of("roles", List.of("OPERATIONS"))).build();
    }

    @Test
    void mapped_roles_claim_becomes_the_gateways_authorities() {
        var converter = GatewaySecurityConfiguration.jwtAuthentication(new TokenRules.ClaimNames("realm_access.roles", null, null));
        var authorities = converter.convert(keycloakToken()).getAuthorities().stream().map(GrantedAuthority::getAuthority);
        assertThat(authorities).contains("ROLE_OPERATIONS");
    }

    @Test
    void without_mapping_a_foreign_claim_grants_nothing() {
        var converter = GatewaySecurityConfiguration.jwtAuthentication(TokenRules.ClaimNames.PLATFORM);
        var authorities = converter.convert(keycloakToken()).getAuthorities().stream().map(GrantedAuthority::getAuthority);
        assertThat(authorities).noneMatch(a -> a.startsWith("ROLE_"));
    }

    /** The cached token comes back as the same object on every request: its roles are mapped once. */
    @Test
    void the_roles_of_one_token_are_mapped_once() {
        var roles = GatewaySecurityConfiguration.roles(new TokenRules.ClaimNames("realm_access.roles", null, null));
        Jwt token = keycloakToken();
        var first = roles.convert(token);
        assertThat(roles.convert(token)).isSameAs(first);
        assertThat(roles.convert(keycloakToken())).as("another token: its own mapping").isNotSameAs(first).isEqualTo(first);
    }
}
