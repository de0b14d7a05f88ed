package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * Object-level authorization of every partner-service endpoint that takes an id (networks, partners, memberships,
 * ledger, working groups): two networks A and B, each with a coordinator, a member partner, a membership and a
 * working group with a meeting and a decision. Callers of B ask for A's objects, and for objects of A under B's path:
 * foreign ids are 404, or 403 where the object's existence is public (networks and partners); unknown ids are 404.
 * Every denied request changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectAccessMatrixIT {

    static final String NOBODY = null;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    /** One side of the matrix: a network with everything in it and the people who may act there. */
    record Side(UUID network, String coordinator, UUID partner, String admin, String staff, UUID membership, UUID group,
            UUID meeting, String meetingEtag, UUID decision, UUID adminAccount, String hrClient) {
    }

    Side a;
    Side b;

    Api api() {
        return new Api(port);
    }

    @BeforeAll
    void two_networks_with_everything_in_them() {
        a = side("A");
        b = side("B");
    }

    Side side(String label) {
        var created = api().send("POST", "/api/networks", coordinator("founder-" + label),
                "{\"name\":\"Matrixnetz " + label + " " + UUID.randomUUID() + "\",\"region\":[\"08121\"],\"legalForm\":\"OTHER\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID network = Api.id(created);
        String coordinator = coordinator("coord-" + label, network);
        var p = api().send("POST", "/api/partners", coordinator, "{\"name\":\"Matrix " + label + " " + UUID.randomUUID()
                + "\",\"kind\":\"COMPANY\",\"contacts\":[{\"name\":\"Erika Geheim\",\"businessRole\":\"Ausbildung\",\"email\":\"erika@example.org\"}]}");
        assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
        UUID partner = Api.id(p);
        var applied = api().send("POST", "/api/networks/" + network + "/memberships", partnerAdmin("admin-" + label, partner), "{\"partnerId\":\"" + partner + "\"}");
        UUID membership = Api.id(applied);
        assertThat(api().send("POST", "/api/networks/" + network + "/memberships/" + membership + "/activate", coordinator, null).statusCode()).isEqualTo(200);
        var g = api().send("POST", "/api/working-groups", coordinator, "{\"networkId\":\"" + network + "\",\"kind\":\"WORKING_GROUP\",\"name\":\"AG "
                + label + "\",\"quorum\":{\"kind\":\"COUNT\",\"value\":1},\"majority\":\"SIMPLE\"}");
        assertThat(g.statusCode()).as(g.body()).isEqualTo(201);
        UUID group = Api.id(g);
        assertThat(api().send("POST", "/api/working-groups/" + group + "/members", coordinator, "{\"partnerId\":\"" + partner + "\"}").statusCode()).isEqualTo(201);
        var m = api().send("POST", "/api/working-groups/" + group + "/meetings", coordinator, "{\"startsAt\":\"2026-12-01T10:00:00Z\",\"place\":\"Saal\"}");
        var d = api().send("POST", "/api/working-groups/" + group + "/decisions", coordinator, "{\"title\":\"Antrag " + label + "\"}");
        // The partner manages itself: a real administrator account and an HR client of its own.
        String admin = partnerAdmin("admin-" + label, partner);
        var account = api().send("POST", "/api/partners/" + partner + "/accounts", admin,
                "{\"username\":\"matrix-admin-" + UUID.randomUUID() + "\",\"roles\":[\"PARTNER_ADMIN\"]}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        var hr = api().send("POST", "/api/partners/" + partner + "/integration-clients", admin, "{\"name\":\"HR " + label + "\"}");
        assertThat(hr.statusCode()).as(hr.body()).isEqualTo(201);
        return new Side(network, coordinator, partner, admin,
                TestTokens.subject("staff-" + label).roles("partner_staff").partner(partner).sign(), membership, group, Api.id(m),
                m.headers().firstValue("ETag").orElseThrow(), Api.id(d), Api.id(account), json(hr).at("/client/clientId").asString());
    }

    record Case(String method, String path, String body, String token, String who, int expected) {
    }

    @Test
    void foreign_and_unknown_ids_are_404_or_403_where_existence_is_public() {
        UUID unknown = UUID.randomUUID();
        String network = "{\"name\":\"Gekapert\",\"region\":[\"08121\"],\"legalForm\":\"OTHER\"}";
        String profile = "{\"name\":\"Gekapert GmbH\"}";
        String pledge = "{\"category\":\"EXPERTISE\",\"quantity\":1,\"unit\":\"hours\",\"from\":\"2026-01-01\",\"to\":\"2026-01-01\"}";
        String wg = "/api/working-groups/" + a.group();
        List<Case> cases = new ArrayList<>();

        // Networks: public, so a foreign network is 403 and an unknown one 404.
        cases.add(new Case("PUT", "/api/networks/" + a.network(), network, b.coordinator(), "B's coordinator", 403));
        cases.add(new Case("PUT", "/api/networks/" + a.network(), network, a.admin(), "A's partner admin", 403));
        cases.add(new Case("PUT", "/api/networks/" + unknown, network, a.coordinator(), "unknown", 404));
        cases.add(new Case("GET", "/api/networks/" + unknown, null, NOBODY, "unknown", 404));
        cases.add(new Case("GET", "/api/networks/" + a.network() + "/balance", null, b.coordinator(), "B's coordinator", 403));
        cases.add(new Case("GET", "/api/networks/" + a.network() + "/balance", null, a.admin(), "A's partner admin", 403));
        cases.add(new Case("GET", "/api/networks/" + unknown + "/balance", null, a.coordinator(), "unknown", 404));
        cases.add(new Case("GET", "/api/networks/" + a.network() + "/partners?status=APPLIED", null, b.coordinator(), "B's coordinator", 403));
        cases.add(new Case("GET", "/api/networks/" + unknown + "/partners", null, NOBODY, "unknown", 404));

        // Memberships: private, so foreign ones do not exist — also A's membership under B's path.
        for (String step : new String[] { "", "/activate", "/suspend", "/end" }) {
            String method = step.isEmpty() ? "GET" : "POST";
            cases.add(new Case(method, "/api/networks/" + a.network() + "/memberships/" + a.membership() + step, null, b.coordinator(), "B's coordinator", 404));
            cases.add(new Case(method, "/api/networks/" + a.network() + "/memberships/" + a.membership() + step, null, b.admin(), "B's partner admin", 404));
            cases.add(new Case(method, "/api/networks/" + b.network() + "/memberships/" + a.membership() + step, null, b.coordinator(), "A's id under B", 404));
            cases.add(new Case(method, "/api/networks/" + a.network() + "/memberships/" + unknown + step, null, a.coordinator(), "unknown", 404));
        }
        for (String step : new String[] { "/activate", "/suspend", "/end" }) {
            cases.add(new Case("POST", "/api/networks/" + a.network() + "/memberships/" + a.membership() + step, null, a.admin(), "A's own admin", 403));
        }
        cases.add(new Case("POST", "/api/networks/" + a.network() + "/memberships", "{\"partnerId\":\"" + a.partner() + "\"}", b.admin(), "B's partner admin for A's partner", 403));
        cases.add(new Case("POST", "/api/networks/" + a.network() + "/memberships", "{\"partnerId\":\"" + b.partner() + "\"}", a.admin(), "A's admin for B's partner", 403));
        cases.add(new Case("POST", "/api/networks/" + unknown + "/memberships", "{\"partnerId\":\"" + a.partner() + "\"}", a.admin(), "unknown network", 404));
        cases.add(new Case("POST", "/api/networks/" + a.network() + "/memberships", "{\"partnerId\":\"" + unknown + "\"}", a.coordinator(), "unknown partner", 404));

        // Partners: public, so a foreign partner is 403 and an unknown one 404.
        cases.add(new Case("PUT", "/api/partners/" + a.partner(), profile, b.admin(), "B's partner admin", 403));
        cases.add(new Case("PUT", "/api/partners/" + a.partner(), profile, b.coordinator(), "B's coordinator", 403));
        cases.add(new Case("PUT", "/api/partners/" + a.partner(), profile, a.staff(), "A's staff", 403));
        cases.add(new Case("PUT", "/api/partners/" + unknown, profile, a.admin(), "unknown", 404));
        cases.add(new Case("GET", "/api/partners/" + unknown, null, NOBODY, "unknown", 404));
        cases.add(new Case("GET", "/api/partners/" + unknown + "/memberships", null, NOBODY, "unknown", 404));

        // Ledger.
        cases.add(new Case("POST", "/api/partners/" + a.partner() + "/ledger/pledges", pledge, b.admin(), "B's partner admin", 403));
        cases.add(new Case("POST", "/api/partners/" + a.partner() + "/ledger/pledges", pledge, a.coordinator(), "A's coordinator", 403));
        cases.add(new Case("POST", "/api/partners/" + a.partner() + "/ledger/pledges", pledge.replace("{", "{\"networkId\":\"" + b.network() + "\","),
                a.admin(), "A's admin pledging to B", 422));
        cases.add(new Case("POST", "/api/partners/" + unknown + "/ledger/pledges", pledge, a.admin(), "unknown", 404));
        cases.add(new Case("GET", "/api/partners/" + a.partner() + "/balance", null, b.admin(), "B's partner admin", 403));
        cases.add(new Case("GET", "/api/partners/" + a.partner() + "/balance", null, b.coordinator(), "B's coordinator", 403));
        cases.add(new Case("GET", "/api/partners/" + a.partner() + "/balance", null,
                TestTokens.subject("hr").roles("hr_client").partner(a.partner()).sign(), "A's HR client", 403));
        cases.add(new Case("GET", "/api/partners/" + unknown + "/balance", null, a.coordinator(), "unknown", 404));

        // Accounts and HR clients of B's partner (a member of B only): A's coordinator is a stranger to it (issue #15).
        for (Case c : partnerObjects(b, "A's coordinator on B's partner", a.coordinator())) {
            cases.add(c);
        }
        for (Case c : partnerObjects(b, "A's partner admin on B's partner", a.admin())) {
            cases.add(c);
        }

        // Working groups: private to the network's coordinators and the people of member partners.
        String[][] reads = { { "GET", "" }, { "GET", "/meetings" }, { "GET", "/meetings/" + a.meeting() }, { "GET", "/decisions" },
                { "GET", "/decisions/" + a.decision() } };
        String[][] writes = { { "POST", "/members", "{\"partnerId\":\"" + b.partner() + "\"}" },
                { "DELETE", "/members/" + a.partner(), null },
                { "POST", "/members/" + a.partner() + "/people", "{\"subject\":\"eindringling\"}" },
                { "DELETE", "/members/" + a.partner() + "/people/someone", null },
                { "POST", "/meetings", "{\"startsAt\":\"2026-12-01T10:00:00Z\",\"place\":\"Saal\"}" },
                { "PUT", "/meetings/" + a.meeting() + "/minutes", "{\"minutes\":\"gekapert\"}" },
                { "POST", "/decisions", "{\"title\":\"gekapert\"}" },
                { "POST", "/decisions/" + a.decision() + "/votes", "{\"vote\":\"NO\"}" },
                { "POST", "/decisions/" + a.decision() + "/close", null } };
        List<String[]> all = new ArrayList<>();
        for (String[] r : reads) {
            all.add(new String[] { r[0], r[1], null });
        }
        all.addAll(List.of(writes));
        for (String[] r : all) {
            cases.add(new Case(r[0], wg + r[1], r[2], b.coordinator(), "B's coordinator", 404));
            cases.add(new Case(r[0], wg + r[1], r[2], b.admin(), "B's partner admin", 404));
            cases.add(new Case(r[0], wg + r[1], r[2], b.staff(), "B's staff", 404));
            cases.add(new Case(r[0], "/api/working-groups/" + unknown + r[1], r[2], a.coordinator(), "unknown group", 404));
        }
        // A's sub-objects under B's group (B's coordinator sees B's group, not A's meeting or decision).
        String wgb = "/api/working-groups/" + b.group();
        cases.add(new Case("GET", wgb + "/meetings/" + a.meeting(), null, b.coordinator(), "A's meeting under B", 404));
        cases.add(new Case("PUT", wgb + "/meetings/" + a.meeting() + "/minutes", "{\"minutes\":\"x\"}", b.coordinator(), "A's meeting under B", 404));
        cases.add(new Case("GET", wgb + "/decisions/" + a.decision(), null, b.coordinator(), "A's decision under B", 404));
        cases.add(new Case("POST", wgb + "/decisions/" + a.decision() + "/votes", "{\"vote\":\"NO\"}", b.staff(), "A's decision under B", 404));
        cases.add(new Case("POST", wgb + "/decisions/" + a.decision() + "/close", null, b.coordinator(), "A's decision under B", 404));
        cases.add(new Case("POST", wgb + "/decisions", "{\"title\":\"x\",\"meetingId\":\"" + a.meeting() + "\"}", b.coordinator(), "A's meeting in B's motion", 422));
        cases.add(new Case("POST", wgb + "/members", "{\"partnerId\":\"" + a.partner() + "\"}", b.coordinator(), "A's partner into B's group", 422));
        cases.add(new Case("POST", "/api/working-groups", "{\"networkId\":\"" + a.network() + "\",\"kind\":\"WORKING_GROUP\",\"name\":\"x\","
                + "\"quorum\":{\"kind\":\"COUNT\",\"value\":1},\"majority\":\"SIMPLE\"}", b.coordinator(), "B's coordinator forming in A", 403));
        // Member people read but do not manage.
        for (String[] w : writes) {
            if (!w[1].contains("/votes") && !(w[0].equals("DELETE") && w[1].equals("/members/" + a.partner()))) {
                cases.add(new Case(w[0], wg + w[1], w[2], a.staff(), "A's staff managing", 403));
            }
        }

        long outbox = count("select count(*) from outbox_event");
        long rows = count("select (select count(*) from working_group_member) + (select count(*) from working_group_person)"
                + " + (select count(*) from working_group_meeting) + (select count(*) from working_group_decision)"
                + " + (select count(*) from working_group_vote) + (select count(*) from ledger_entry) + (select count(*) from membership_history)");
        String minutesBefore = jdbc.queryForObject("select coalesce(minutes, '-') from working_group_meeting where id = ?", String.class, a.meeting());

        long identity = identityRows();
        List<String> wrong = unexpected(cases);
        assertThat(wrong).as("%d cases", cases.size()).isEmpty();
        assertThat(identityRows()).as("no account or HR client written by a denied request").isEqualTo(identity);
        assertThat(cases.size()).isGreaterThan(100);
        assertThat(count("select count(*) from outbox_event")).as("no event from a denied request").isEqualTo(outbox);
        assertThat(count("select (select count(*) from working_group_member) + (select count(*) from working_group_person)"
                + " + (select count(*) from working_group_meeting) + (select count(*) from working_group_decision)"
                + " + (select count(*) from working_group_vote) + (select count(*) from ledger_entry) + (select count(*) from membership_history)"))
                .as("no row from a denied request").isEqualTo(rows);
        assertThat(jdbc.queryForObject("select coalesce(minutes, '-') from working_group_meeting where id = ?", String.class, a.meeting())).isEqualTo(minutesBefore);
    }

    @Test
    void the_owners_get_through_and_strangers_see_only_public_data() {
        // Controls of the matrix: the same paths answer the rightful callers, so the denials above are not accidents.
        assertThat(api().send("GET", "/api/networks/" + a.network() + "/balance", a.coordinator(), null).statusCode()).isEqualTo(200);
        assertThat(api().send("GET", "/api/networks/" + a.network() + "/memberships/" + a.membership(), a.coordinator(), null).statusCode()).isEqualTo(200);
        assertThat(api().send("GET", "/api/networks/" + a.network() + "/memberships/" + a.membership(), a.staff(), null).statusCode()).isEqualTo(200);
        assertThat(api().send("GET", "/api/partners/" + a.partner() + "/balance", a.staff(), null).statusCode()).isEqualTo(200);
        for (String sub : new String[] { "", "/meetings", "/meetings/" + a.meeting(), "/decisions", "/decisions/" + a.decision() }) {
            assertThat(api().send("GET", "/api/working-groups/" + a.group() + sub, a.staff(), null).statusCode()).as(sub).isEqualTo(200);
            assertThat(api().send("GET", "/api/working-groups/" + a.group() + sub, a.coordinator(), null).statusCode()).as(sub).isEqualTo(200);
        }
        // Public data: a partner without its contact persons, a network, active memberships.
        var stranger = json(api().send("GET", "/api/partners/" + a.partner(), b.coordinator(), null));
        assertThat(stranger.has("contacts")).isFalse();
        assertThat(json(api().send("GET", "/api/partners/" + a.partner(), a.coordinator(), null)).get("contacts").size()).isEqualTo(1);
        assertThat(api().send("GET", "/api/networks/" + a.network(), null, null).statusCode()).isEqualTo(200);
        assertThat(json(api().send("GET", "/api/partners/" + a.partner() + "/memberships", null, null)).size()).isEqualTo(1);
        assertThat(json(api().send("GET", "/api/networks/" + a.network() + "/partners", null, null)).get("total").asInt()).isEqualTo(1);
    }

    /** Every endpoint on a partner's accounts and HR clients, each expected to be refused (403) for this caller. */
    static List<Case> partnerObjects(Side owner, String who, String token) {
        String accounts = "/api/partners/" + owner.partner() + "/accounts";
        String clients = "/api/partners/" + owner.partner() + "/integration-clients";
        String newAdmin = "{\"username\":\"kapern-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"roles\":[\"PARTNER_ADMIN\"]}";
        return List.of(new Case("POST", accounts, newAdmin, token, who, 403),
                new Case("GET", accounts, null, token, who, 403),
                new Case("GET", accounts + "/" + owner.adminAccount(), null, token, who, 403),
                new Case("PUT", accounts + "/" + owner.adminAccount() + "/roles", "{\"roles\":[\"PARTNER_STAFF\"]}", token, who, 403),
                new Case("DELETE", accounts + "/" + owner.adminAccount(), null, token, who, 403),
                new Case("POST", clients, "{\"name\":\"Kaperbrief\"}", token, who, 403),
                new Case("GET", clients, null, token, who, 403),
                new Case("GET", clients + "/" + owner.hrClient(), null, token, who, 403),
                new Case("POST", clients + "/" + owner.hrClient() + "/rotate", null, token, who, 403),
                new Case("DELETE", clients + "/" + owner.hrClient(), null, token, who, 403));
    }

    /** Sends the cases and lists every answer that is not the expected problem. */
    List<String> unexpected(List<Case> cases) {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            var r = c.method().equals("PUT") ? api().sendIfMatch("PUT", c.path(), c.token(), c.path().contains("/minutes") ? a.meetingEtag() : "\"0\"",
                    c.body() == null ? "" : c.body()) : api().send(c.method(), c.path(), c.token(), c.body());
            boolean problem = r.headers().firstValue("Content-Type").map(t -> t.startsWith("application/problem+json")).orElse(false);
            if (r.statusCode() != c.expected() || !problem) {
                wrong.add(c.method() + " " + c.path() + " as " + c.who() + ": expected " + c.expected() + " problem, got " + r.statusCode() + " " + r.body());
            }
        }
        return wrong;
    }

    long identityRows() {
        return count("select (select count(*) from account) + (select count(*) from account where enabled)"
                + " + (select coalesce(sum(version), 0) from account) + (select count(*) from integration_client)"
                + " + (select count(*) from integration_client where revoked_at is not null)");
    }

    @Test
    void a_coordinator_cannot_take_over_a_partner_of_another_network() {
        // A "Heilbronn" coordinator and a company that is a member of "Ems-Achse" (B) only, with its own administrator.
        String path = "/api/networks/" + a.network() + "/memberships";
        long identity = identityRows();
        String secretBefore = jdbc.queryForObject("select secret_hash from integration_client where client_id = ?", String.class, b.hrClient());

        // He may invite it — an invitation, not a membership: he cannot admit it himself, and sees none of its people.
        var invited = api().send("POST", path, a.coordinator(), "{\"partnerId\":\"" + b.partner() + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(json(invited).get("status").asString()).isEqualTo("INVITED");
        UUID m = Api.id(invited);
        assertThat(api().send("POST", path + "/" + m + "/activate", a.coordinator(), null).statusCode()).isEqualTo(409);
        assertThat(api().send("POST", path + "/" + m + "/accept", a.coordinator(), null).statusCode()).isEqualTo(403);
        assertThat(json(api().send("GET", "/api/partners/" + b.partner(), a.coordinator(), null)).has("contacts")).isFalse();
        assertThat(unexpected(partnerObjects(b, "A's coordinator, B's partner invited", a.coordinator()))).isEmpty();

        // Once B's partner itself accepted, A's coordinator sees its contact persons — and still cannot act for it.
        assertThat(api().send("POST", path + "/" + m + "/accept", b.admin(), null).statusCode()).isEqualTo(200);
        try {
            assertThat(json(api().send("GET", "/api/partners/" + b.partner(), a.coordinator(), null)).get("contacts").size()).isEqualTo(1);
            List<Case> managing = new ArrayList<>(partnerObjects(b, "A's coordinator, B's partner a member of A", a.coordinator()));
            managing.removeIf(c -> c.method().equals("GET") && c.path().contains("/accounts")); // he may read the accounts
            managing.addAll(partnerObjects(b, "B's own coordinator", b.coordinator()).stream()
                    .filter(c -> !(c.method().equals("GET") && c.path().contains("/accounts"))).toList());
            assertThat(unexpected(managing)).isEmpty();
        } finally {
            assertThat(api().send("POST", path + "/" + m + "/end", a.coordinator(), null).statusCode()).isEqualTo(200);
        }
        assertThat(identityRows()).as("no account or HR client written by a denied request").isEqualTo(identity);
        assertThat(jdbc.queryForObject("select secret_hash from integration_client where client_id = ?", String.class, b.hrClient()))
                .isEqualTo(secretBefore);
    }

    @Test
    void an_applied_partner_shows_no_contact_persons_to_the_coordinator() {
        var p = api().send("POST", "/api/partners", b.coordinator(), "{\"name\":\"Bewerber " + UUID.randomUUID()
                + "\",\"kind\":\"COMPANY\",\"contacts\":[{\"name\":\"Otto Privat\",\"businessRole\":\"Personal\",\"email\":\"otto@example.org\"}]}");
        assertThat(p.statusCode()).as(p.body()).isEqualTo(201);
        UUID partner = Api.id(p);
        var applied = api().send("POST", "/api/networks/" + a.network() + "/memberships", partnerAdmin("x", partner), "{\"partnerId\":\"" + partner + "\"}");
        assertThat(json(applied).get("status").asString()).isEqualTo("APPLIED");
        assertThat(json(api().send("GET", "/api/partners/" + partner, a.coordinator(), null)).has("contacts")).isFalse();
        assertThat(json(api().send("GET", "/api/partners/" + partner, partnerAdmin("x", partner), null)).get("contacts").size()).isEqualTo(1);
        assertThat(api().send("POST", "/api/networks/" + a.network() + "/memberships/" + Api.id(applied) + "/end", a.coordinator(), null).statusCode()).isEqualTo(200);
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
