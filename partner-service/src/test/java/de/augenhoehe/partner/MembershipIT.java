package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/** Memberships partner ↔ network: the lifecycle, its history, who may take which step, and the events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class MembershipIT extends InOneNetwork {

    @Override
    String[] region() {
        return new String[] { "08121", "08125" };
    }

    UUID partner(String name, String kind) {
        var r = api().send("POST", "/api/partners", coordinator, "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.id(r);
    }

    String memberships() {
        return "/api/networks/" + network + "/memberships";
    }

    UUID apply(UUID partner, String token) {
        var r = api().send("POST", memberships(), token, "{\"partnerId\":\"" + partner + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.id(r);
    }

    int step(UUID membership, String action, String token) {
        return api().send("POST", memberships() + "/" + membership + "/" + action, token, null).statusCode();
    }

    @Test
    void a_networks_memberships_are_listed_paged_to_its_coordinators_and_to_a_partner_its_own() {
        UUID first = partner("Liste Eins GmbH", "COMPANY");
        UUID second = partner("Liste Zwei GmbH", "COMPANY");
        UUID m1 = apply(first, partnerAdmin("l1", first));
        apply(second, partnerAdmin("l2", second));
        assertThat(step(m1, "activate", coordinator)).isEqualTo(200);

        // #16: this answered 405
        var all = json(api().send("GET", memberships() + "?size=100", coordinator, null));
        assertThat(all.get("items").valueStream().map(i -> i.get("partnerId").asString())).contains(first.toString(), second.toString());
        assertThat(all.get("total").asLong()).isEqualTo(all.get("items").size());
        var active = json(api().send("GET", memberships() + "?status=ACTIVE&size=100", coordinator, null));
        assertThat(active.get("items").valueStream().map(i -> i.get("status").asString())).containsOnly("ACTIVE");
        var page = json(api().send("GET", memberships() + "?size=1&page=0", coordinator, null));
        assertThat(page.get("items").size()).isEqualTo(1);
        var own = json(api().send("GET", memberships(), partnerAdmin("l2", second), null));
        assertThat(own.get("items").valueStream().map(i -> i.get("partnerId").asString())).containsExactly(second.toString());
        assertThat(api().send("GET", memberships(), null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("GET", memberships(), coordinator("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", "/api/networks/" + UUID.randomUUID() + "/memberships", coordinator, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", memberships() + "?size=0", coordinator, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", memberships() + "?status=GOLD", coordinator, null).statusCode()).isEqualTo(400);
    }

    @Test
    void a_partner_applies_is_admitted_suspended_readmitted_and_leaves_with_full_history_and_events() {
        UUID company = partner("Lebenszyklus GmbH", "COMPANY");
        UUID m = apply(company, partnerAdmin("hr-admin-7", company));
        assertThat(step(m, "activate", coordinator)).isEqualTo(200);
        assertThat(step(m, "suspend", coordinator)).isEqualTo(200);
        assertThat(step(m, "activate", coordinator)).isEqualTo(200);
        assertThat(step(m, "end", coordinator)).isEqualTo(200);

        var read = json(api().send("GET", memberships() + "/" + m, coordinator, null));
        assertThat(read.get("status").asString()).isEqualTo("ENDED");
        assertThat(read.get("endedAt").isNull()).isFalse();
        assertThat(read.get("history").size()).isEqualTo(5);
        assertThat(read.get("history").get(0).get("by").asString()).isEqualTo("hr-admin-7");
        assertThat(read.get("history").get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.get("history").get(4).get("by").asString()).isEqualTo("coord-" + network);

        var events = Api.events(company.toString(), 6);
        assertThat(Api.types(events)).containsExactly("augenhoehe.partner.registered.v1",
                "augenhoehe.partner.membership-applied.v1", "augenhoehe.partner.membership-activated.v1",
                "augenhoehe.partner.membership-suspended.v1", "augenhoehe.partner.membership-activated.v1",
                "augenhoehe.partner.membership-ended.v1");
        assertThat(Api.map(events.get(1))).containsEntry("networkId", network.toString()).containsEntry("partnerKind", "COMPANY")
                .containsEntry("membershipId", m.toString()).containsEntry("status", "APPLIED");
        events.forEach(e -> assertThat(new String(e.value())).doesNotContain("hr-admin-7").doesNotContain("coord-"));

        // ended is final, but the partner may apply again; and it may be in another network at the same time
        assertThat(step(m, "activate", coordinator)).isEqualTo(409);
        apply(company, partnerAdmin("hr-admin-7", company));
        var other = api().send("POST", "/api/networks", coordinator("founder"),
                "{\"name\":\"Zweitnetz " + company + "\",\"region\":[\"03454\"],\"legalForm\":\"REGISTERED_ASSOCIATION\"}");
        var second = api().send("POST", "/api/networks/" + Api.id(other) + "/memberships", partnerAdmin("a", company),
                "{\"partnerId\":\"" + company + "\"}");
        assertThat(second.statusCode()).isEqualTo(201);
    }

    @Test
    void a_coordinator_gives_reasons_for_suspending_and_ending_kept_in_the_history_and_never_in_events() {
        UUID charity = partner("Begründet e.V.", "CHARITY");
        UUID m = apply(charity, partnerAdmin("b", charity));
        assertThat(step(m, "activate", coordinator)).isEqualTo(200);
        int history = count("select count(*) from membership_history");
        var tooLong = api().send("POST", memberships() + "/" + m + "/suspend", coordinator, "{\"reason\":\"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        var markup = api().send("POST", memberships() + "/" + m + "/suspend", coordinator, "{\"reason\":\"<b>nein</b>\"}");
        assertThat(markup.statusCode()).as(markup.body()).isEqualTo(400);
        assertThat(count("select count(*) from membership_history")).isEqualTo(history);

        var suspended = api().send("POST", memberships() + "/" + m + "/suspend", coordinator, "{\"reason\":\"  Beitrag 2026 offen  \"}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(json(suspended).get("history").get(2).get("reason").asString()).isEqualTo("Beitrag 2026 offen");
        assertThat(step(m, "activate", coordinator)).isEqualTo(200);
        var ended = api().send("POST", memberships() + "/" + m + "/end", coordinator, "{\"reason\":\"   \"}");
        assertThat(ended.statusCode()).isEqualTo(200);

        var own = json(api().send("GET", memberships() + "/" + m, partnerAdmin("b", charity), null)).get("history");
        assertThat(own.get(2).get("reason").asString()).isEqualTo("Beitrag 2026 offen");
        assertThat(own.get(3).has("reason")).isFalse();
        assertThat(own.get(4).has("reason")).as("a blank reason is none").isFalse();
        Api.events(charity.toString(), 6).forEach(e -> assertThat(new String(e.value())).doesNotContain("Beitrag"));
    }

    @Test
    void illegal_steps_and_duplicates_are_conflicts_that_change_nothing() {
        UUID school = partner("Konfliktschule", "SCHOOL");
        UUID m = apply(school, partnerAdmin("a", school));
        int history = count("select count(*) from membership_history");
        int events = count("select count(*) from outbox_event");
        var suspendApplied = api().send("POST", memberships() + "/" + m + "/suspend", coordinator, null);
        assertThat(suspendApplied.statusCode()).isEqualTo(409);
        assertThat(suspendApplied.body()).contains("urn:augenhoehe:problem:illegal-membership-transition");
        var duplicate = api().send("POST", memberships(), partnerAdmin("a", school), "{\"partnerId\":\"" + school + "\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("urn:augenhoehe:problem:membership-exists");
        assertThat(step(m, "end", coordinator)).isEqualTo(200);
        assertThat(step(m, "end", coordinator)).isEqualTo(409);
        assertThat(step(m, "suspend", coordinator)).isEqualTo(409);
        assertThat(count("select count(*) from membership_history")).isEqualTo(history + 1);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events + 1);
        assertThat(json(api().send("GET", memberships() + "/" + m, coordinator, null)).get("status").asString()).isEqualTo("ENDED");
    }

    @Test
    void concurrent_applications_and_steps_leave_one_winner() throws Exception {
        UUID provider = partner("Parallel Bildung gGmbH", "EDUCATION_PROVIDER");
        String body = "{\"partnerId\":\"" + provider + "\"}";
        var applications = parallel(() -> api().send("POST", memberships(), partnerAdmin("a", provider), body).statusCode());
        assertThat(applications).containsExactlyInAnyOrder(201, 409);
        UUID m = jdbc.queryForObject("select id from membership where partner_id = ?", UUID.class, provider);
        assertThat(parallel(() -> step(m, "activate", coordinator))).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from membership_history where membership_id = ?", Integer.class, m)).isEqualTo(2);
    }

    static List<Integer> parallel(Callable<Integer> request) throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            var start = new CountDownLatch(1);
            Callable<Integer> gated = () -> {
                start.await();
                return request.call();
            };
            var a = pool.submit(gated);
            var b = pool.submit(gated);
            start.countDown();
            return List.of(a.get(), b.get());
        }
    }

    @Test
    void who_may_apply() {
        UUID charity = partner("Bewerbungshilfe e.V.", "CHARITY");
        String body = "{\"partnerId\":\"" + charity + "\"}";
        assertThat(api().send("POST", memberships(), null, body).statusCode()).isEqualTo(401);
        assertThat(api().send("POST", memberships(), partnerAdmin("other", UUID.randomUUID()), body).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", memberships(), TestTokens.subject("s").roles("partner_staff").partner(charity).sign(), body)
                .statusCode()).isEqualTo(403);
        assertThat(api().send("POST", memberships(), coordinator("foreign", UUID.randomUUID()), body).statusCode()).isEqualTo(403);
        UUID unknown = UUID.randomUUID();
        assertThat(api().send("POST", "/api/networks/" + unknown + "/memberships", coordinator("c", unknown), body).statusCode()).isEqualTo(404);
        assertThat(api().send("POST", memberships(), coordinator, "{\"partnerId\":\"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);
        assertThat(inNetwork("select count(*) from membership where network_id = ?")).isZero();
    }

    @Test
    void who_may_see_a_membership_and_take_steps() {
        UUID union = partner("Gewerkschaft Test", "UNION");
        UUID m = apply(union, partnerAdmin("own", union));
        String path = memberships() + "/" + m;
        String foreignCoordinator = coordinator("foreign", UUID.randomUUID());
        String otherAdmin = partnerAdmin("other", UUID.randomUUID());
        // not public: strangers get 404, the partner's own people and the network's coordinators see it
        assertThat(api().send("GET", path, null, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", path, foreignCoordinator, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", path, otherAdmin, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", path, TestTokens.subject("s").roles("partner_staff").partner(union).sign(), null).statusCode()).isEqualTo(200);
        assertThat(api().send("GET", path, coordinator, null).statusCode()).isEqualTo(200);
        UUID otherNetwork = UUID.randomUUID();
        assertThat(api().send("GET", "/api/networks/" + otherNetwork + "/memberships/" + m, coordinator("c", otherNetwork), null).statusCode()).isEqualTo(404);
        for (String action : new String[] {"activate", "suspend", "end"}) {
            assertThat(step(m, action, null)).as(action).isEqualTo(401);
            assertThat(step(m, action, foreignCoordinator)).as(action).isEqualTo(404);
            assertThat(step(m, action, otherAdmin)).as(action).isEqualTo(404);
            assertThat(step(m, action, partnerAdmin("own", union))).as(action).isEqualTo(403);
            assertThat(step(UUID.randomUUID(), action, coordinator)).as(action).isEqualTo(404);
        }
        assertThat(json(api().send("GET", path, coordinator, null)).get("status").asString()).isEqualTo("APPLIED");
        assertThat(jdbc.queryForObject("select count(*) from membership_history where membership_id = ?", Integer.class, m)).isEqualTo(1);
    }

    @Test
    void a_coordinator_invites_and_only_the_partners_administrator_makes_it_a_member() {
        UUID company = partner("Eingeladen GmbH", "COMPANY");
        var invited = api().send("POST", memberships(), coordinator, "{\"partnerId\":\"" + company + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(json(invited).get("status").asString()).isEqualTo("INVITED");
        UUID m = Api.id(invited);
        int events = count("select count(*) from outbox_event");

        // the coordinator alone cannot admit an invited partner, nor can other people of the platform accept for it
        var selfAdmitted = api().send("POST", memberships() + "/" + m + "/activate", coordinator, null);
        assertThat(selfAdmitted.statusCode()).isEqualTo(409);
        assertThat(selfAdmitted.body()).contains("urn:augenhoehe:problem:illegal-membership-transition");
        assertThat(step(m, "accept", coordinator)).isEqualTo(403);
        assertThat(step(m, "accept", coordinator("c2", network))).isEqualTo(403);
        assertThat(step(m, "accept", TestTokens.subject("s").roles("partner_staff").partner(company).sign())).isEqualTo(403);
        assertThat(step(m, "accept", partnerAdmin("other", UUID.randomUUID()))).isEqualTo(404);
        assertThat(step(m, "accept", null)).isEqualTo(401);
        assertThat(json(api().send("GET", memberships() + "/" + m, coordinator, null)).get("status").asString()).isEqualTo("INVITED");
        assertThat(count("select count(*) from outbox_event")).as("an invitation is not announced").isEqualTo(events);

        // the partner's own administrator accepts: now it is a member, announced as activated
        assertThat(step(m, "accept", partnerAdmin("hr-admin-9", company))).isEqualTo(200);
        var read = json(api().send("GET", memberships() + "/" + m, coordinator, null));
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.get("history").get(0).get("status").asString()).isEqualTo("INVITED");
        assertThat(read.get("history").get(0).get("by").asString()).isEqualTo("coord-" + network);
        assertThat(read.get("history").get(1).get("by").asString()).isEqualTo("hr-admin-9");
        assertThat(Api.types(Api.events(company.toString(), 2))).containsExactly("augenhoehe.partner.registered.v1",
                "augenhoehe.partner.membership-activated.v1");
        assertThat(step(m, "accept", partnerAdmin("hr-admin-9", company))).isEqualTo(409);
        assertThat(step(m, "decline", partnerAdmin("hr-admin-9", company))).isEqualTo(409);

        // an application is admitted by the coordinator, never accepted by the applicant itself
        UUID school = partner("Bewerberschule", "SCHOOL");
        UUID applied = apply(school, partnerAdmin("s-admin", school));
        assertThat(step(applied, "accept", partnerAdmin("s-admin", school))).isEqualTo(409);
        assertThat(json(api().send("GET", memberships() + "/" + applied, coordinator, null)).get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void an_invitation_is_declined_by_the_partner_or_withdrawn_by_the_coordinator_without_events() {
        UUID charity = partner("Ablehnung e.V.", "CHARITY");
        UUID declined = apply(charity, coordinator);
        int events = count("select count(*) from outbox_event");
        assertThat(step(declined, "decline", coordinator)).isEqualTo(403);
        assertThat(step(declined, "decline", partnerAdmin("c-admin", charity))).isEqualTo(200);
        assertThat(json(api().send("GET", memberships() + "/" + declined, coordinator, null)).get("status").asString()).isEqualTo("ENDED");
        UUID withdrawn = apply(charity, coordinator);
        assertThat(step(withdrawn, "end", coordinator)).isEqualTo(200);
        assertThat(step(withdrawn, "accept", partnerAdmin("c-admin", charity))).isEqualTo(409);
        assertThat(count("select count(*) from outbox_event")).as("nothing was announced of either invitation").isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from membership_history where membership_id = ?", Integer.class, withdrawn)).isEqualTo(2);
    }

    @Test
    void bad_applications_are_refused_with_problems() {
        for (String bad : new String[] {"{}", "{\"partnerId\":null}"}) {
            assertThat(api().send("POST", memberships(), coordinator, bad).body()).as(bad).contains("validation-failed");
        }
        for (String malformed : new String[] {"{\"partnerId\":\"nope\"}", "{\"partnerId\":\"" + UUID.randomUUID() + "\",\"rank\":1}", "{"}) {
            var r = api().send("POST", memberships(), coordinator, malformed);
            assertThat(r.statusCode()).as(malformed).isEqualTo(400);
            assertThat(r.body()).contains("malformed-request");
        }
        assertThat(step(UUID.randomUUID(), "promote", coordinator)).isIn(404, 405);
        assertThat(inNetwork("select count(*) from membership where network_id = ?")).isZero();
    }

    @Test
    void a_networks_partners_are_listed_by_kind_kreis_status_and_name() {
        UUID company = register("{\"name\":\"Liste Metallbau GmbH\",\"kind\":\"COMPANY\",\"address\":{\"postalCode\":\"74072\",\"city\":\"Heilbronn\",\"kreis\":\"08121\"}}");
        UUID school = register("{\"name\":\"Liste Realschule\",\"kind\":\"SCHOOL\",\"address\":{\"postalCode\":\"74821\",\"city\":\"Mosbach\",\"kreis\":\"08225\"}}");
        UUID chamber = register("{\"name\":\"Liste Handwerkskammer\",\"kind\":\"CHAMBER_OF_CRAFTS\",\"address\":{\"postalCode\":\"74072\",\"city\":\"Heilbronn\",\"kreis\":\"08121\"}}");
        UUID applicant = partner("Liste Bewerber AG", "COMPANY");
        for (UUID p : new UUID[] {company, school, chamber}) {
            assertThat(step(apply(p, partnerAdmin("a", p)), "activate", coordinator)).isEqualTo(200);
        }
        apply(applicant, partnerAdmin("a", applicant));
        String base = "/api/networks/" + network + "/partners";

        var active = json(api().send("GET", base, null, null));
        assertThat(active.get("total").asLong()).isEqualTo(3);
        assertThat(active.get("items").get(0).get("partner").get("name").asString()).isEqualTo("Liste Handwerkskammer");
        assertThat(names(base + "?kind=COMPANY", null)).isEqualTo("[Liste Metallbau GmbH]");
        assertThat(names(base + "?kreis=08121", null)).isEqualTo("[Liste Handwerkskammer, Liste Metallbau GmbH]");
        assertThat(names(base + "?name=reals", null)).isEqualTo("[Liste Realschule]");
        assertThat(names(base + "?name=%25", null)).isEqualTo("[]");
        assertThat(names(base + "?size=2&page=1", null)).isEqualTo("[Liste Realschule]");
        assertThat(names(base + "?status=APPLIED", coordinator)).isEqualTo("[Liste Bewerber AG]");
        assertThat(api().send("GET", base + "?status=APPLIED", null, null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", base + "?status=APPLIED", coordinator("foreign", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", base + "?kind=KING", null, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", base + "?kreis=99999", null, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", base + "?size=500", null, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", "/api/networks/" + UUID.randomUUID() + "/partners", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_networks_coordinators_see_a_members_contact_persons_only_once_it_is_active() {
        // Deliberately changed by issue #15: an application (or an invitation) shows the coordinator no contact persons.
        UUID company = register("{\"name\":\"Kontakt GmbH\",\"kind\":\"COMPANY\",\"contacts\":[{\"name\":\"Max Privat\",\"businessRole\":\"HR\",\"email\":\"max@example.org\"}]}");
        assertThat(api().send("GET", "/api/partners/" + company, coordinator, null).body()).doesNotContain("Max Privat");
        UUID m = apply(company, partnerAdmin("a", company));
        assertThat(api().send("GET", "/api/partners/" + company, coordinator, null).body()).doesNotContain("Max Privat");
        assertThat(step(m, "activate", coordinator)).isEqualTo(200);
        assertThat(api().send("GET", "/api/partners/" + company, coordinator, null).body()).contains("Max Privat");
        assertThat(api().send("GET", "/api/partners/" + company, coordinator("foreign", UUID.randomUUID()), null).body()).doesNotContain("Max Privat");
        assertThat(api().send("GET", "/api/networks/" + network + "/partners?status=APPLIED", coordinator, null).body()).doesNotContain("Max Privat");
    }

    @Test
    void a_partners_memberships_are_public_when_active_and_complete_for_its_own_people_and_coordinators() {
        UUID agency = partner("Jobcenter Test", "JOB_CENTRE");
        UUID active = apply(agency, partnerAdmin("a", agency));
        assertThat(step(active, "activate", coordinator)).isEqualTo(200);
        var second = api().send("POST", "/api/networks", coordinator("founder"),
                "{\"name\":\"Drittnetz " + agency + "\",\"region\":[\"03454\"],\"legalForm\":\"OTHER\"}");
        UUID otherNetwork = Api.id(second);
        var applied = api().send("POST", "/api/networks/" + otherNetwork + "/memberships", partnerAdmin("a", agency),
                "{\"partnerId\":\"" + agency + "\"}");
        assertThat(applied.statusCode()).isEqualTo(201);
        String path = "/api/partners/" + agency + "/memberships";
        assertThat(json(api().send("GET", path, null, null)).size()).isEqualTo(1);
        assertThat(json(api().send("GET", path, coordinator, null)).size()).isEqualTo(1);
        assertThat(json(api().send("GET", path, coordinator("other", otherNetwork), null)).size()).isEqualTo(2);
        assertThat(json(api().send("GET", path, TestTokens.subject("s").roles("partner_staff").partner(agency).sign(), null)).size()).isEqualTo(2);
        assertThat(api().send("GET", path, null, null).body()).doesNotContain("history").doesNotContain("\"by\"");
        assertThat(api().send("GET", "/api/partners/" + UUID.randomUUID() + "/memberships", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void no_field_of_the_api_ranks_one_partner_above_another() {
        String doc = api().send("GET", "/v3/api-docs", null, null).body().toLowerCase();
        for (String ranking : new String[] {"\"rank", "\"priority", "\"weight", "\"score", "\"tier", "\"level\""}) {
            assertThat(doc).as(ranking).doesNotContain(ranking);
        }
    }

    UUID register(String body) {
        var r = api().send("POST", "/api/partners", coordinator, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.id(r);
    }

    String names(String path, String token) {
        var r = api().send("GET", path, token, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var items = json(r).get("items");
        var names = new ArrayList<String>();
        items.forEach(i -> names.add(i.get("partner").get("name").asString()));
        return names.toString();
    }

    int inNetwork(String sql) {
        return jdbc.queryForObject(sql, Integer.class, network);
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
