package de.augenhoehe.measures;

import static de.augenhoehe.measures.Managing.coordinatorOf;
import static de.augenhoehe.measures.Registering.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/** The labour-market monitor from a test feed of vacancy-events: monthly figures, bottleneck score, gaps, replay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MonitorIT {

    static final String HN = "08121";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    final UUID network = UUID.randomUUID();

    JsonNode get(String path) {
        var r = new Managing(port).send("GET", path, coordinatorOf(network), null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @Test
    void vacancy_events_become_monthly_figures_a_bottleneck_score_and_gaps_and_a_replay_rebuilds_the_same() {
        Vacancies feed = new Vacancies(kafka, jdbc);
        Instant jan = Instant.parse("2026-01-10T09:00:00Z");
        Instant apr = jan.plus(Duration.ofDays(90)); // 2026-04-10
        // Elektro (262): four posted in January, three closed after 90 days — two of them unfilled; two more in June
        UUID[] elektro = new UUID[4];
        for (int i = 0; i < 4; i++) {
            elektro[i] = feed.published(network, HN, "262", 1, false, jan);
        }
        feed.closed(elektro[0], network, HN, "262", 1, "EXPIRED", jan, apr);
        feed.closed(elektro[1], network, HN, "262", 1, "WITHDRAWN", jan, apr);
        feed.closed(elektro[2], network, HN, "262", 1, "FILLED", jan, apr);
        feed.published(network, HN, "262", 1, false, Instant.parse("2026-06-05T10:00:00Z"));
        feed.published(network, HN, "262", 1, false, Instant.parse("2026-06-06T10:00:00Z"));
        // a stale update of a closed vacancy (older than its closing) does not reopen it
        feed.updated(elektro[0], network, HN, "262", 5, jan, jan.plus(Duration.ofDays(1)));
        // Lager (513): four with two openings each, filled after ten days in February
        Instant feb = Instant.parse("2026-02-01T08:00:00Z");
        for (int i = 0; i < 4; i++) {
            UUID v = feed.published(network, HN, "513", 2, false, feb);
            feed.closed(v, network, HN, "513", 2, "FILLED", feb, feb.plus(Duration.ofDays(10)));
        }
        // not counted: a temporary-work agency, another network's vacancy
        feed.published(network, HN, "262", 10, true, jan);
        feed.published(UUID.randomUUID(), HN, "262", 10, false, jan);
        feed.awaitAllConsumed();

        JsonNode months = get("/api/monitor/" + network + "/vacancies?from=2026-01&to=2026-06");
        JsonNode janElektro = cell(months, "262", "2026-01");
        assertThat(janElektro.get("inflow").asInt()).isEqualTo(4);
        assertThat(janElektro.get("stock").asInt()).isEqualTo(4);
        assertThat(janElektro.get("outflow").asInt()).isZero();
        assertThat(janElektro.get("period").get("from").asString()).isEqualTo("2026-01-01");
        assertThat(janElektro.get("period").get("to").asString()).isEqualTo("2026-01-31");
        assertThat(janElektro.get("events").asInt()).isEqualTo(8); // 4 published, 3 closed, 1 stale update
        JsonNode aprElektro = cell(months, "262", "2026-04");
        assertThat(aprElektro.get("outflow").asInt()).isEqualTo(3);
        assertThat(aprElektro.get("stock").asInt()).isEqualTo(1);
        assertThat(aprElektro.get("medianVacancyDays").asDouble()).isEqualTo(90.0);
        assertThat(cell(months, "262", "2026-06").get("stock").asInt()).isEqualTo(3);
        assertThat(cell(months, "262", "2026-06").get("inflow").asInt()).isEqualTo(2);
        JsonNode febLager = cell(months, "513", "2026-02");
        assertThat(febLager.get("inflow").asInt()).isEqualTo(8);
        assertThat(febLager.get("outflow").asInt()).isEqualTo(8);
        assertThat(febLager.get("stock").asInt()).isZero();
        assertThat(febLager.get("medianVacancyDays").asDouble()).isEqualTo(10.0);

        // the series: every month, summed over the cells asked, the median over all postings ended in the month
        JsonNode series = get("/api/monitor/" + network + "/series?from=2026-01&to=2026-06");
        assertThat(series.valueStream().map(m -> m.get("month").asString()))
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(series.get(1).get("inflow").asInt()).isEqualTo(8);
        assertThat(series.get(1).get("outflow").asInt()).isEqualTo(8);
        assertThat(series.get(1).get("stock").asInt()).isEqualTo(4); // Elektro's four, Lager's eight gone
        assertThat(series.get(1).get("closedVacancies").asInt()).isEqualTo(4);
        assertThat(series.get(1).get("medianVacancyDays").asDouble()).isEqualTo(10.0);
        assertThat(series.get(2).get("stock").asInt()).as("March: nothing moved, the stock stays").isEqualTo(4);
        assertThat(series.get(2).get("medianVacancyDays").isNull()).isTrue();
        assertThat(series.get(3).get("outflow").asInt()).isEqualTo(3);
        assertThat(series.get(5).get("stock").asInt()).isEqualTo(3);
        JsonNode lager = get("/api/monitor/" + network + "/series?from=2026-01&to=2026-06&kreis=" + HN + "&occupationGroup=513");
        assertThat(lager.valueStream().map(m -> m.get("inflow").asInt())).containsExactly(0, 8, 0, 0, 0, 0);
        assertThat(lager.get(0).get("events").asInt()).isZero();
        JsonNode elsewhere = get("/api/monitor/" + network + "/series?from=2026-01&to=2026-06&kreis=09162");
        assertThat(elsewhere.valueStream().mapToInt(m -> m.get("stock").asInt() + m.get("inflow").asInt())).containsOnly(0);

        JsonNode bottlenecks = get("/api/monitor/" + network + "/bottlenecks?from=2026-01&to=2026-06");
        JsonNode e = group(bottlenecks, "262");
        assertThat(e.get("score").asDouble()).isEqualTo(3.0);
        assertThat(e.get("bottleneck").asBoolean()).isTrue();
        assertThat(e.get("formula").asString()).contains("vacancyTime").contains("unfilledShare").contains("stockChange");
        assertThat(e.get("indicators").get(0).get("value").asDouble()).isEqualTo(9.0); // 90 days ÷ all-occupations median 10
        assertThat(e.get("indicators").get(2).get("value").asDouble()).isEqualTo(0.67);
        JsonNode l = group(bottlenecks, "513");
        assertThat(l.get("score").asDouble()).isEqualTo(0.33); // ratio 1.0 → 1, no stock growth → 0, all filled → 0
        assertThat(l.get("bottleneck").asBoolean()).isFalse();

        JsonNode gaps = get("/api/monitor/" + network + "/gaps?from=2026-01&to=2026-06");
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).get("occupationGroup").asString()).isEqualTo("262");
        assertThat(gaps.get(0).get("kreis").asString()).isEqualTo(HN);
        // a planned measure in Heilbronn for Elektro (262) answers the gap
        UUID host = new Partners(kafka, jdbc).activeMember(network, "Handwerkskammer Heilbronn-Franken", "CHAMBER_OF_CRAFTS");
        new Managing(port).created(Managing.staffOf(host), Managing.measure(network, host));
        assertThat(get("/api/monitor/" + network + "/gaps?from=2026-01&to=2026-06")).isEmpty();

        // rebuild: empty the read model and the consumer's memory, deliver the topic's events again → the same figures
        String before = months.toString() + bottlenecks + series;
        jdbc.update("delete from monitor_vacancy");
        jdbc.update("delete from monitor_month"); // the read model's aggregates: the rebuild empties both tables
        jdbc.update("delete from consumed_event where topic = 'vacancy-events'");
        feed.sent().forEach(feed::deliver);
        feed.awaitAllConsumed();
        Eventually.await("rebuilt", Partners.WAIT, () -> jdbc.queryForObject("select count(*) from monitor_vacancy", Integer.class) == 12); // all sent, also those the figures exclude
        assertThat(get("/api/monitor/" + network + "/vacancies?from=2026-01&to=2026-06").toString()
                + get("/api/monitor/" + network + "/bottlenecks?from=2026-01&to=2026-06")
                + get("/api/monitor/" + network + "/series?from=2026-01&to=2026-06")).isEqualTo(before);
    }

    @Test
    void only_real_vacancies_are_stock_and_flows_other_offers_are_counted_as_what_they_are_and_a_replay_gives_the_same() {
        Vacancies feed = new Vacancies(kafka, jdbc);
        String kreis = "08125";
        Instant mar = Instant.parse("2026-03-02T09:00:00Z");
        // Occupation group 242: a job (3), an apprenticeship (2), a dual study place (1) — real vacancies
        feed.published("JOB", network, kreis, "242", 3, false, mar);
        UUID apprenticeship = feed.published("APPRENTICESHIP", network, kreis, "242", 2, false, mar);
        feed.published("DUAL_STUDY", network, kreis, "242", 1, false, mar);
        // … and what the issue saw raise the stock from 38 to 50: a project day with 12 pupil places; an internship and a
        // working-student post beside it
        UUID projectDay = feed.published("PROJECT_DAY", network, kreis, "242", 12, false, mar);
        feed.published("INTERNSHIP", network, kreis, "242", 2, false, mar);
        feed.published("WORKING_STUDENT", network, kreis, "242", 1, false, mar);
        Instant apr = Instant.parse("2026-04-15T09:00:00Z");
        feed.closed("APPRENTICESHIP", apprenticeship, network, kreis, "242", 2, "FILLED", mar, apr);
        feed.closed("PROJECT_DAY", projectDay, network, kreis, "242", 12, "EXPIRED", mar, apr);
        feed.awaitAllConsumed();

        String vacanciesPath = "/api/monitor/" + network + "/vacancies?from=2026-03&to=2026-04";
        String offersPath = "/api/monitor/" + network + "/offers?from=2026-03&to=2026-04";
        String bottlenecksPath = "/api/monitor/" + network + "/bottlenecks?from=2026-03&to=2026-04";
        JsonNode months = get(vacanciesPath);
        JsonNode march = cell(months, "242", "2026-03");
        assertThat(march.get("stock").asInt()).isEqualTo(6);
        assertThat(march.get("inflow").asInt()).isEqualTo(6);
        assertThat(march.get("events").asInt()).isEqualTo(4); // three published, one closed: nothing of the other offers
        assertThat(march.get("period").get("from").asString()).isEqualTo("2026-03-01");
        JsonNode april = cell(months, "242", "2026-04");
        assertThat(april.get("stock").asInt()).isEqualTo(4);
        assertThat(april.get("outflow").asInt()).isEqualTo(2);
        assertThat(group(get(bottlenecksPath), "242").get("events").asInt()).isEqualTo(4);

        JsonNode offers = get(offersPath);
        assertThat(offer(offers, "PROJECT_DAY", "2026-03").get("stock").asInt()).isEqualTo(12);
        assertThat(offer(offers, "PROJECT_DAY", "2026-04").get("stock").asInt()).isZero();
        assertThat(offer(offers, "PROJECT_DAY", "2026-04").get("outflow").asInt()).isEqualTo(12);
        assertThat(offer(offers, "PROJECT_DAY", "2026-04").get("period").get("to").asString()).isEqualTo("2026-04-30");
        assertThat(offer(offers, "PROJECT_DAY", "2026-04").get("events").asInt()).isEqualTo(2);
        assertThat(offer(offers, "INTERNSHIP", "2026-03").get("inflow").asInt()).isEqualTo(2);
        assertThat(offer(offers, "WORKING_STUDENT", "2026-04").get("stock").asInt()).isEqualTo(1);
        assertThat(offers.valueStream().map(o -> o.get("type").asString()).distinct())
                .containsExactlyInAnyOrder("PROJECT_DAY", "INTERNSHIP", "WORKING_STUDENT");

        // rebuilt from the topic's events: the same figures
        String before = months.toString() + offers + get(bottlenecksPath);
        jdbc.update("delete from monitor_vacancy where ? = any(network_ids)", network);
        jdbc.update("delete from monitor_month where network_id = ?", network);
        jdbc.update("delete from consumed_event where topic = 'vacancy-events'");
        feed.sent().forEach(feed::deliver);
        feed.awaitAllConsumed();
        Eventually.await("rebuilt", Partners.WAIT, () -> jdbc.queryForObject(
                "select coalesce(sum(events), 0) from monitor_vacancy where ? = any(network_ids)", Integer.class, network) == 8);
        assertThat(get(vacanciesPath).toString() + get(offersPath) + get(bottlenecksPath)).isEqualTo(before);
    }

    static JsonNode offer(JsonNode rows, String type, String month) {
        return rows.valueStream().filter(o -> o.get("type").asString().equals(type) && o.get("month").asString().equals(month))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + month + " in " + rows));
    }

    @Test
    void the_monitor_is_for_the_networks_coordinators_and_periods_are_bounded() {
        Managing api = new Managing(port);
        String path = "/api/monitor/" + network + "/bottlenecks?from=2026-01&to=2026-06";
        assertThat(api.send("GET", path, null, null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", path, coordinatorOf(UUID.randomUUID()), null, null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", path, Managing.staffOf(UUID.randomUUID()), null, null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", path, TestTokens.operations(), null, null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/monitor/" + network + "/vacancies?from=2026-06&to=2026-01", coordinatorOf(network), null, null)
                .statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/monitor/" + network + "/vacancies?from=2020-01&to=2026-01", coordinatorOf(network), null, null)
                .statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/monitor/" + network + "/vacancies?from=januar&to=2026-01", coordinatorOf(network), null, null)
                .statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/monitor/" + network + "/series?from=2026-01&to=2026-06&occupationGroup=Pflege", coordinatorOf(network), null, null)
                .statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/monitor/" + network + "/series?from=2026-01&to=2026-06", coordinatorOf(UUID.randomUUID()), null, null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void measure_figures_count_participants_by_target_group_attendance_and_transitions() {
        UUID host = new Partners(kafka, jdbc).activeMember(network, "Neckartal Präzisionstechnik GmbH", "COMPANY");
        Managing api = new Managing(port);
        UUID measure = api.created(Managing.staffOf(host), Managing.measure(network, host));
        api.move(Managing.staffOf(host), measure, "OPEN", null);
        Registering reg = new Registering(port);
        String[] ids = new String[3];
        String[] groups = {"APPRENTICES", "APPRENTICES", "MIGRATION_BACKGROUND"};
        for (int i = 0; i < 3; i++) {
            ids[i] = json(reg.register("{\"measureId\":\"" + measure + "\",\"name\":\"P" + i + "\",\"email\":\"p" + i
                    + "@example.org\",\"targetGroup\":\"" + groups[i] + "\"}", null)).get("id").asString();
        }
        String session = json(new de.augenhoehe.testing.TestHttp(port).get("/api/measures/" + measure)).get("sessions").get(0).get("id").asString();
        api.send("PUT", "/api/measures/" + measure + "/sessions/" + session + "/attendance", Managing.staffOf(host),
                "{\"records\":[{\"registrationId\":\"" + ids[0] + "\",\"attended\":true},{\"registrationId\":\"" + ids[1]
                        + "\",\"attended\":true},{\"registrationId\":\"" + ids[2] + "\",\"attended\":false}]}", null);
        api.send("PUT", "/api/measures/" + measure + "/registrations/" + ids[0] + "/outcome", Managing.staffOf(host),
                "{\"outcome\":\"STARTED_APPRENTICESHIP\"}", null);
        api.send("PUT", "/api/measures/" + measure + "/registrations/" + ids[1] + "/outcome", Managing.staffOf(host),
                "{\"outcome\":\"COMPLETED\"}", null);
        var month = YearMonth.from(LocalDate.now().plusDays(30));
        JsonNode figures = get("/api/monitor/" + network + "/measures?from=" + month + "&to=" + month);
        assertThat(figures.get("participantsByTargetGroup").toString())
                .contains("{\"targetGroup\":\"APPRENTICES\",\"participants\":2,").contains("{\"targetGroup\":\"MIGRATION_BACKGROUND\",\"participants\":1,");
        assertThat(figures.get("attendanceRate").get("value").asDouble()).isEqualTo(0.67);
        assertThat(figures.get("noShowRate").get("value").asDouble()).isEqualTo(0.33);
        assertThat(figures.get("attendanceRate").get("events").asInt()).isEqualTo(3);
        assertThat(figures.get("transitionRate").get("value").asDouble()).isEqualTo(0.5);
        assertThat(figures.get("transitionRate").get("events").asInt()).isEqualTo(2);
        JsonNode other = get("/api/monitor/" + network + "/measures?from=2020-01&to=2020-12");
        assertThat(other.get("attendanceRate").get("value").isNull()).isTrue();
        assertThat(other.get("participantsByTargetGroup")).isEmpty();
    }

    @Test
    void returnee_campaign_steps_are_counted_per_month_and_an_erased_person_is_unlinked_not_uncounted() {
        Outreach feed = new Outreach(kafka, jdbc);
        UUID anna = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID vacancy = UUID.randomUUID();
        UUID employer = UUID.randomUUID();
        Instant march = Instant.parse("2026-03-05T10:00:00Z");
        feed.send("returnee-signed-up", anna, "{\"returneeId\":\"" + anna + "\",\"campaignId\":null,\"batchId\":null,\"networkId\":\""
                + network + "\",\"occupationGroup\":\"262\",\"occurredAt\":\"" + march + "\"}");
        feed.send("returnee-signed-up", ben, "{\"returneeId\":\"" + ben + "\",\"campaignId\":null,\"batchId\":null,\"networkId\":\""
                + network + "\",\"occupationGroup\":null,\"occurredAt\":\"" + march + "\"}");
        feed.send("returnee-confirmed", anna, "{\"returneeId\":\"" + anna + "\",\"campaignId\":null,\"batchId\":null,\"networkId\":\""
                + network + "\",\"occupationGroup\":\"262\",\"occurredAt\":\"" + march.plusSeconds(3600) + "\"}");
        String matched = "{\"returneeId\":\"" + anna + "\",\"vacancyId\":\"" + vacancy + "\",\"networkId\":\"" + network
                + "\",\"occurredAt\":\"2026-04-02T10:00:00Z\"}";
        feed.send("returnee-matched", anna, matched);
        feed.send("returnee-matched", anna, matched); // the same match again under a new delivery: one match
        feed.send("returnee-hired", anna, "{\"returneeId\":\"" + anna + "\",\"campaignId\":null,\"networkId\":\"" + network
                + "\",\"employerId\":\"" + employer + "\",\"occurredAt\":\"2026-04-20T10:00:00Z\"}");
        JsonNode months = get("/api/monitor/" + network + "/returnees?from=2026-03&to=2026-04");
        assertThat(months).hasSize(2);
        assertThat(months.get(0).get("signedUp").asInt()).isEqualTo(2);
        assertThat(months.get(0).get("confirmed").asInt()).isEqualTo(1);
        assertThat(months.get(0).get("signedUpByOccupationGroup").toString()).isEqualTo("{\"262\":1,\"NOT_STATED\":1}");
        assertThat(months.get(0).get("events").asInt()).isEqualTo(3);
        assertThat(months.get(1).get("matched").asInt()).isEqualTo(1);
        assertThat(months.get(1).get("hired").asInt()).isEqualTo(1);
        assertThat(months.get(1).get("period").get("to").asString()).isEqualTo("2026-04-30");

        feed.send("person-erased", anna, "{\"returneeId\":\"" + anna + "\",\"occurredAt\":\"2026-05-01T10:00:00Z\"}");
        assertThat(jdbc.queryForObject("select count(*) from monitor_returnee_step where returnee_id = ?", Integer.class, anna)).isZero();
        assertThat(get("/api/monitor/" + network + "/returnees?from=2026-03&to=2026-04").toString()).isEqualTo(months.toString());
    }

    static JsonNode cell(JsonNode months, String group, String month) {
        return months.valueStream().filter(m -> m.get("occupationGroup").asString().equals(group) && m.get("month").asString().equals(month))
                .findFirst().orElseThrow(() -> new AssertionError("no " + group + " " + month + " in " + months));
    }

    static JsonNode group(JsonNode rows, String group) {
        return rows.valueStream().filter(m -> m.get("occupationGroup").asString().equals(group)).findFirst().orElseThrow();
    }
}
