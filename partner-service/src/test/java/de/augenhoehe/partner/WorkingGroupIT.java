package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/** Working groups and the expert circle: members, meetings with minutes, decisions with one vote per member partner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class WorkingGroupIT extends InOneNetwork {

    static final String GROUPS = "/api/working-groups";

    UUID form(String body) {
        var r = api().send("POST", GROUPS, coordinator, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.id(r);
    }

    String group(String name, String quorum, String majority) {
        return "{\"networkId\":\"" + network + "\",\"kind\":\"WORKING_GROUP\",\"name\":\"" + name + "\",\"topics\":[\"Ausbildung\",\"Migration\"],"
                + "\"quorum\":" + quorum + ",\"majority\":\"" + majority + "\"}";
    }

    void join(UUID group, UUID partner, String... people) {
        String list = String.join(",", Arrays.stream(people).map(p -> "\"" + p + "\"").toList());
        var r = api().send("POST", GROUPS + "/" + group + "/members", coordinator, "{\"partnerId\":\"" + partner + "\",\"people\":[" + list + "]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static String staff(UUID partner) {
        return TestTokens.subject("staff-" + partner).roles("partner_staff").partner(partner).sign();
    }

    int vote(UUID group, UUID decision, String token, String vote) {
        return api().send("POST", GROUPS + "/" + group + "/decisions/" + decision + "/votes", token, "{\"vote\":\"" + vote + "\"}").statusCode();
    }

    UUID propose(UUID group, String extra) {
        var r = api().send("POST", GROUPS + "/" + group + "/decisions", coordinator, "{\"title\":\"Gemeinsamer Projekttag\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("status").asString()).isEqualTo("OPEN");
        return Api.id(r);
    }

    @Test
    void a_group_meets_decides_by_one_vote_per_member_partner_and_announces_only_counts() {
        UUID a = member("Alpha GmbH");
        UUID b = member("Beta Schule");
        UUID c = member("Gamma Kammer");
        UUID outsider = member("Delta Verein");
        UUID g = form(group("AG Ausbildung", "{\"kind\":\"FRACTION\",\"value\":0.5}", "TWO_THIRDS"));
        join(g, a, "person-a1", "person-a2");
        join(g, b);
        join(g, c);

        var read = json(api().send("GET", GROUPS + "/" + g, staff(a), null));
        assertThat(read.get("kind").asString()).isEqualTo("WORKING_GROUP");
        assertThat(read.get("topics").toString()).isEqualTo("[\"Ausbildung\",\"Migration\"]");
        assertThat(read.get("quorum").get("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(read.get("members").size()).isEqualTo(3);
        assertThat(read.get("members").get(0).get("people").toString()).isEqualTo("[\"person-a1\",\"person-a2\"]");

        // A meeting with agenda, then its minutes (optimistic locking).
        var meeting = api().send("POST", GROUPS + "/" + g + "/meetings", coordinator,
                "{\"startsAt\":\"2026-12-10T16:00:00+01:00\",\"place\":\"Rathaus, Saal 2\",\"agenda\":[\"Begrüßung\",\"Projekttag, Termin\"]}");
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        UUID m = Api.id(meeting);
        String etag = meeting.headers().firstValue("ETag").orElseThrow();
        String minutes = GROUPS + "/" + g + "/meetings/" + m + "/minutes";
        assertThat(api().send("PUT", minutes, coordinator, "{\"minutes\":\"x\"}").statusCode()).isEqualTo(428);
        assertThat(api().sendIfMatch("PUT", minutes, staff(a), etag, "{\"minutes\":\"x\"}").statusCode()).isEqualTo(403);
        var recorded = api().sendIfMatch("PUT", minutes, coordinator, etag, "{\"minutes\":\"Projekttag am 12. März beschlossen.\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(api().sendIfMatch("PUT", minutes, coordinator, etag, "{\"minutes\":\"überschrieben\"}").statusCode()).isEqualTo(412);
        var readMeeting = json(api().send("GET", GROUPS + "/" + g + "/meetings/" + m, staff(b), null));
        assertThat(readMeeting.get("agenda").toString()).isEqualTo("[\"Begrüßung\",\"Projekttag, Termin\"]");
        assertThat(readMeeting.get("minutes").asString()).isEqualTo("Projekttag am 12. März beschlossen.");
        assertThat(recorded.headers().firstValue("ETag").orElseThrow()).as("the body carries the version of the ETag")
                .isEqualTo("\"" + readMeeting.get("version").asLong() + "\"").isNotEqualTo(etag);

        UUID d = propose(g, ",\"motion\":\"Wir richten im März einen gemeinsamen Projekttag aus.\",\"meetingId\":\"" + m + "\"");
        assertThat(vote(g, d, staff(a), "YES")).isEqualTo(201);
        assertThat(vote(g, d, partnerAdmin("admin-b", b), "YES")).isEqualTo(201);
        assertThat(vote(g, d, staff(c), "NO")).isEqualTo(201);
        // A second vote of the same partner (by another of its people) is refused and changes nothing.
        var second = api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/votes", partnerAdmin("admin-a", a), "{\"vote\":\"NO\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).get("type").asString()).isEqualTo("urn:augenhoehe:problem:already-voted");
        // A partner outside the group does not see it; a coordinator has no partner vote.
        assertThat(vote(g, d, staff(outsider), "YES")).isEqualTo(404);
        var coordinatorVote = api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/votes", coordinator, "{\"vote\":\"YES\"}");
        assertThat(coordinatorVote.statusCode()).isEqualTo(403);
        assertThat(json(coordinatorVote).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-a-member");
        assertThat(jdbc.queryForObject("select count(*) from working_group_vote where decision_id = ?", Integer.class, d)).isEqualTo(3);

        assertThat(api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/close", staff(a), null).statusCode()).isEqualTo(403);
        var closed = api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/close", coordinator, null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode tally = json(closed).get("tally");
        assertThat(tally.get("eligible").asInt()).isEqualTo(3);
        assertThat(tally.get("yes").asInt()).isEqualTo(2);
        assertThat(tally.get("no").asInt()).isEqualTo(1);
        assertThat(tally.get("quorumMet").asBoolean()).isTrue();
        assertThat(tally.get("result").asString()).isEqualTo("ADOPTED");
        assertThat(json(closed).get("votes").size()).isEqualTo(3);
        assertThat(closed.body()).doesNotContain("staff-").doesNotContain("admin-b");
        assertThat(vote(g, d, staff(a), "NO")).isEqualTo(409);
        assertThat(api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/close", coordinator, null).statusCode()).isEqualTo(409);
        var byMember = json(api().send("GET", GROUPS + "/" + g + "/decisions/" + d, staff(c), null));
        assertThat(byMember.get("votes").findValuesAsString("vote")).containsExactlyInAnyOrder("YES", "YES", "NO");

        var events = Api.events(g.toString(), 5);
        assertThat(Api.types(events)).containsExactly("augenhoehe.partner.working-group-formed.v1",
                "augenhoehe.partner.working-group-member-joined.v1", "augenhoehe.partner.working-group-member-joined.v1",
                "augenhoehe.partner.working-group-member-joined.v1", "augenhoehe.partner.decision-taken.v1");
        assertThat(Api.map(events.get(4))).containsEntry("decisionId", d.toString()).containsEntry("result", "ADOPTED")
                .containsEntry("yes", 2).containsEntry("no", 1).containsEntry("abstentions", 0).containsEntry("eligible", 3)
                .containsEntry("meetingId", m.toString()).containsEntry("networkId", network.toString());
        assertThat(Api.map(events.get(1))).containsEntry("partnerId", a.toString()).doesNotContainKey("people");
        events.forEach(e -> assertThat(new String(e.value(), StandardCharsets.UTF_8)).doesNotContain("person-a1")
                .doesNotContain("staff-").doesNotContain("coord-"));
    }

    @Test
    void without_quorum_there_is_no_decision_and_unanimity_needs_everyone_who_votes() {
        UUID a = member("Eins GmbH");
        UUID b = member("Zwei GmbH");
        UUID c = member("Drei GmbH");
        UUID g = form(group("Expertenkreis", "{\"kind\":\"COUNT\",\"value\":2}", "UNANIMOUS").replace("WORKING_GROUP", "EXPERT_CIRCLE"));
        join(g, a);
        join(g, b);
        join(g, c);
        UUID d1 = propose(g, "");
        assertThat(vote(g, d1, staff(a), "YES")).isEqualTo(201);
        var noQuorum = json(api().send("POST", GROUPS + "/" + g + "/decisions/" + d1 + "/close", coordinator, null));
        assertThat(noQuorum.get("tally").get("result").asString()).isEqualTo("NO_QUORUM");
        assertThat(noQuorum.get("tally").get("quorumMet").asBoolean()).isFalse();

        UUID d2 = propose(g, "");
        assertThat(vote(g, d2, staff(a), "YES")).isEqualTo(201);
        assertThat(vote(g, d2, staff(b), "ABSTAIN")).isEqualTo(201);
        assertThat(vote(g, d2, staff(c), "NO")).isEqualTo(201);
        assertThat(json(api().send("POST", GROUPS + "/" + g + "/decisions/" + d2 + "/close", coordinator, null)).get("tally").get("result").asString())
                .isEqualTo("REJECTED");
        assertThat(json(api().send("GET", GROUPS + "/" + g + "/decisions", staff(b), null)).size()).isEqualTo(2);
    }

    @Test
    void a_member_suspended_in_the_network_keeps_its_seat_but_neither_votes_nor_counts() {
        UUID a = member("Aktiv GmbH");
        UUID s = member("Ruhend GmbH");
        UUID g = form(group("AG Ruhend", "{\"kind\":\"FRACTION\",\"value\":1}", "SIMPLE"));
        join(g, a);
        join(g, s);
        UUID d = propose(g, "");
        UUID membership = jdbc.queryForObject("select id from membership where partner_id = ? and network_id = ?", UUID.class, s, network);
        assertThat(api().send("POST", "/api/networks/" + network + "/memberships/" + membership + "/suspend", coordinator, null).statusCode()).isEqualTo(200);
        var refused = api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/votes", staff(s), "{\"vote\":\"NO\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-an-active-member");
        assertThat(vote(g, d, staff(a), "YES")).isEqualTo(201);
        var tally = json(api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/close", coordinator, null)).get("tally");
        // Quorum "all" is met by the one partner that may vote: the suspended one is not eligible.
        assertThat(tally.get("eligible").asInt()).isEqualTo(1);
        assertThat(tally.get("result").asString()).isEqualTo("ADOPTED");
    }

    @Test
    void concurrent_votes_of_one_partner_leave_exactly_one() throws Exception {
        UUID a = member("Parallel GmbH");
        UUID b = member("Parallel Zwei GmbH");
        UUID g = form(group("AG Parallel", "{\"kind\":\"FRACTION\",\"value\":1}", "SIMPLE"));
        join(g, a);
        join(g, b);
        UUID d = propose(g, "");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = TestTokens.subject("p" + i).roles("partner_staff").partner(a).sign();
            calls.add(() -> vote(g, d, token, "YES"));
        }
        calls.add(() -> api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/close", coordinator, null).statusCode());
        List<Integer> codes = parallel(calls);
        assertThat(codes.subList(0, 8).stream().filter(c -> c == 201).count()).isLessThanOrEqualTo(1);
        assertThat(codes.subList(0, 8)).allSatisfy(c -> assertThat(c).isIn(201, 409));
        assertThat(codes.get(8)).isEqualTo(200);
        int stored = jdbc.queryForObject("select count(*) from working_group_vote where decision_id = ?", Integer.class, d);
        assertThat(stored).isEqualTo((int) codes.subList(0, 8).stream().filter(c -> c == 201).count());
        // The recorded tally agrees with the votes stored: a vote never slips in after the count.
        assertThat(jdbc.queryForObject("select yes_votes from working_group_decision where id = ?", Integer.class, d)).isEqualTo(stored);
        assertThat(jdbc.queryForObject("select result from working_group_decision where id = ?", String.class, d)).isEqualTo("NO_QUORUM");
    }

    @Test
    void only_coordinators_manage_members_read_and_everyone_else_finds_nothing() {
        UUID a = member("Lesend GmbH");
        UUID b = member("Fremd GmbH");
        UUID g = form(group("AG Sichtbarkeit", "{\"kind\":\"FRACTION\",\"value\":0.5}", "SIMPLE"));
        join(g, a, "person-1");
        String path = GROUPS + "/" + g;
        String foreignCoordinator = coordinator("other", UUID.randomUUID());
        for (String sub : new String[] { "", "/meetings", "/decisions" }) {
            assertThat(api().send("GET", path + sub, null, null).statusCode()).as(sub).isEqualTo(401);
            assertThat(api().send("GET", path + sub, foreignCoordinator, null).statusCode()).as(sub).isEqualTo(404);
            assertThat(api().send("GET", path + sub, staff(b), null).statusCode()).as(sub).isEqualTo(404);
            assertThat(api().send("GET", path + sub, staff(a), null).statusCode()).as(sub).isEqualTo(200);
            assertThat(api().send("GET", path + sub, coordinator, null).statusCode()).as(sub).isEqualTo(200);
            assertThat(api().send("GET", GROUPS + "/" + UUID.randomUUID() + sub, coordinator, null).statusCode()).as(sub).isEqualTo(404);
        }
        String joinB = "{\"partnerId\":\"" + b + "\"}";
        assertThat(api().send("POST", path + "/members", staff(a), joinB).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", path + "/members", partnerAdmin("adm", b), joinB).statusCode()).isEqualTo(404);
        assertThat(api().send("POST", path + "/meetings", staff(a), "{\"startsAt\":\"2026-12-10T16:00:00Z\",\"place\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(api().send("POST", path + "/decisions", staff(a), "{\"title\":\"x\"}").statusCode()).isEqualTo(403);

        // The list shows what each caller may see.
        assertThat(json(api().send("GET", GROUPS, staff(a), null)).findValuesAsString("id")).containsExactly(g.toString());
        assertThat(json(api().send("GET", GROUPS, staff(b), null)).size()).isZero();
        assertThat(json(api().send("GET", GROUPS + "?networkId=" + network, coordinator, null)).findValuesAsString("id")).containsExactly(g.toString());
        assertThat(json(api().send("GET", GROUPS, foreignCoordinator, null)).size()).isZero();

        // A partner's administrator may leave; then its people find nothing any more.
        assertThat(api().send("DELETE", path + "/members/" + a, staff(a), null).statusCode()).isEqualTo(403);
        assertThat(api().send("DELETE", path + "/members/" + a, partnerAdmin("adm-a", a), null).statusCode()).isEqualTo(204);
        assertThat(api().send("GET", path, staff(a), null).statusCode()).isEqualTo(404);
        assertThat(api().send("DELETE", path + "/members/" + a, coordinator, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from working_group_person where group_id = ?", Integer.class, g)).isZero();
        var events = Api.events(g.toString(), 3);
        assertThat(Api.types(events)).endsWith("augenhoehe.partner.working-group-member-left.v1");
        // And join again later.
        join(g, a);
    }

    @Test
    void bad_input_is_refused_as_problems_and_nothing_is_written() {
        UUID a = member("Mitglied GmbH");
        UUID stranger = partner("Nichtmitglied GmbH");
        int before = jdbc.queryForObject("select count(*) from working_group", Integer.class);
        String[] bad = {
                group("X", "{\"kind\":\"FRACTION\",\"value\":1.5}", "SIMPLE"),
                group("X", "{\"kind\":\"FRACTION\",\"value\":0}", "SIMPLE"),
                group("X", "{\"kind\":\"COUNT\",\"value\":2.5}", "SIMPLE"),
                group("X", "{\"kind\":\"COUNT\",\"value\":1000}", "SIMPLE"),
                group("X", "{\"kind\":\"PERCENT\",\"value\":50}", "SIMPLE"),
                group("X", "{\"kind\":\"COUNT\",\"value\":2}", "MOST"),
                group("X", "{\"kind\":\"COUNT\",\"value\":2}", "SIMPLE").replace("WORKING_GROUP", "COMMITTEE"),
                group("", "{\"kind\":\"COUNT\",\"value\":2}", "SIMPLE"),
                group("X", "{\"kind\":\"COUNT\",\"value\":2}", "SIMPLE").replace(",\"majority\":\"SIMPLE\"", ""),
                group("X", "{\"kind\":\"COUNT\",\"value\":2}", "SIMPLE").replace("{\"networkId", "{\"chair\":\"me\",\"networkId"),
                "{\"networkId\":\"not-a-uuid\"}",
                "not json" };
        for (String body : bad) {
            var r = api().send("POST", GROUPS, coordinator, body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        }
        String ok = group("AG Eingabe", "{\"kind\":\"COUNT\",\"value\":2}", "SIMPLE");
        assertThat(api().send("POST", GROUPS, coordinator("other", UUID.randomUUID()), ok).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", GROUPS, partnerAdmin("a", a), ok).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", GROUPS, coordinator, ok.replace(network.toString(), UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from working_group", Integer.class)).isEqualTo(before);

        UUID g = form(ok);
        assertThat(api().send("POST", GROUPS, coordinator, ok.replace("AG Eingabe", "ag eingabe")).statusCode()).isEqualTo(409);
        String members = GROUPS + "/" + g + "/members";
        var notMember = api().send("POST", members, coordinator, "{\"partnerId\":\"" + stranger + "\"}");
        assertThat(notMember.statusCode()).isEqualTo(422);
        assertThat(json(notMember).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-a-network-member");
        assertThat(api().send("POST", members, coordinator, "{\"partnerId\":\"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(422);
        assertThat(api().send("POST", members, coordinator, "{\"partnerId\":\"" + a + "\",\"people\":[\"has space\"]}").statusCode()).isEqualTo(400);
        join(g, a);
        assertThat(api().send("POST", members, coordinator, "{\"partnerId\":\"" + a + "\"}").statusCode()).isEqualTo(409);
        assertThat(api().send("POST", GROUPS + "/" + g + "/decisions", coordinator, "{\"title\":\"x\",\"meetingId\":\"" + UUID.randomUUID() + "\"}").statusCode())
                .isEqualTo(422);
        assertThat(api().send("POST", GROUPS + "/" + g + "/meetings", coordinator, "{\"startsAt\":\"morgen\",\"place\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(api().send("POST", GROUPS + "/" + g + "/meetings", coordinator, "{\"startsAt\":\"+300000-01-01T00:00:00Z\",\"place\":\"x\"}").statusCode())
                .isEqualTo(422);
        UUID d = propose(g, "");
        assertThat(api().send("POST", GROUPS + "/" + g + "/decisions/" + d + "/votes", staff(a), "{\"vote\":\"MAYBE\"}").statusCode()).isEqualTo(400);
        assertThat(vote(g, UUID.randomUUID(), staff(a), "YES")).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from working_group_vote where partner_id = ?", Integer.class, a)).isZero();
    }

    static List<Integer> parallel(List<Callable<Integer>> calls) throws Exception {
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            var start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }
}
