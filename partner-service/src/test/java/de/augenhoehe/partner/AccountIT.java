package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/** People's accounts: who manages them, no self-escalation, and the login at the authorization server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.identity.issuer=" + AccountIT.ISSUER)
@RealInfrastructure(isolatedDatabase = true)
class AccountIT extends InOneNetwork {

    static final String ISSUER = "http://login.augenhoehe.test";

    UUID partner;
    String admin;

    @BeforeEach
    void a_member_with_its_administrator() {
        partner = member("Agentur");
        admin = partnerAdmin("admin-" + partner, partner);
    }

    /** Here the members are employment agencies. */
    @Override
    UUID member(String name) {
        return net.member(name, "EMPLOYMENT_AGENCY");
    }

    String accounts(UUID p) {
        return "/api/partners/" + p + "/accounts";
    }

    static String user() {
        return "u" + UUID.randomUUID().toString().substring(0, 12);
    }

    JsonNode create(UUID p, String token, String body) {
        var r = api().send("POST", accounts(p), token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r);
    }

    @Test
    void a_person_logs_in_with_pkce_and_gets_a_token_with_their_roles_partner_and_networks() {
        String username = user();
        JsonNode created = create(partner, coordinator, "{\"username\":\"" + username + "\",\"roles\":[\"COORDINATOR\",\"PARTNER_STAFF\"],"
                + "\"coordinatorNetworks\":[\"" + network + "\"]}");
        String password = created.get("initialPassword").asString();
        String stored = jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(password);

        AuthServer as = new AuthServer(port);
        var token = as.login(username, password, "eigen-" + password);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Jwt jwt = as.decode(as.accessToken(token));
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getAudience()).contains("augenhoehe");
        assertThat(jwt.getSubject()).isEqualTo(created.at("/account/id").asString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("coordinator", "partner_staff");
        assertThat(jwt.getClaimAsString("partner_id")).isEqualTo(partner.toString());
        assertThat(jwt.getClaimAsStringList("networks")).containsExactly(network.toString());
    }

    @Test
    void a_coordinators_token_names_only_networks_his_organisation_is_still_an_active_member_of() {
        String username = user();
        String password = create(partner, coordinator, "{\"username\":\"" + username + "\",\"roles\":[\"COORDINATOR\"],"
                + "\"coordinatorNetworks\":[\"" + network + "\"]}").get("initialPassword").asString();
        AuthServer as = new AuthServer(port);
        Jwt before = as.decode(as.accessToken(as.login(username, password, "eigen-" + password)));
        assertThat(before.getClaimAsStringList("networks")).containsExactly(network.toString());

        // his organisation's membership is suspended: the stored coordinator network no longer reaches his tokens
        UUID membership = jdbc.queryForObject("select id from membership where partner_id = ? and network_id = ?", UUID.class, partner, network);
        var suspended = api().send("POST", "/api/networks/" + network + "/memberships/" + membership + "/suspend", coordinator, null);
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        Jwt after = as.decode(as.accessToken(as.login(username, "eigen-" + password)));
        assertThat(after.getClaimAsStringList("roles")).containsExactly("coordinator");
        assertThat(after.getClaimAsStringList("networks")).isEmpty();
    }

    @Test
    void access_tokens_live_ten_minutes() {
        String username = user();
        String password = create(partner, admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}").get("initialPassword").asString();
        AuthServer as = new AuthServer(port);
        var response = as.login(username, password, "eigen-" + password);
        Jwt jwt = as.decode(as.accessToken(response));
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(Api.json(response).get("expires_in").asLong()).isBetween(598L, 600L);
    }

    @Test
    void the_first_login_with_the_one_time_password_asks_for_a_password_of_ones_own_before_any_code() {
        String username = user();
        String initial = create(partner, admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}").get("initialPassword").asString();
        AuthServer as = new AuthServer(port);

        var stopped = as.login(username, initial);
        assertThat(stopped.statusCode()).isEqualTo(302);
        assertThat(stopped.headers().firstValue("Location").orElse("")).endsWith("/oauth2/password").doesNotContain("code=");
        assertThat(mustChange(username)).isTrue();

        // refused, in German, and nothing changed: too short, the one-time password again
        for (var refused : List.of(List.of("kurz-123", "zu kurz"), List.of(initial, "anderes Passwort als das bisherige"),
                List.of("ä".repeat(37), "zu lang"))) {
            var again = as.login(username, initial, refused.get(0));
            assertThat(again.statusCode()).as(refused.get(0)).isEqualTo(422);
            assertThat(again.body()).contains(refused.get(1)).contains("role=\"alert\"").doesNotContain("access_token");
        }
        assertThat(mustChange(username)).isTrue();

        String own = "Mein eigenes Passwort 2026";
        var token = as.login(username, initial, own);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(mustChange(username)).isFalse();
        assertThat(as.login(username, initial).headers().firstValue("Location").orElse("")).contains("/oauth2/login?error");
        var next = as.login(username, own);
        assertThat(next.statusCode()).as("no password page any more: " + next.headers().map()).isEqualTo(200);
        assertThat(next.body()).contains("access_token");
    }

    @Test
    void forgot_password_mails_a_link_that_sets_a_new_password_once_and_the_page_tells_nobody_which_accounts_exist() {
        String username = user();
        String email = username + "@example.org";
        JsonNode created = create(partner, admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"],\"email\":\"" + email + "\"}");
        assertThat(created.at("/account/email").asString()).isEqualTo(email);
        String initial = created.get("initialPassword").asString();
        AuthServer as = new AuthServer(port);
        String own = "Mein erstes eigenes Passwort";
        assertThat(as.login(username, initial, own).body()).contains("access_token");

        var asked = as.forgot(username);
        var unknown = as.forgot("niemand-" + username);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Postfach").isEqualTo(unknown.body());

        Mailbox.Mail mail = Mailbox.await(email, 1);
        Matcher link = Pattern.compile(Pattern.quote(ISSUER) + "/oauth2/reset\\?token=([A-Za-z0-9_-]{43})").matcher(mail.body());
        assertThat(link.find()).as(mail.body()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset where token_hash = convert_to(?, 'UTF8')", Integer.class, token))
                .as("only the secret's hash is kept").isZero();

        assertThat(as.resetForm(token).statusCode()).isEqualTo(200);
        var tooShort = as.reset(token, "kurz", "kurz");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("zu kurz");
        var mismatch = as.reset(token, "Ein neues langes Passwort", "Ein anderes langes Passwort");
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("stimmen nicht überein");
        String renewed = "Ein neues langes Passwort";
        var done = as.reset(token, renewed, renewed);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Passwort geändert");

        assertThat(as.login(username, renewed).body()).contains("access_token");
        assertThat(as.login(username, own).headers().firstValue("Location").orElse("")).contains("/oauth2/login?error");
        assertThat(as.reset(token, "Noch ein anderes Passwort", "Noch ein anderes Passwort").statusCode()).as("used once").isEqualTo(410);
        assertThat(as.resetForm(token).statusCode()).isEqualTo(410);
        assertThat(as.resetForm("erfunden-" + token).statusCode()).isEqualTo(410);
    }

    @Test
    void an_administrator_gives_a_new_one_time_password_that_must_be_replaced_and_voids_the_old_one() {
        String username = user();
        JsonNode created = create(partner, admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        String path = accounts(partner) + "/" + created.at("/account/id").asString() + "/initial-password";
        AuthServer as = new AuthServer(port);
        String own = "Ein Passwort, das ich vergessen werde";
        assertThat(as.login(username, created.get("initialPassword").asString(), own).body()).contains("access_token");

        assertThat(api().send("POST", path, null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("POST", path, partnerAdmin("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", path, TestTokens.subject("s").roles("partner_staff").partner(partner).sign(), null).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", accounts(partner) + "/" + UUID.randomUUID() + "/initial-password", admin, null).statusCode()).isEqualTo(404);
        var renewed = api().send("POST", path, admin, null);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String initial = Api.json(renewed).get("initialPassword").asString();

        assertThat(as.login(username, own).headers().firstValue("Location").orElse("")).contains("/oauth2/login?error");
        assertThat(as.login(username, initial).headers().firstValue("Location").orElse("")).endsWith("/oauth2/password");
        assertThat(as.login(username, initial, "Diesmal merke ich es mir").body()).contains("access_token");
    }

    @Test
    void forgot_password_sends_nothing_without_an_address_and_at_most_three_links_an_hour() {
        String silent = user();
        create(partner, admin, "{\"username\":\"" + silent + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        String busy = user();
        create(partner, admin, "{\"username\":\"" + busy + "\",\"roles\":[\"PARTNER_STAFF\"],\"email\":\"" + busy + "@example.org\"}");
        AuthServer as = new AuthServer(port);
        for (int i = 0; i < 5; i++) {
            assertThat(as.forgot(silent).statusCode()).isEqualTo(200);
            assertThat(as.forgot(busy).statusCode()).isEqualTo(200);
        }
        assertThat(resets(silent)).isZero();
        assertThat(resets(busy)).isEqualTo(3);
        Mailbox.await(busy + "@example.org", 3);
        // a newer link replaces the older ones: only the last one is usable
        assertThat(jdbc.queryForObject("select count(*) from password_reset r join account a on a.id = r.account_id "
                + "where a.username = ? and r.used_at is null", Integer.class, busy)).isEqualTo(1);
    }

    @Test
    void an_administrator_changes_the_mail_address_and_the_links_sent_to_the_old_one_stop_working() {
        String username = user();
        JsonNode created = create(partner, admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"],\"email\":\"" + username + "@alt.example.org\"}");
        String path = accounts(partner) + "/" + created.at("/account/id").asString() + "/email";
        AuthServer as = new AuthServer(port);
        assertThat(as.login(username, created.get("initialPassword").asString(), "Mein erstes eigenes Passwort").body()).contains("access_token");
        as.forgot(username);
        Matcher old = Pattern.compile("/oauth2/reset\\?token=([A-Za-z0-9_-]{43})").matcher(Mailbox.await(username + "@alt.example.org", 1).body());
        assertThat(old.find()).isTrue();

        String body = "{\"email\":\"" + username + "@neu.example.org\"}";
        assertThat(api().send("PUT", path, null, body).statusCode()).isEqualTo(401);
        assertThat(api().send("PUT", path, partnerAdmin("other", UUID.randomUUID()), body).statusCode()).isEqualTo(403);
        assertThat(api().send("PUT", path, TestTokens.subject("s").roles("partner_staff").partner(partner).sign(), body).statusCode()).isEqualTo(403);
        assertThat(api().send("PUT", accounts(partner) + "/" + UUID.randomUUID() + "/email", admin, body).statusCode()).isEqualTo(404);
        var malformed = api().send("PUT", path, admin, "{\"email\":\"kein-at-zeichen\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var changed = api().send("PUT", path, admin, body);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Api.json(changed).get("email").asString()).isEqualTo(username + "@neu.example.org");

        assertThat(as.resetForm(old.group(1)).statusCode()).as("the link sent to the old address").isEqualTo(410);
        as.forgot(username);
        assertThat(Mailbox.await(username + "@neu.example.org", 1).body()).contains("/oauth2/reset?token=");
        var removed = api().send("PUT", path, admin, "{\"email\":null}");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Api.json(removed).path("email").isMissingNode() || Api.json(removed).path("email").isNull()).isTrue();
    }

    @Test
    void an_account_refuses_a_malformed_mail_address() {
        var r = api().send("POST", accounts(partner), admin, "{\"username\":\"" + user() + "\",\"roles\":[\"PARTNER_STAFF\"],\"email\":\"kein-at-zeichen\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    int resets(String username) {
        return jdbc.queryForObject("select count(*) from password_reset r join account a on a.id = r.account_id where a.username = ?",
                Integer.class, username);
    }

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        Mailbox.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    boolean mustChange(String username) {
        return jdbc.queryForObject("select password_change_required from account where username = ?", Boolean.class, username);
    }

    @Test
    void a_wrong_password_or_a_disabled_account_gets_no_token() {
        String username = user();
        JsonNode created = create(partner, admin, "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        AuthServer as = new AuthServer(port);
        var wrong = as.login(username, "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/oauth2/login?error");

        assertThat(api().send("DELETE", accounts(partner) + "/" + created.at("/account/id").asString(), admin, null).statusCode()).isEqualTo(204);
        var disabled = as.login(username, created.get("initialPassword").asString());
        assertThat(disabled.headers().firstValue("Location").orElse("")).contains("/oauth2/login?error");
    }

    @Test
    void no_one_grants_more_than_they_hold() {
        // a partner administrator: staff and admins of their own partner, never coordinator or operations
        create(partner, admin, "{\"username\":\"" + user() + "\",\"roles\":[\"PARTNER_ADMIN\"]}");
        for (String roles : List.of("[\"COORDINATOR\"],\"coordinatorNetworks\":[\"" + network + "\"]", "[\"OPERATIONS\"]")) {
            var r = api().send("POST", accounts(partner), admin, "{\"username\":\"" + user() + "\",\"roles\":" + roles + "}");
            assertThat(r.statusCode()).as(roles + " " + r.body()).isEqualTo(403);
        }
        // nor make themselves (or anyone) coordinator by changing roles
        JsonNode staff = create(partner, admin, "{\"username\":\"" + user() + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        var escalate = api().send("PUT", accounts(partner) + "/" + staff.at("/account/id").asString() + "/roles", admin,
                "{\"roles\":[\"COORDINATOR\"],\"coordinatorNetworks\":[\"" + network + "\"]}");
        assertThat(escalate.statusCode()).as(escalate.body()).isEqualTo(403);
        // nor strip a coordinator of their role. (The partner has an administrator now, so a coordinator creates no
        // accounts there any more — issue #15 — and operations appoints the coordinator.)
        String newCoordinator = "{\"username\":\"" + user() + "\",\"roles\":[\"COORDINATOR\"],\"coordinatorNetworks\":[\"" + network + "\"]}";
        assertThat(api().send("POST", accounts(partner), coordinator, newCoordinator).statusCode()).isEqualTo(403);
        JsonNode coord = create(partner, TestTokens.operations(), newCoordinator);
        var strip = api().send("PUT", accounts(partner) + "/" + coord.at("/account/id").asString() + "/roles", admin, "{\"roles\":[\"PARTNER_STAFF\"]}");
        assertThat(strip.statusCode()).as(strip.body()).isEqualTo(403);
        // a coordinator grants coordinator only for networks they coordinate, and never operations
        UUID otherNetwork = UUID.randomUUID();
        var foreign = api().send("POST", accounts(partner), coordinator("c2", otherNetwork, network),
                "{\"username\":\"" + user() + "\",\"roles\":[\"OPERATIONS\"]}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        // (of this test's partner: other tests of the class make coordinators of their own partners)
        assertThat(jdbc.queryForObject("select count(*) from account where partner_id = ? and ('COORDINATOR' = any(roles) or 'OPERATIONS' = any(roles))",
                Integer.class, partner)).isEqualTo(1);
        // operations may grant operations
        create(partner, TestTokens.operations(), "{\"username\":\"" + user() + "\",\"roles\":[\"OPERATIONS\"]}");
    }

    @Test
    void accounts_are_managed_only_in_scope() {
        JsonNode a = create(partner, admin, "{\"username\":\"" + user() + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        String id = a.at("/account/id").asString();
        UUID other = member("Andere");
        String otherAccount = create(other, coordinator, "{\"username\":\"" + user() + "\",\"roles\":[\"PARTNER_STAFF\"]}").at("/account/id").asString();
        String stranger = partnerAdmin("stranger", other);
        String staff = TestTokens.subject("s").roles("partner_staff").partner(partner).sign();
        String foreignCoordinator = coordinator("fc", UUID.randomUUID());
        record Call(String method, String path, String body) {
        }
        List<Call> calls = List.of(new Call("POST", accounts(partner), "{\"username\":\"" + user() + "\",\"roles\":[\"PARTNER_STAFF\"]}"),
                new Call("GET", accounts(partner), null), new Call("GET", accounts(partner) + "/" + id, null),
                new Call("PUT", accounts(partner) + "/" + id + "/roles", "{\"roles\":[\"PARTNER_ADMIN\"]}"),
                new Call("DELETE", accounts(partner) + "/" + id, null));
        for (Call c : calls) {
            assertThat(api().send(c.method(), c.path(), null, c.body()).statusCode()).as("anonymous " + c).isEqualTo(401);
            for (String token : List.of(stranger, staff, foreignCoordinator)) {
                assertThat(api().send(c.method(), c.path(), token, c.body()).statusCode()).as(c.toString()).isEqualTo(403);
            }
            assertThat(api().send(c.method(), c.path().replace(partner.toString(), UUID.randomUUID().toString()), coordinator, c.body())
                    .statusCode()).as("unknown partner " + c).isEqualTo(404);
        }
        for (Call c : calls.subList(2, 5)) {
            assertThat(api().send(c.method(), c.path().replace(id, otherAccount), admin, c.body()).statusCode())
                    .as("another partner's account " + c).isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select enabled and roles = '{PARTNER_STAFF}' from account where id = ?::uuid", Boolean.class, otherAccount)).isTrue();
    }

    @Test
    void bad_input_gets_problems_and_writes_nothing() {
        int before = jdbc.queryForObject("select count(*) from account", Integer.class);
        String taken = user();
        create(partner, admin, "{\"username\":\"" + taken + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        var duplicate = api().send("POST", accounts(partner), admin, "{\"username\":\"" + taken.toUpperCase() + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
        for (String body : List.of("{}", "{\"username\":\"a b\",\"roles\":[\"PARTNER_STAFF\"]}", "{\"username\":\"abc\",\"roles\":[]}",
                "{\"username\":\"abc\",\"roles\":[\"KING\"]}", "{\"username\":\"abc\",\"roles\":[\"PARTNER_STAFF\"],\"password\":\"x\"}", "{\"username\":")) {
            var r = api().send("POST", accounts(partner), admin, body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        var noNetworks = api().send("POST", accounts(partner), coordinator, "{\"username\":\"abc\",\"roles\":[\"COORDINATOR\"]}");
        assertThat(noNetworks.statusCode()).as(noNetworks.body()).isEqualTo(422);
        var notMember = api().send("POST", accounts(partner), TestTokens.operations(),
                "{\"username\":\"abc\",\"roles\":[\"COORDINATOR\"],\"coordinatorNetworks\":[\"" + UUID.randomUUID() + "\"]}");
        assertThat(notMember.statusCode()).as(notMember.body()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before + 1);
    }
}
