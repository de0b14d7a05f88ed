package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * Issue #15: logins cannot be guessed without limit. Five failures within the window lock out an account or HR client
 * (also with the right secret), eight lock out an address (lowered here from 50); the partner's administrators lift a
 * lockout. The state is in PostgreSQL (hashes only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.identity.login-throttle.address-failures=8")
@RealInfrastructure(isolatedDatabase = true)
class LoginThrottleIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    UUID company;
    String admin;

    Api api() {
        return new Api(port);
    }

    /** Each test from its own forwarded address, so the address limit of one does not touch another. */
    AuthServer as(String address) {
        return new AuthServer(port, address);
    }

    @BeforeEach
    void a_company_with_its_administrator() {
        var r = api().send("POST", "/api/partners", coordinator("c", UUID.randomUUID()),
                "{\"name\":\"Sperre " + UUID.randomUUID() + "\",\"kind\":\"COMPANY\"}");
        company = Api.id(r);
        admin = partnerAdmin("admin-" + company, company);
    }

    String[] account() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        var r = api().send("POST", "/api/partners/" + company + "/accounts", admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        // the first login replaces the one-time password, from an address the tests below do not use
        String own = "eigen-" + Api.json(r).get("initialPassword").asString();
        assertThat(as("192.0.2.1").login(username, Api.json(r).get("initialPassword").asString(), own).body()).contains("access_token");
        return new String[] { username, own, Api.json(r).at("/account/id").asString() };
    }

    @Test
    void five_wrong_passwords_lock_the_account_until_its_administrator_lifts_the_lockout() {
        String[] a = account();
        AuthServer as = as("198.51.100.1");
        for (int i = 0; i < 5; i++) {
            assertThat(as.login(a[0], "falsch-" + i).headers().firstValue("Location").orElse("")).contains("/oauth2/login?error");
        }
        // now even the right password gets no code, from any address: the form says why, in German
        for (AuthServer from : new AuthServer[] { as, as("198.51.100.2") }) {
            var locked = from.login(a[0].toUpperCase(), a[1]);
            assertThat(locked.statusCode()).isEqualTo(200);
            assertThat(locked.body()).contains("Zu viele fehlgeschlagene Anmeldungen").contains("15 Minuten").doesNotContain("access_token");
        }
        assertThat(jdbc.queryForList("select subject_hash || address_hash from login_failure", String.class))
                .noneMatch(h -> h.contains(a[0]) || h.contains("198.51.100"));

        String lockout = "/api/partners/" + company + "/accounts/" + a[2] + "/lockout";
        assertThat(api().send("DELETE", lockout, null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("DELETE", lockout, partnerAdmin("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("DELETE", lockout, TestTokens.subject("s").roles("partner_staff").partner(company).sign(), null).statusCode()).isEqualTo(403);
        assertThat(api().send("DELETE", "/api/partners/" + company + "/accounts/" + UUID.randomUUID() + "/lockout", admin, null).statusCode()).isEqualTo(404);
        assertThat(api().send("DELETE", lockout, admin, null).statusCode()).isEqualTo(204);
        var token = as.login(a[0], a[1]);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
    }

    @Test
    void a_successful_login_starts_the_count_afresh() {
        String[] a = account();
        AuthServer as = as("198.51.100.3");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                as.login(a[0], "falsch");
            }
            assertThat(as.login(a[0], a[1]).body()).as("round " + round).contains("access_token");
        }
    }

    @Test
    void five_wrong_secrets_lock_an_hr_client_with_429_and_retry_after() {
        var issued = Api.json(api().send("POST", "/api/partners/" + company + "/integration-clients", admin, "{\"name\":\"Personio\"}"));
        String clientId = issued.at("/client/clientId").asString();
        String secret = issued.get("clientSecret").asString();
        AuthServer as = as("198.51.100.4");
        for (int i = 0; i < 5; i++) {
            assertThat(as.clientCredentials(clientId, "falsch-" + i).statusCode()).isEqualTo(401);
        }
        var locked = as.clientCredentials(clientId, secret);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(locked.body()).contains("urn:augenhoehe:problem:too-many-failed-logins");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(800L, 900L);

        String lockout = "/api/partners/" + company + "/integration-clients/" + clientId + "/lockout";
        assertThat(api().send("DELETE", lockout, partnerAdmin("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("DELETE", lockout, admin, null).statusCode()).isEqualTo(204);
        assertThat(as.clientCredentials(clientId, secret).statusCode()).isEqualTo(200);
    }

    @Test
    void an_address_guessing_many_accounts_is_refused_and_other_addresses_are_not() {
        AuthServer attacker = as("203.0.113.9");
        for (int i = 0; i < 8; i++) {
            attacker.login("niemand-" + i, "falsch");
        }
        String[] a = account();
        assertThat(attacker.login(a[0], a[1]).body()).contains("Zu viele fehlgeschlagene Anmeldungen");
        assertThat(attacker.clientCredentials("hr-unbekannt", "x").statusCode()).isEqualTo(429);
        assertThat(as("203.0.113.10").login(a[0], a[1]).body()).contains("access_token");
    }
}
