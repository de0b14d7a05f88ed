package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** The give-and-gain ledger: pledges, entries realised from other services' events, and the balances. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class LedgerIT extends InOneNetwork {

    static final Path MEASURE_SCHEMAS = Path.of("../measures-service/src/main/resources/contracts/events");
    static final Path VACANCY_SCHEMAS = Path.of("../vacancy-service/src/main/resources/contracts/events");
    static final String PLEDGE = "{\"category\":\"INTERNSHIP_PLACES\",\"quantity\":3,\"unit\":\"places\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"}";

    @Autowired KafkaTemplate<String, byte[]> kafka;

    String pledges(UUID partner) {
        return "/api/partners/" + partner + "/ledger/pledges";
    }

    int entries(UUID partner) {
        return jdbc.queryForObject("select count(*) from ledger_entry where partner_id = ?", Integer.class, partner);
    }

    @Test
    void a_partner_admin_pledges_a_contribution_and_the_network_hears_of_it_without_persons() {
        UUID company = member("Pledge GmbH");
        var r = api().send("POST", pledges(company), partnerAdmin("admin-pledger", company),
                "{\"networkId\":\"" + network + "\",\"category\":\"VACANCIES\",\"quantity\":2.5,\"unit\":\"vacancies\",\"from\":\"2026-02-01\",\"to\":\"2026-02-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(body.get("side").asString()).isEqualTo("GIVE");
        assertThat(body.get("origin").asString()).isEqualTo("PLEDGED");
        assertThat(body.get("networkId").asString()).isEqualTo(network.toString());
        assertThat(body.get("quantity").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(r.body()).doesNotContain("admin-pledger");
        assertThat(jdbc.queryForObject("select pledged_by from ledger_entry where partner_id = ?", String.class, company)).isEqualTo("admin-pledger");

        var events = Api.events(company.toString(), 4);
        var pledged = events.stream().filter(e -> "augenhoehe.partner.contribution-pledged.v1".equals(
                TopicRecords.header(e, "ce_type"))).toList();
        assertThat(pledged).hasSize(1);
        assertThat(Api.map(pledged.get(0))).containsEntry("partnerId", company.toString()).containsEntry("networkId", network.toString())
                .containsEntry("category", "VACANCIES").containsEntry("unit", "vacancies").containsEntry("from", "2026-02-01")
                .containsEntry("to", "2026-02-01");
        assertThat(new String(pledged.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("admin-pledger");
    }

    @Test
    void only_the_partners_own_administrator_pledges() {
        UUID company = partner("Matrix GmbH");
        String path = pledges(company);
        assertThat(api().send("POST", path, null, PLEDGE).statusCode()).isEqualTo(401);
        assertThat(api().send("POST", path, partnerAdmin("foreign", UUID.randomUUID()), PLEDGE).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", path, TestTokens.subject("staff").roles("partner_staff").partner(company).sign(), PLEDGE).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", path, coordinator, PLEDGE).statusCode()).isEqualTo(403);
        assertThat(entries(company)).isZero();
        UUID unknown = UUID.randomUUID();
        assertThat(api().send("POST", pledges(unknown), partnerAdmin("a", unknown), PLEDGE).statusCode()).isEqualTo(404);
        assertThat(api().send("POST", path, partnerAdmin("own", company), PLEDGE).statusCode()).isEqualTo(201);
    }

    @Test
    void bad_pledges_are_refused_as_problems_and_nothing_is_written() {
        UUID company = member("Bad Input GmbH");
        UUID outsider = partner("Outsider GmbH");
        String token = partnerAdmin("admin", company);
        String[] bad = {
                PLEDGE.replace("\"quantity\":3", "\"quantity\":0"),
                PLEDGE.replace("\"quantity\":3", "\"quantity\":-1"),
                PLEDGE.replace("\"quantity\":3", "\"quantity\":1.234"),
                PLEDGE.replace("\"unit\":\"places\"", "\"unit\":\" \""),
                PLEDGE.replace(",\"unit\":\"places\"", ""),
                PLEDGE.replace("2026-03-31", "2025-12-31"),
                PLEDGE.replace("2026-03-31", "2026-13-45"),
                PLEDGE.replace("INTERNSHIP_PLACES", "VACANCIES_FILLED"),
                PLEDGE.replace("INTERNSHIP_PLACES", "GOODWILL"),
                PLEDGE.replace("{", "{\"surprise\":1,"),
                PLEDGE.replace("{", "{\"networkId\":\"" + UUID.randomUUID() + "\","),
                "not json" };
        for (String body : bad) {
            var r = api().send("POST", pledges(company), token, body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        }
        var notMember = api().send("POST", pledges(outsider), partnerAdmin("o", outsider), PLEDGE.replace("{", "{\"networkId\":\"" + network + "\","));
        assertThat(notMember.statusCode()).isEqualTo(422);
        assertThat(json(notMember).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-a-member");
        assertThat(json(api().send("POST", pledges(company), token, PLEDGE.replace("INTERNSHIP_PLACES", "VACANCIES_FILLED"))).get("type").asString())
                .isEqualTo("urn:augenhoehe:problem:not-a-contribution");
        assertThat(entries(company)).isZero();
        assertThat(entries(outsider)).isZero();
    }

    @Test
    void each_consumed_event_type_makes_exactly_one_entry_even_when_redelivered() throws Exception {
        UUID sender = member("Sending Charity");
        UUID employer = member("Employer GmbH");
        UUID unknown = UUID.randomUUID();
        UUID measure = UUID.randomUUID();
        String now = Instant.now().toString();
        // Registrations credit an active member of the measure's network (#16): the ledger learns it from the publication.
        publishMeasure(measure, member("Gastgeber gGmbH"), "[]");
        String confirmed = measureData(measure, UUID.randomUUID(), sender, 2, now);
        String promoted = measureData(measure, UUID.randomUUID(), sender, 1, now);
        assertConforms(MEASURE_SCHEMAS, "augenhoehe.measures.registration-confirmed.v1", confirmed);
        assertConforms(MEASURE_SCHEMAS, "augenhoehe.measures.registration-promoted.v1", promoted);
        String c1 = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", confirmed, 2);
        String p1 = send("measure-events", measure, "augenhoehe.measures.registration-promoted.v1", promoted, 2);
        send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, UUID.randomUUID(), unknown, 1, now), 1);
        send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, UUID.randomUUID(), null, 1, now), 1);

        UUID vacancy = UUID.randomUUID();
        String published = send("vacancy-events", vacancy, "augenhoehe.vacancy.published.v1",
                "{\"vacancyId\":\"" + vacancy + "\",\"employerId\":\"" + employer + "\",\"networkIds\":[\"" + network + "\"],\"openings\":2,\"occurredAt\":\"" + now + "\",\"futureField\":true}", 2);
        String filled = send("vacancy-events", vacancy, "augenhoehe.vacancy.closed.v1",
                "{\"vacancyId\":\"" + vacancy + "\",\"employerId\":\"" + employer + "\",\"reason\":\"FILLED\"}", 2);
        send("vacancy-events", vacancy, "augenhoehe.vacancy.closed.v1",
                "{\"vacancyId\":\"" + vacancy + "\",\"employerId\":\"" + employer + "\",\"reason\":\"WITHDRAWN\"}", 1);
        UUID returnee = UUID.randomUUID();
        String hired = send("outreach-events", returnee, "augenhoehe.outreach.returnee-hired.v1",
                "{\"returneeId\":\"" + returnee + "\",\"employerId\":\"" + employer + "\",\"networkId\":\"" + network + "\",\"occurredAt\":\"" + now + "\"}", 2);
        // Markers after the duplicates on the same keys: once they are recorded, everything before them was consumed.
        String mMarker = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, UUID.randomUUID(), employer, 1, now), 1);
        UUID other = UUID.randomUUID();
        String vMarker = send("vacancy-events", other, "augenhoehe.vacancy.closed.v1",
                "{\"vacancyId\":\"" + other + "\",\"employerId\":\"" + sender + "\",\"reason\":\"FILLED\"}", 1);
        Eventually.await("all events consumed", Duration.ofSeconds(60), () -> sourceEntries(mMarker) == 1 && sourceEntries(vMarker) == 2
                && sourceEntries(hired) == 1 && consumed(published));

        for (String id : new String[] { c1, p1, hired }) {
            assertThat(sourceEntries(id)).as(id).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, id)).isEqualTo(1);
        }
        // A posting gives when it is filled: publishing makes no entry, filling a GIVE and a GAIN.
        assertThat(sourceEntries(published)).isZero();
        assertThat(sourceEntries(filled)).isEqualTo(2);
        assertThat(jdbc.queryForList("select category || ':' || side || ':' || quantity::int || ':' || coalesce(network_id::text, '-') from ledger_entry where partner_id = ? order by category",
                String.class, sender)).containsExactlyInAnyOrder("PARTICIPANTS_SENT:GAIN:2:" + network, "PARTICIPANTS_SENT:GAIN:1:" + network, "VACANCIES:GIVE:1:-",
                "VACANCIES_FILLED:GAIN:1:-");
        assertThat(jdbc.queryForList("select category || ':' || side || ':' || quantity::int || ':' || coalesce(network_id::text, '-') from ledger_entry where partner_id = ? order by category",
                String.class, employer)).containsExactlyInAnyOrder("PARTICIPANTS_SENT:GAIN:1:" + network, "RETURNEES_HIRED:GAIN:1:" + network,
                        "VACANCIES:GIVE:1:-", "VACANCIES_FILLED:GAIN:1:-");
        assertThat(entries(unknown)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where origin = 'REALISED' and source_event_type = 'augenhoehe.vacancy.closed.v1' and partner_id = ?",
                Integer.class, employer)).isEqualTo(2);

        // The second guard: the unique index refuses a second entry of one source event for one partner.
        assertThatThrownBy(() -> jdbc.update("insert into ledger_entry (id, partner_id, side, category, quantity, unit, period_from, period_to,"
                + " origin, source_event_id, source_event_type, created_at) select gen_random_uuid(), partner_id, side, category, quantity, unit,"
                + " period_from, period_to, origin, source_event_id, source_event_type, now() from ledger_entry where source_event_id = ?", hired))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void balances_show_give_and_gain_side_by_side_and_flag_one_sided_members() throws Exception {
        UUID giver = member("Giver GmbH");
        UUID taker = member("Taker GmbH");
        UUID both = member("Both GmbH");
        UUID idle = member("Idle GmbH");
        assertThat(api().send("POST", pledges(giver), partnerAdmin("g", giver), PLEDGE.replace("{", "{\"networkId\":\"" + network + "\",")).statusCode()).isEqualTo(201);
        assertThat(api().send("POST", pledges(giver), partnerAdmin("g", giver), PLEDGE.replace("\"quantity\":3", "\"quantity\":2")).statusCode()).isEqualTo(201);
        assertThat(api().send("POST", pledges(both), partnerAdmin("b", both), PLEDGE.replace("INTERNSHIP_PLACES", "STAFF_HOURS").replace("places", "hours")).statusCode()).isEqualTo(201);
        String hired = send("outreach-events", taker, "augenhoehe.outreach.returnee-hired.v1",
                "{\"employerId\":\"" + taker + "\",\"networkId\":\"" + network + "\",\"occurredAt\":\"2026-02-10T10:00:00Z\"}", 1);
        UUID measure = UUID.randomUUID();
        publishMeasure(measure, UUID.randomUUID(), "[]"); // a host unknown here: no entry, but the measure's network is learnt
        String sent = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1",
                measureData(measure, UUID.randomUUID(), both, 4, "2026-02-11T10:00:00Z"), 1);
        Eventually.await("events consumed", Duration.ofSeconds(60), () -> sourceEntries(hired) == 1 && sourceEntries(sent) == 1);
        confirmClaims(taker); // #16: entries on another's claim count once their partner confirmed them
        confirmClaims(both);

        // A partner's balance: its own people, people of fellow members, its networks' coordinators.
        String path = "/api/partners/" + giver + "/balance";
        var own = json(api().send("GET", path, TestTokens.subject("staff").roles("partner_staff").partner(giver).sign(), null));
        assertThat(own.get("gave").size()).isEqualTo(1);
        assertThat(own.get("gave").get(0).get("category").asString()).isEqualTo("INTERNSHIP_PLACES");
        assertThat(own.get("gave").get(0).get("pledged").decimalValue()).isEqualByComparingTo("5");
        assertThat(own.get("gave").get(0).get("entries").asInt()).isEqualTo(2);
        assertThat(own.get("gained").size()).isZero();
        assertThat(api().send("GET", path, partnerAdmin("fellow", taker), null).statusCode()).isEqualTo(200);
        assertThat(api().send("GET", path, coordinator, null).statusCode()).isEqualTo(200);
        assertThat(api().send("GET", path, null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("GET", path, partnerAdmin("stranger", partner("Stranger GmbH")), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", path, coordinator("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", "/api/partners/" + UUID.randomUUID() + "/balance", coordinator, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", path + "?from=2026-05-01&to=2026-04-01", coordinator, null).statusCode()).isEqualTo(422);
        assertThat(json(api().send("GET", path + "?from=2026-04-01", coordinator, null)).get("gave").size()).isZero();
        var bothBalance = json(api().send("GET", "/api/partners/" + both + "/balance?from=2026-02-01&to=2026-02-28", partnerAdmin("b", both), null));
        assertThat(bothBalance.get("gave").get(0).get("category").asString()).isEqualTo("STAFF_HOURS");
        assertThat(bothBalance.get("gained").get(0).get("category").asString()).isEqualTo("PARTICIPANTS_SENT");
        assertThat(bothBalance.get("gained").get(0).get("realised").decimalValue()).isEqualByComparingTo("4");

        // The network's balance: its coordinators only.
        String npath = "/api/networks/" + network + "/balance";
        assertThat(api().send("GET", npath, null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("GET", npath, partnerAdmin("g", giver), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", npath, coordinator("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", "/api/networks/" + UUID.randomUUID() + "/balance", coordinator, null).statusCode()).isEqualTo(404);
        var balance = json(api().send("GET", npath, coordinator, null));
        assertThat(balance.get("members").size()).isEqualTo(4);
        for (JsonNode m : balance.get("members")) {
            UUID id = UUID.fromString(m.get("partnerId").asString());
            String flags = m.get("onlyGives").asBoolean() + "/" + m.get("onlyTakes").asBoolean();
            if (id.equals(giver)) {
                assertThat(flags).isEqualTo("true/false");
                assertThat(m.get("giveEntries").asInt()).isEqualTo(2);
            } else if (id.equals(taker)) {
                assertThat(flags).isEqualTo("false/true");
                assertThat(m.get("gained").get(0).get("category").asString()).isEqualTo("RETURNEES_HIRED");
            } else if (id.equals(both)) {
                assertThat(flags).isEqualTo("false/false");
            } else {
                assertThat(id).isEqualTo(idle);
                assertThat(flags).isEqualTo("false/false");
                assertThat(m.get("giveEntries").asInt() + m.get("gainEntries").asInt()).isZero();
            }
        }
        var march = json(api().send("GET", npath + "?from=2026-03-01&to=2026-03-31", coordinator, null));
        assertThat(march.get("members")).allSatisfy(m -> assertThat(m.get("onlyTakes").asBoolean()).isFalse());
    }

    @Test
    void a_vacancy_counts_in_each_listed_network_and_once_for_the_employer() throws Exception {
        UUID employer = member("Zwei Netze GmbH");
        UUID second = Api.id(api().send("POST", "/api/networks", coordinator("founder"),
                "{\"name\":\"Zweitnetz " + UUID.randomUUID() + "\",\"region\":[\"08125\"],\"legalForm\":\"OTHER\"}"));
        String both = coordinator("coord-both", network, second);
        var applied = api().send("POST", "/api/networks/" + second + "/memberships", partnerAdmin("a", employer), "{\"partnerId\":\"" + employer + "\"}");
        assertThat(api().send("POST", "/api/networks/" + second + "/memberships/" + Api.id(applied) + "/activate", both, null).statusCode()).isEqualTo(200);
        UUID third = UUID.randomUUID();
        UUID vacancy = UUID.randomUUID();
        String published = vacancyData(vacancy, employer, "[\"" + network + "\",\"" + second + "\"]", "APPRENTICESHIP", 3, null);
        assertConforms(VACANCY_SCHEMAS, "augenhoehe.vacancy.published.v1", published);
        String p = send("vacancy-events", vacancy, "augenhoehe.vacancy.published.v1", published, 2);
        String closed = vacancyData(vacancy, employer, "[\"" + network + "\",\"" + second + "\"]", "APPRENTICESHIP", 3, "FILLED");
        assertConforms(VACANCY_SCHEMAS, "augenhoehe.vacancy.closed.v1", closed);
        String c = send("vacancy-events", vacancy, "augenhoehe.vacancy.closed.v1", closed, 2);
        UUID internship = UUID.randomUUID();
        String i = send("vacancy-events", internship, "augenhoehe.vacancy.closed.v1",
                vacancyData(internship, employer, "[\"" + third + "\"]", "INTERNSHIP", 1, "FILLED"), 1);
        Eventually.await("vacancy events consumed", Duration.ofSeconds(60), () -> consumed(p) && sourceEntries(c) == 2 && sourceEntries(i) == 2);

        var own = json(api().send("GET", "/api/partners/" + employer + "/balance", partnerAdmin("e", employer), null));
        assertThat(own.get("gave").toString()).contains("\"category\":\"VACANCIES\"").contains("\"category\":\"INTERNSHIP_PLACES\"");
        JsonNode vacancies = line(own.get("gave"), "VACANCIES");
        assertThat(vacancies.get("realised").decimalValue()).isEqualByComparingTo("3");
        assertThat(vacancies.get("entries").asInt()).isEqualTo(1);
        // the apprenticeship (3) and the internship (1), both filled
        assertThat(line(own.get("gained"), "VACANCIES_FILLED").get("realised").decimalValue()).isEqualByComparingTo("4");
        for (UUID n : new UUID[] { network, second }) {
            var balance = json(api().send("GET", "/api/networks/" + n + "/balance", both, null));
            JsonNode m = member(balance, employer);
            assertThat(line(m.get("gave"), "VACANCIES").get("realised").decimalValue()).as("network " + n).isEqualByComparingTo("3");
            assertThat(line(m.get("gained"), "VACANCIES_FILLED").get("entries").asInt()).isEqualTo(1);
            // The internship was published for a third network only: it does not count here.
            assertThat(m.get("gave").toString()).doesNotContain("INTERNSHIP_PLACES");
        }
        assertThat(jdbc.queryForObject("select cardinality(network_ids) from ledger_entry where source_event_id = ? and side = 'GIVE'", Integer.class, c)).isEqualTo(2);
    }

    @Test
    void a_published_measure_is_given_by_its_host_and_co_organisers_and_outcomes_are_gained_by_the_employer() throws Exception {
        UUID host = member("Bildungsträger gGmbH");
        UUID school = member("Werkrealschule");
        UUID chamber = member("Kammer");
        UUID company = member("Ausbildungsbetrieb GmbH");
        UUID measure = UUID.randomUUID();
        String published = "{\"measureId\":\"" + measure + "\",\"networkId\":\"" + network + "\",\"hostPartnerId\":\"" + host
                + "\",\"coOrganiserIds\":[\"" + school + "\",\"" + chamber + "\",\"" + UUID.randomUUID() + "\"],\"type\":\"PROJECT_DAY\","
                + "\"targetGroups\":[\"PUPILS_REALSCHULE\"],\"kreise\":[\"08121\"],\"occupationGroups\":[\"251\"],\"capacity\":24,"
                + "\"status\":\"PLANNED\",\"firstSessionDate\":\"2026-03-12\",\"lastSessionDate\":\"2026-03-12\",\"occurredAt\":\"2026-02-01T09:00:00Z\"}";
        assertConforms(MEASURE_SCHEMAS, "augenhoehe.measures.measure-published.v1", published);
        String pub = send("measure-events", measure, "augenhoehe.measures.measure-published.v1", published, 2);
        String apprenticeship = outcome(measure, host, company, "STARTED_APPRENTICESHIP");
        assertConforms(MEASURE_SCHEMAS, "augenhoehe.measures.outcome-recorded.v1", apprenticeship);
        String o1 = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", apprenticeship, 2);
        String o2 = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", outcome(measure, host, company, "STARTED_JOB"), 1);
        String o3 = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", outcome(measure, host, company, "COMPLETED"), 1);
        String o4 = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", outcome(measure, host, null, "STARTED_JOB"), 1);
        String marker = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1",
                measureData(measure, UUID.randomUUID(), host, 1, "2026-02-01T09:00:00Z"), 1);
        Eventually.await("measure events consumed", Duration.ofSeconds(60), () -> sourceEntries(marker) == 1);

        // #16: each in its kind's unit — the host gives the day (days) and its pupil places, co-organisers the measure.
        assertThat(sourceEntries(pub)).as("host (day and places) and two known co-organisers, once each").isEqualTo(4);
        assertThat(jdbc.queryForList("select category || ':' || quantity::int || ':' || unit from ledger_entry where source_event_id = ? and partner_id = ?",
                String.class, pub, host)).containsExactlyInAnyOrder("PROJECT_DAYS:1:days", "PUPIL_PLACES:24:places");
        for (UUID co : new UUID[] { school, chamber }) {
            assertThat(jdbc.queryForList("select category || ':' || quantity::int || ':' || unit || ':' || network_id from ledger_entry where source_event_id = ? and partner_id = ?",
                    String.class, pub, co)).containsExactly("MEASURES:1:measures:" + network);
        }
        assertThat(jdbc.queryForList("select category || ':' || side || ':' || quantity::int from ledger_entry where partner_id = ? order by category",
                String.class, company)).containsExactly("APPRENTICES_TRAINED:GAIN:1", "CLIENTS_PLACED:GAIN:1");
        assertThat(sourceEntries(o1)).isEqualTo(1);
        assertThat(sourceEntries(o2)).isEqualTo(1);
        assertThat(sourceEntries(o3)).isZero();
        assertThat(sourceEntries(o4)).isZero();
        confirmClaims(company); // #16: the host's claim counts once the company confirmed it
        var balance = json(api().send("GET", "/api/networks/" + network + "/balance", coordinator, null));
        assertThat(member(balance, company).get("onlyTakes").asBoolean()).isTrue();
        assertThat(member(balance, school).get("onlyGives").asBoolean()).isTrue();
    }

    @Test
    void a_posting_gives_when_it_is_filled_never_when_withdrawn_or_expired_whatever_the_order_of_its_events() throws Exception {
        UUID employer = member("Stellen GmbH");
        String nets = "[\"" + network + "\"]";
        // Published and withdrawn unfilled, published and expired: nothing given (issue #16: 39 → 42 and stayed).
        UUID withdrawn = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        String w1 = send("vacancy-events", withdrawn, "augenhoehe.vacancy.published.v1", vacancyData(withdrawn, employer, nets, "JOB", 3, null), 1);
        String w2 = send("vacancy-events", withdrawn, "augenhoehe.vacancy.closed.v1", vacancyData(withdrawn, employer, nets, "JOB", 3, "WITHDRAWN"), 2);
        String e1 = send("vacancy-events", expired, "augenhoehe.vacancy.published.v1", vacancyData(expired, employer, nets, "JOB", 2, null), 1);
        String e2 = send("vacancy-events", expired, "augenhoehe.vacancy.closed.v1", vacancyData(expired, employer, nets, "JOB", 2, "EXPIRED"), 1);
        // Filled: its closing arrives first, twice under one id and once more under another (a replay), its publication last.
        UUID filled = UUID.randomUUID();
        String f1 = send("vacancy-events", filled, "augenhoehe.vacancy.closed.v1", vacancyData(filled, employer, nets, "APPRENTICESHIP", 4, "FILLED"), 2);
        String f2 = send("vacancy-events", filled, "augenhoehe.vacancy.closed.v1", vacancyData(filled, employer, nets, "APPRENTICESHIP", 4, "FILLED"), 1);
        String f3 = send("vacancy-events", filled, "augenhoehe.vacancy.published.v1", vacancyData(filled, employer, nets, "APPRENTICESHIP", 4, null), 1);
        Eventually.await("vacancy events consumed", Duration.ofSeconds(120),
                () -> java.util.stream.Stream.of(w1, w2, e1, e2, f1, f2, f3).allMatch(this::consumed));

        assertThat(jdbc.queryForList("select category || ':' || side || ':' || quantity::int || ':' || network_id from ledger_entry where partner_id = ?",
                String.class, employer)).containsExactlyInAnyOrder("VACANCIES:GIVE:4:" + network, "VACANCIES_FILLED:GAIN:4:" + network);
        var balance = json(api().send("GET", "/api/networks/" + network + "/balance", coordinator, null));
        assertThat(line(member(balance, employer).get("gave"), "VACANCIES").get("realised").decimalValue()).isEqualByComparingTo("4");
    }

    @Test
    void a_pledge_of_project_days_and_the_realised_project_day_compare_in_one_unit_in_the_balance() throws Exception {
        UUID school = member("Projekttag Realschule");
        String days = "{\"networkId\":\"" + network + "\",\"category\":\"PROJECT_DAYS\",\"quantity\":2,\"unit\":\"days\","
                + "\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}";
        assertThat(api().send("POST", pledges(school), partnerAdmin("s", school), days).statusCode()).isEqualTo(201);
        // A kind has one unit: a pledge of project days in anything but days is refused.
        var places = api().send("POST", pledges(school), partnerAdmin("s", school), days.replace("\"days\"", "\"places\""));
        assertThat(places.statusCode()).isEqualTo(422);
        assertThat(json(places).get("type").asString()).isEqualTo("urn:augenhoehe:problem:unit-mismatch");
        // The school hosts a project day (one day, 24 pupil places) and a filled project-day posting (12 pupil places).
        String pub = publishMeasure(UUID.randomUUID(), school, "[]");
        UUID posting = UUID.randomUUID();
        String filled = send("vacancy-events", posting, "augenhoehe.vacancy.closed.v1",
                vacancyData(posting, school, "[\"" + network + "\"]", "PROJECT_DAY", 12, "FILLED"), 1);
        Eventually.await("consumed", Duration.ofSeconds(60), () -> consumed(pub) && consumed(filled));

        var own = json(api().send("GET", "/api/partners/" + school + "/balance", partnerAdmin("s", school), null));
        JsonNode projectDays = line(own.get("gave"), "PROJECT_DAYS");
        assertThat(own.get("gave").valueStream().filter(l -> "PROJECT_DAYS".equals(l.get("category").asString()))).hasSize(1);
        assertThat(projectDays.get("unit").asString()).isEqualTo("days");
        assertThat(projectDays.get("pledged").decimalValue()).isEqualByComparingTo("2");
        assertThat(projectDays.get("realised").decimalValue()).isEqualByComparingTo("2");
        JsonNode pupils = line(own.get("gave"), "PUPIL_PLACES");
        assertThat(pupils.get("unit").asString()).isEqualTo("places");
        assertThat(pupils.get("realised").decimalValue()).isEqualByComparingTo("36");
        // The same in the network's public summary: one line per kind, in the kind's unit.
        var summary = json(api().send("GET", "/api/networks/" + network + "/balance/summary", null, null));
        assertThat(summary.get("gave").valueStream().filter(l -> "PROJECT_DAYS".equals(l.get("category").asString()))
                .map(l -> l.get("unit").asString())).containsExactly("days");
    }

    @Test
    void an_entry_on_another_partners_claim_is_pending_until_that_partner_confirms_it_and_only_then_counts() throws Exception {
        UUID host = member("Bestätigung Träger gGmbH");
        UUID sender = member("Bestätigung Schule");
        UUID company = member("Bestätigung Betrieb GmbH");
        UUID measure = UUID.randomUUID();
        String pub = publishMeasure(measure, host, "[]");
        String kept = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, UUID.randomUUID(), sender, 3, "2026-02-02T09:00:00Z"), 1);
        String refused = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, UUID.randomUUID(), sender, 5, "2026-02-02T09:00:00Z"), 1);
        // The host records outcomes: naming itself as employer is its own claim (confirmed), naming the company is not.
        String own = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", outcome(measure, host, host, "STARTED_JOB"), 1);
        String claimed = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", outcome(measure, host, company, "STARTED_JOB"), 1);
        Eventually.await("events consumed", Duration.ofSeconds(60), () -> java.util.stream.Stream.of(pub, kept, refused, own, claimed).allMatch(this::consumed));

        String senderBalance = "/api/partners/" + sender + "/balance";
        assertThat(json(api().send("GET", senderBalance, coordinator, null)).get("gained")).as("nothing confirmed yet").isEmpty();
        assertThat(json(api().send("GET", "/api/partners/" + company + "/balance", coordinator, null)).get("gained")).isEmpty();
        assertThat(line(json(api().send("GET", "/api/partners/" + host + "/balance", coordinator, null)).get("gained"), "CLIENTS_PLACED")
                .get("realised").decimalValue()).isEqualByComparingTo("1");
        // The listing shows the state, and finds what is waiting.
        JsonNode pending = json(api().send("GET", "/api/partners/" + sender + "/ledger/entries?confirmation=PENDING", partnerAdmin("s", sender), null));
        assertThat(pending.get("total").asLong()).isEqualTo(2);
        assertThat(pending.get("items").valueStream().map(e -> e.get("confirmation").asString())).containsOnly("PENDING");
        String keptEntry = entryOf(kept);
        String refusedEntry = entryOf(refused);
        String path = "/api/partners/" + sender + "/ledger/entries/" + keptEntry + "/confirmation";
        String yes = "{\"decision\":\"CONFIRMED\"}";
        String no = "{\"decision\":\"REJECTED\"}";

        // Object level: only the credited partner's people decide — not the claimant, not a coordinator, not another partner.
        assertThat(api().send("POST", path, null, yes).statusCode()).isEqualTo(401);
        assertThat(api().send("POST", path, partnerAdmin("h", host), yes).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", path, coordinator, yes).statusCode()).isEqualTo(403);
        assertThat(api().send("POST", "/api/partners/" + company + "/ledger/entries/" + keptEntry + "/confirmation", partnerAdmin("c", company), yes)
                .statusCode()).as("another partner's entry under its own path").isEqualTo(404);
        assertThat(api().send("POST", "/api/partners/" + sender + "/ledger/entries/" + UUID.randomUUID() + "/confirmation", partnerAdmin("s", sender), yes)
                .statusCode()).isEqualTo(404);
        for (String bad : new String[] { "{}", "{\"decision\":\"PENDING\"}", "{\"decision\":\"MAYBE\"}", "not json" }) {
            var r = api().send("POST", path, partnerAdmin("s", sender), bad);
            assertThat(r.statusCode()).as(bad).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        }
        assertThat(json(api().send("GET", senderBalance, coordinator, null)).get("gained")).as("refusals decide nothing").isEmpty();

        var confirmed = api().send("POST", path, TestTokens.subject("staff").roles("partner_staff").partner(sender).sign(), yes);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("confirmation").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.body()).doesNotContain("decidedBy").doesNotContain("\"staff\"");
        assertThat(api().send("POST", path, partnerAdmin("s", sender), yes).statusCode()).as("the same decision again").isEqualTo(200);
        var changed = api().send("POST", path, partnerAdmin("s", sender), no);
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(json(changed).get("type").asString()).isEqualTo("urn:augenhoehe:problem:already-decided");
        String refusePath = "/api/partners/" + sender + "/ledger/entries/" + refusedEntry + "/confirmation";
        assertThat(json(api().send("POST", refusePath, partnerAdmin("s", sender), no)).get("confirmation").asString()).isEqualTo("REJECTED");

        JsonNode gained = json(api().send("GET", senderBalance, coordinator, null)).get("gained");
        assertThat(line(gained, "PARTICIPANTS_SENT").get("realised").decimalValue()).as("the confirmed 3, not the rejected 5").isEqualByComparingTo("3");
        assertThat(line(gained, "PARTICIPANTS_SENT").get("entries").asInt()).isEqualTo(1);
        assertThat(json(api().send("GET", "/api/networks/" + network + "/balance/summary", null, null)).get("gained").toString())
                .doesNotContain("\"realised\":8");
        assertThat(json(api().send("GET", "/api/partners/" + sender + "/ledger/entries?confirmation=REJECTED", partnerAdmin("s", sender), null))
                .get("total").asLong()).isEqualTo(1);
    }

    /** The id of the one entry made from this event. */
    String entryOf(String eventId) {
        return jdbc.queryForObject("select id::text from ledger_entry where source_event_id = ?", String.class, eventId);
    }

    /** The partner's people confirm every entry waiting for it (#16). */
    void confirmClaims(UUID partner) {
        for (String entry : jdbc.queryForList("select id::text from ledger_entry where partner_id = ? and confirmation = 'PENDING'", String.class, partner)) {
            var r = api().send("POST", "/api/partners/" + partner + "/ledger/entries/" + entry + "/confirmation", partnerAdmin("confirming", partner),
                    "{\"decision\":\"CONFIRMED\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    /** measure-published.v1 of a project day in {@code network} with 24 places; returns the event id. */
    String publishMeasure(UUID measure, UUID host, String coOrganiserIds) throws Exception {
        String published = "{\"measureId\":\"" + measure + "\",\"networkId\":\"" + network + "\",\"hostPartnerId\":\"" + host
                + "\",\"coOrganiserIds\":" + coOrganiserIds + ",\"type\":\"PROJECT_DAY\","
                + "\"targetGroups\":[\"PUPILS_REALSCHULE\"],\"kreise\":[\"08121\"],\"occupationGroups\":[\"251\"],\"capacity\":24,"
                + "\"status\":\"PLANNED\",\"firstSessionDate\":\"2026-03-12\",\"lastSessionDate\":\"2026-03-12\",\"occurredAt\":\"2026-02-01T09:00:00Z\"}";
        assertConforms(MEASURE_SCHEMAS, "augenhoehe.measures.measure-published.v1", published);
        return send("measure-events", measure, "augenhoehe.measures.measure-published.v1", published, 1);
    }

    @Test
    void only_proven_partners_are_credited_and_a_cancelled_cause_is_reversed_whatever_the_order() throws Exception {
        UUID host = member("Träger gGmbH");
        UUID sender = member("Sendende Schule");
        UUID stranger = partner("Fremde GmbH"); // known here, but no member of the network
        UUID measure = UUID.randomUUID();
        String pub = publishMeasure(measure, host, "[]");
        // An anonymous registration may name any partner id: only an active member of the measure's network is credited.
        UUID kept = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID cancelledFirst = UUID.randomUUID();
        String ok = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, kept, sender, 3, "2026-02-02T09:00:00Z"), 1);
        String claimed = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, UUID.randomUUID(), stranger, 5, "2026-02-02T09:00:00Z"), 1);
        String c1 = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, cancelled, sender, 2, "2026-02-02T09:00:00Z"), 1);
        String cancel = measureData(measure, cancelled, sender, 2, "2026-02-03T09:00:00Z");
        assertConforms(MEASURE_SCHEMAS, "augenhoehe.measures.registration-cancelled.v1", cancel);
        String c2 = send("measure-events", measure, "augenhoehe.measures.registration-cancelled.v1", cancel, 2);
        // out of order (a redriven dead letter): the cancellation arrives before the confirmation
        String c3 = send("measure-events", measure, "augenhoehe.measures.registration-cancelled.v1", measureData(measure, cancelledFirst, sender, 4, "2026-02-04T09:00:00Z"), 1);
        String c4 = send("measure-events", measure, "augenhoehe.measures.registration-confirmed.v1", measureData(measure, cancelledFirst, sender, 4, "2026-02-02T09:00:00Z"), 1);
        // An outcome and a hire naming a company outside the network credit nothing.
        String o1 = send("measure-events", measure, "augenhoehe.measures.outcome-recorded.v1", outcome(measure, host, stranger, "STARTED_JOB"), 1);
        String h1 = send("outreach-events", stranger, "augenhoehe.outreach.returnee-hired.v1",
                "{\"employerId\":\"" + stranger + "\",\"networkId\":\"" + network + "\",\"occurredAt\":\"2026-02-10T10:00:00Z\"}", 1);
        Eventually.await("events consumed", Duration.ofSeconds(120),
                () -> java.util.stream.Stream.of(pub, ok, claimed, c1, c2, c3, c4, o1, h1).allMatch(this::consumed));

        assertThat(entries(stranger)).isZero();
        assertThat(jdbc.queryForList("select quantity::int || ':' || (reversed_by is not null) from ledger_entry where partner_id = ?",
                String.class, sender)).containsExactlyInAnyOrder("3:false", "2:true", "4:true");
        confirmClaims(sender); // #16: counted once confirmed (the reversed ones stay reversed)
        String senderBalance = "/api/partners/" + sender + "/balance";
        assertThat(line(json(api().send("GET", senderBalance, coordinator, null)).get("gained"), "PARTICIPANTS_SENT")
                .get("realised").decimalValue()).isEqualByComparingTo("3");

        // The measure is cancelled: the host's GIVE and the registrations' GAIN are reversed.
        String mc = "{\"measureId\":\"" + measure + "\",\"networkId\":\"" + network + "\",\"hostPartnerId\":\"" + host
                + "\",\"participants\":3,\"occurredAt\":\"2026-02-20T09:00:00Z\"}";
        String cancelMeasure = send("measure-events", measure, "augenhoehe.measures.measure-cancelled.v1", mc, 1);
        Eventually.await("measure cancelled", Duration.ofSeconds(60), () -> consumed(cancelMeasure));
        assertThat(json(api().send("GET", senderBalance, coordinator, null)).get("gained")).isEmpty();
        assertThat(json(api().send("GET", "/api/partners/" + host + "/balance", coordinator, null)).get("gave")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where partner_id in (?, ?) and reversed_by is null", Integer.class,
                host, sender)).isZero();
    }

    @Test
    void the_entries_behind_a_balance_are_listed_paged_with_their_event_and_large_claims_flagged() throws Exception {
        UUID employer = member("Großbetrieb AG");
        UUID vacancy = UUID.randomUUID();
        String nets = "[\"" + network + "\"]";
        String large = send("vacancy-events", vacancy, "augenhoehe.vacancy.closed.v1", vacancyData(vacancy, employer, nets, "JOB", 120, "FILLED"), 1);
        assertThat(api().send("POST", pledges(employer), partnerAdmin("a", employer), PLEDGE.replace("{", "{\"networkId\":\"" + network + "\",")).statusCode())
                .isEqualTo(201);
        Eventually.await("consumed", Duration.ofSeconds(60), () -> consumed(large));

        String path = "/api/partners/" + employer + "/ledger/entries";
        JsonNode all = json(api().send("GET", path, coordinator, null));
        assertThat(all.get("total").asLong()).isEqualTo(3);
        JsonNode give = all.get("items").valueStream().filter(e -> "VACANCIES".equals(e.get("category").asString())).findFirst().orElseThrow();
        assertThat(give.get("sourceEventId").asString()).isEqualTo(large);
        assertThat(give.get("sourceEventType").asString()).isEqualTo("augenhoehe.vacancy.closed.v1");
        assertThat(give.get("causeId").asString()).isEqualTo(vacancy.toString());
        assertThat(give.get("largeClaim").asBoolean()).isTrue();
        JsonNode pledge = all.get("items").valueStream().filter(e -> "PLEDGED".equals(e.get("origin").asString())).findFirst().orElseThrow();
        assertThat(pledge.get("largeClaim").asBoolean()).isFalse();
        assertThat(pledge.toString()).doesNotContain("pledgedBy").doesNotContain("\"a\"");
        JsonNode first = json(api().send("GET", path + "?size=2&page=1", partnerAdmin("a", employer), null));
        assertThat(first.get("items").size()).isEqualTo(1);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        // the balance's rules: own people, fellow members, the networks' coordinators
        assertThat(api().send("GET", path, null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("GET", path, partnerAdmin("stranger", partner("Außenstehende GmbH")), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", path, coordinator("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", "/api/partners/" + UUID.randomUUID() + "/ledger/entries", coordinator, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", path + "?size=0", coordinator, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", path + "?size=101", coordinator, null).statusCode()).isEqualTo(400);

        String npath = "/api/networks/" + network + "/ledger/entries";
        JsonNode net = json(api().send("GET", npath + "?size=100", coordinator, null));
        assertThat(net.get("items").valueStream().map(e -> e.get("sourceEventId").asString())).contains(large);
        assertThat(api().send("GET", npath, partnerAdmin("a", employer), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", npath, coordinator("other", UUID.randomUUID()), null).statusCode()).isEqualTo(403);
        assertThat(api().send("GET", npath, null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("GET", "/api/networks/" + UUID.randomUUID() + "/ledger/entries", coordinator, null).statusCode()).isEqualTo(404);
    }

    String outcome(UUID measure, UUID host, UUID employer, String outcome) {
        return "{\"measureId\":\"" + measure + "\",\"networkId\":\"" + network + "\",\"hostPartnerId\":\"" + host
                + "\",\"sendingPartnerId\":null,\"employerPartnerId\":" + (employer == null ? "null" : "\"" + employer + "\"")
                + ",\"targetGroup\":\"MIGRATION_BACKGROUND\",\"outcome\":\"" + outcome + "\",\"occurredAt\":\"2026-06-01T09:00:00Z\"}";
    }

    static String vacancyData(UUID vacancy, UUID employer, String networkIds, String type, int openings, String reason) {
        String common = "{\"vacancyId\":\"" + vacancy + "\",\"employerId\":\"" + employer + "\",\"networkIds\":" + networkIds + ",\"type\":\"" + type
                + "\",\"kldb\":\"25212\",\"occupationGroup\":\"252\",\"kreis\":\"08121\",\"temporaryAgency\":false,\"openings\":" + openings
                + ",\"publishedAt\":\"2026-01-10T08:00:00Z\",\"occurredAt\":\"2026-01-10T08:00:00Z\"";
        if (reason == null) {
            return common + ",\"postalCode\":\"74076\",\"latitude\":49.14,\"longitude\":9.22,\"startDate\":null,\"validThrough\":\"2026-06-30\","
                    + "\"workingTime\":\"FULL_TIME\"}";
        }
        return common + ",\"reason\":\"" + reason + "\",\"detail\":null,\"closedAt\":\"2026-01-20T08:00:00Z\"}";
    }

    static JsonNode line(JsonNode lines, String category) {
        for (JsonNode l : lines) {
            if (category.equals(l.get("category").asString())) {
                return l;
            }
        }
        throw new AssertionError("no line " + category + " in " + lines);
    }

    static JsonNode member(JsonNode balance, UUID partner) {
        for (JsonNode m : balance.get("members")) {
            if (partner.toString().equals(m.get("partnerId").asString())) {
                return m;
            }
        }
        throw new AssertionError("no member " + partner + " in " + balance);
    }

    boolean consumed(String eventId) {
        return jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, eventId) > 0;
    }

    int sourceEntries(String eventId) {
        return jdbc.queryForObject("select count(*) from ledger_entry where source_event_id = ?", Integer.class, eventId);
    }

    static String measureData(UUID sender, int places, String at) {
        return measureData(UUID.randomUUID(), UUID.randomUUID(), sender, places, at);
    }

    static String measureData(UUID measure, UUID registration, UUID sender, int places, String at) {
        return "{\"registrationId\":\"" + registration + "\",\"measureId\":\"" + measure + "\",\"places\":" + places
                + ",\"sendingPartnerId\":" + (sender == null ? "null" : "\"" + sender + "\"") + ",\"confirmedPlaces\":" + places
                + ",\"capacity\":20,\"occurredAt\":\"" + at + "\"}";
    }

    static void assertConforms(Path schemas, String type, String data) throws Exception {
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(schemas.resolve(type + ".schema.json")), InputFormat.JSON).validate(data, InputFormat.JSON))
                .as("the test event conforms to the producer's schema").isEmpty();
    }

    /** Sends one event {@code times} times with the same id, in the producer's CloudEvents envelope; returns the id. */
    String send(String topic, UUID key, String type, String data, int times) throws Exception {
        String eventId = UUID.randomUUID().toString();
        String source = "/augenhoehe/" + topic.replace("-events", "") + "-service";
        for (int i = 0; i < times; i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), data.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), eventId, source, type, key.toString(), Instant.now(), null);
            kafka.send(record).get();
        }
        return eventId;
    }
}
