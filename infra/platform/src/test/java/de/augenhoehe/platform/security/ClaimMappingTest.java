package de.augenhoehe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import de.augenhoehe.tokens.TokenRules;

/** With mapped claim names (an external identity provider) the authentication and Actor see the platform's claims. */
class ClaimMappingTest {

    @Test
    void roles_partner_and_networks_are_read_from_the_configured_claims() {
        UUID partner = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        Jwt jwt = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), Map.of("sub", "kc-user",
                "realm_access", Map.of("roles", List.of("COORDINATOR")), "org", partner.toString(), "nets", List.of(network.toString())));

        var auth = (JwtAuthenticationToken) PlatformSecurityConfiguration
                .jwtAuthentication(new TokenRules.ClaimNames("realm_access.roles", "org", "nets")).convert(jwt);

        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_COORDINATOR")
                .noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_COORDINATOR"));
        Actor actor = Actor.from(auth.getToken());
        assertThat(actor.coordinates(network)).isTrue();
        assertThat(actor.partnerId()).isEqualTo(partner);
        assertThat(actor.subject()).isEqualTo("kc-user");
    }

    @Test
    void without_mapping_the_platform_claims_are_read_as_before() {
        Jwt jwt = new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"),
                Map.of("sub", "u", "roles", List.of("operations"), "realm_access", Map.of("roles", List.of("coordinator"))));
        var auth = PlatformSecurityConfiguration.jwtAuthentication(TokenRules.ClaimNames.PLATFORM).convert(jwt);
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_OPERATIONS")
                .doesNotContain("ROLE_COORDINATOR");
    }
}
