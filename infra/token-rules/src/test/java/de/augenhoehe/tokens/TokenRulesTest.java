package de.augenhoehe.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Claim names of an external identity provider map onto the platform's claims. */
class TokenRulesTest {

    static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    @Test
    void keycloak_style_realm_roles_and_custom_claims_become_the_platform_claims() {
        Jwt external = jwt(Map.of("sub", "u1", "realm_access", Map.of("roles", List.of("Coordinator", "offline_access")),
                "org", Map.of("id", "5b1f8c1e-0000-4000-8000-000000000001"), "groups", "0d3e4a52-7c1b-4f0e-9a61-000000000001"));

        Jwt n = TokenRules.normalize(external, new TokenRules.ClaimNames("realm_access.roles", "org.id", "groups"));

        assertThat(n.getClaimAsStringList("roles")).containsExactly("coordinator", "offline_access");
        assertThat(n.getClaimAsString("partner_id")).isEqualTo("5b1f8c1e-0000-4000-8000-000000000001");
        assertThat(n.getClaimAsStringList("networks")).containsExactly("0d3e4a52-7c1b-4f0e-9a61-000000000001");
        assertThat(n.getSubject()).isEqualTo("u1");
        assertThat(TokenRules.authorities(n)).extracting(GrantedAuthority::getAuthority).contains("ROLE_COORDINATOR");
    }

    @Test
    void a_claim_the_token_does_not_have_grants_nothing_and_a_foreign_partner_claim_is_dropped() {
        Jwt external = jwt(Map.of("sub", "u2", "roles", List.of("operations"), "partner_id", "not-mapped"));

        Jwt n = TokenRules.normalize(external, new TokenRules.ClaimNames("realm_access.roles", "org.id", null));

        assertThat(n.getClaimAsStringList("roles")).isEmpty();
        assertThat(n.hasClaim("partner_id")).isFalse();
        assertThat(TokenRules.authorities(n)).isEmpty();
    }

    @Test
    void the_platform_names_leave_the_token_as_it_is() {
        Jwt own = jwt(Map.of("sub", "u3", "roles", List.of("partner_admin")));
        assertThat(TokenRules.normalize(own, new TokenRules.ClaimNames(null, " ", ""))).isSameAs(own);
        assertThat(TokenRules.authorities(own)).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PARTNER_ADMIN");
    }
}
