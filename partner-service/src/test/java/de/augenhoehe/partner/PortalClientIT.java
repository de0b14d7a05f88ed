package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.RealInfrastructure;

/**
 * The portal's server as a confidential client (issue #18): code with PKCE and its secret gives an access and a
 * refresh token; refreshing gives a new access token until the account is disabled; public clients get no refresh
 * token; the secret is required.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.identity.portal.client-secret=" + PortalClientIT.SECRET,
        "augenhoehe.identity.portal.redirect-uris=" + PortalClientIT.CALLBACK,
        "augenhoehe.identity.portal.post-logout-redirect-uris=http://portal.test/"})
@RealInfrastructure(isolatedDatabase = true)
class PortalClientIT extends InOneNetwork {

    static final String PORTAL = "augenhoehe-portal";
    static final String SECRET = "portal-test-secret-0123456789";
    static final String CALLBACK = "http://portal.test/login/oauth2/code/augenhoehe";

    UUID partner;
    String admin;

    @BeforeEach
    void a_company_with_its_administrator() {
        partner = member("Betrieb");
        admin = partnerAdmin("admin-" + partner, partner);
    }

    /** A new staff account of the company whose first login replaced the one-time password with {@link #own}. */
    JsonNode staff(String username) {
        var r = api().send("POST", "/api/partners/" + partner + "/accounts", admin,
                "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = Api.json(r);
        var first = new AuthServer(port).login(username, created.get("initialPassword").asString(), own(created));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        return created;
    }

    static String own(JsonNode created) {
        return "eigen-" + created.get("initialPassword").asString();
    }

    @Test
    void the_portal_gets_access_and_refresh_token_and_refreshes_with_the_current_claims() {
        String username = "p" + UUID.randomUUID().toString().substring(0, 12);
        JsonNode created = staff(username);
        AuthServer as = new AuthServer(port);
        var login = as.login(username, own(created), PORTAL, SECRET, CALLBACK);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode tokens = Api.json(login);
        assertThat(tokens.has("refresh_token")).isTrue();
        assertThat(tokens.has("id_token")).isTrue();
        Jwt first = as.decode(as.accessToken(login));
        assertThat(first.getClaimAsString("client_id")).isEqualTo(PORTAL);
        assertThat(first.getClaimAsStringList("roles")).containsExactly("partner_staff");
        Jwt idToken = as.decode(tokens.get("id_token").asString());
        assertThat(idToken.getAudience()).containsExactly(PORTAL);
        assertThat(idToken.getClaimAsString("preferred_username")).isEqualTo(username);

        String refreshToken = tokens.get("refresh_token").asString();
        var refreshed = as.refresh(PORTAL, SECRET, refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Jwt second = as.decode(as.accessToken(refreshed));
        assertThat(second.getTokenValue()).isNotEqualTo(first.getTokenValue());
        assertThat(second.getSubject()).isEqualTo(created.at("/account/id").asString());
        assertThat(second.getClaimAsString("partner_id")).isEqualTo(partner.toString());
        // and again: a refresh token serves until it expires (the store takes a refresh for what it is, not a replay)
        assertThat(as.refresh(PORTAL, SECRET, refreshToken).statusCode()).isEqualTo(200);

        assertThat(as.refresh(PORTAL, "wrong-secret", refreshToken).statusCode()).isEqualTo(401);
        assertThat(as.refresh(PORTAL, SECRET, "not-a-refresh-token").statusCode()).isEqualTo(400);
    }

    @Test
    void a_refresh_for_a_disabled_account_is_refused() {
        String username = "p" + UUID.randomUUID().toString().substring(0, 12);
        JsonNode created = staff(username);
        AuthServer as = new AuthServer(port);
        var login = as.login(username, own(created), PORTAL, SECRET, CALLBACK);
        String refreshToken = Api.json(login).get("refresh_token").asString();

        var disabled = api().send("DELETE", "/api/partners/" + partner + "/accounts/" + created.at("/account/id").asString(), admin, null);
        assertThat(disabled.statusCode()).isEqualTo(204);
        var refused = as.refresh(PORTAL, SECRET, refreshToken);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Api.json(refused).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void a_public_client_still_gets_no_refresh_token_and_the_portal_needs_its_secret() {
        String username = "p" + UUID.randomUUID().toString().substring(0, 12);
        JsonNode created = staff(username);
        AuthServer as = new AuthServer(port);
        var cli = as.login(username, own(created));
        assertThat(cli.statusCode()).as(cli.body()).isEqualTo(200);
        assertThat(Api.json(cli).has("refresh_token")).isFalse();

        var withoutSecret = as.login(username, own(created), PORTAL, null, CALLBACK);
        assertThat(withoutSecret.statusCode()).as(withoutSecret.body()).isEqualTo(401);
    }
}
