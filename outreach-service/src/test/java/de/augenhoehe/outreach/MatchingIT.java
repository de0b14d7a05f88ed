package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/**
 * Matching from vacancy-events (sent in vacancy-service's envelope): occupation group, region radius, type, start;
 * matches follow vacancies opening and closing; notifications respect consent; coordinators see minimal data and
 * record returns and hires; the funnel counts it all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=outreach-service-matching-it", "augenhoehe.outreach.matching.notify-interval=PT0.5S"})
@RealInfrastructure(isolatedDatabase = true)
class MatchingIT extends NetworkIT {

    JsonNode matches(boolean includeClosed) {
        var r = http().get("/api/returnees/matches?networkId=" + network + "&includeClosed=" + includeClosed, coordinator);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return CampaignIT.JSON.readTree(r.body()).get("items");
    }

    @Test
    void confirmed_profiles_are_matched_by_group_region_type_and_start_and_follow_the_vacancies() {
        var fixtures = new Returnee(http());
        var campaign = fixtures.campaign(network, coordinator, "Leer");
        String email = "dora." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        // a welder (KldB 24412, group 244) who wants to come back to the campaign's area (Leer) from March 2027
        String[] dora = fixtures.signUpAndConfirm(Returnee.signUp("Dora", "Janssen", email, campaign.code(), "24412",
                "\"JOB\"", List.of("MATCHING", "MATCH_NOTIFICATIONS")), email);
        UUID employer = UUID.randomUUID();
        Instant t0 = Instant.now();
        UUID papenburg = UUID.randomUUID();   // 20 km from Leer: fits
        UUID berlin = UUID.randomUUID();      // too far
        UUID nurse = UUID.randomUUID();       // another occupation group
        UUID apprenticeship = UUID.randomUUID(); // a type Dora is not interested in
        UUID tooEarly = UUID.randomUUID();    // starts before she can return
        Vacancies.send("published", papenburg, Vacancies.open(papenburg, employer, "JOB", "24422", "26871", 53.0770, 7.4039, LocalDate.parse("2027-04-01"), t0));
        Vacancies.send("published", berlin, Vacancies.open(berlin, employer, "JOB", "24412", "10115", 52.5323, 13.3846, null, t0));
        Vacancies.send("published", nurse, Vacancies.open(nurse, employer, "JOB", "81302", "26789", 53.2316, 7.4610, null, t0));
        Vacancies.send("published", apprenticeship, Vacancies.open(apprenticeship, employer, "APPRENTICESHIP", "24412", "26789", 53.2316, 7.4610, null, t0));
        Vacancies.send("published", tooEarly, Vacancies.open(tooEarly, employer, "JOB", "24412", "26789", 53.2316, 7.4610, LocalDate.parse("2027-01-01"), t0));

        Eventually.await("all five vacancies projected", Duration.ofSeconds(30),
                () -> jdbc.queryForObject("select count(*) from vacancy where id in (?, ?, ?, ?, ?)", Integer.class,
                        papenburg, berlin, nurse, apprenticeship, tooEarly) == 5);
        JsonNode list = matches(false);
        assertThat(list.size()).isEqualTo(1);
        JsonNode match = list.get(0);
        assertThat(match.get("vacancyId").asString()).isEqualTo(papenburg.toString());
        assertThat(match.get("firstName").asString()).isEqualTo("Dora");
        assertThat(match.get("occupation").asString()).isEqualTo("24412");
        assertThat(match.get("distanceKm").asDouble()).isBetween(15.0, 25.0);
        assertThat(match.get("email").isNull()).as("no NETWORK_CONTACT consent").isTrue();
        assertThat(list.toString()).doesNotContain("Janssen", email);

        // notified by mail (consent given), once
        var mail = Mailbox.await(email, 2);
        assertThat(mail.subject()).contains("passende Stelle");
        assertThat(mail.body()).contains(papenburg.toString());

        // a later vacancy opening matches the confirmed profile too; an update out of the region removes it again
        UUID leer = UUID.randomUUID();
        Vacancies.send("published", leer, Vacancies.open(leer, employer, "JOB", "24412", "26789", 53.2316, 7.4610, null, t0));
        Eventually.await("the new vacancy matched", Duration.ofSeconds(30), () -> matches(false).size() == 2);
        Vacancies.send("updated", leer, Vacancies.open(leer, employer, "JOB", "24412", "80331", 48.1372, 11.5755, null, t0.plusSeconds(1)));
        Eventually.await("the moved vacancy unmatched", Duration.ofSeconds(30), () -> matches(false).size() == 1);
        // a stale event (older occurredAt) changes nothing
        Vacancies.send("updated", leer, Vacancies.open(leer, employer, "JOB", "24412", "26789", 53.2316, 7.4610, null, t0));
        // closing a vacancy closes its match
        Vacancies.send("closed", papenburg, Vacancies.closed(papenburg, employer, "JOB", "24422", t0.plusSeconds(2)));
        Eventually.await("the match closed", Duration.ofSeconds(30), () -> matches(false).size() == 0);
        assertThat(matches(true).get(0).get("status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from returnee_match where vacancy_id = ?", Integer.class, leer)).isZero();

        var matched = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "outreach-events",
                rs -> rs.stream().filter(r -> dora[0].equals(r.key()) && "augenhoehe.outreach.returnee-matched.v1"
                        .equals(TopicRecords.header(r, "ce_type"))).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> dora[0].equals(r.key()) && "augenhoehe.outreach.returnee-matched.v1"
                        .equals(TopicRecords.header(r, "ce_type"))).toList();
        assertThat(matched).hasSize(2);
        assertThat(new String(matched.getFirst().value())).contains(papenburg.toString(), network.toString())
                .doesNotContain("Dora", email);

        // the coordinator records the return and the hire; both are told to the ledger
        String other = TestTokens.subject("andere").roles("coordinator").networks(List.of(UUID.randomUUID())).sign();
        assertThat(http().send("POST", "/api/returnees/" + dora[0] + "/returned", other, null).statusCode()).isEqualTo(404);
        assertThat(http().get("/api/returnees/matches?networkId=" + network, other).statusCode()).isEqualTo(403);
        assertThat(http().send("POST", "/api/returnees/" + dora[0] + "/returned", coordinator, null).statusCode()).isEqualTo(200);
        assertThat(http().send("POST", "/api/returnees/" + dora[0] + "/returned", coordinator, null).statusCode()).isEqualTo(409);
        assertThat(http().send("POST", "/api/returnees/" + dora[0] + "/hired", coordinator, "{}").statusCode()).isEqualTo(400);
        var hired = http().send("POST", "/api/returnees/" + dora[0] + "/hired", coordinator, "{\"employerId\":\"" + employer + "\"}");
        assertThat(hired.statusCode()).as(hired.body()).isEqualTo(200);
        var ledger = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "outreach-events",
                rs -> rs.stream().anyMatch(r -> dora[0].equals(r.key()) && "augenhoehe.outreach.returnee-hired.v1"
                        .equals(TopicRecords.header(r, "ce_type"))), Duration.ofSeconds(30)).stream()
                .filter(r -> dora[0].equals(r.key()) && "augenhoehe.outreach.returnee-hired.v1".equals(TopicRecords.header(r, "ce_type")))
                .findFirst().orElseThrow();
        var data = CampaignIT.JSON.readTree(ledger.value());
        assertThat(data.get("employerId").asString()).isEqualTo(employer.toString());
        assertThat(data.get("campaignId").asString()).isEqualTo(campaign.id());

        // the funnel: distributed → scanned → signed up → confirmed → matched → returned/hired
        http().send("POST", "/api/campaigns/" + campaign.id() + "/batches/" + campaign.batchId() + "/distributions", coordinator,
                "{\"volunteer\":\"Ehrenamt\",\"postalCodes\":[\"26789\"],\"on\":\"2026-11-20\",\"quantity\":400}");
        for (int i = 0; i < 4; i++) { // four visitors (one visitor without the cookie counts once per window)
            assertThat(sendAs("/r/" + campaign.code(), "198.51.100." + (10 + i)).statusCode()).isEqualTo(303);
        }
        String pending = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertThat(fixtures.post(Returnee.signUp("Erika", "Meyer", pending, campaign.code(), "24412", "\"JOB\"", List.of("MATCHING"))).statusCode())
                .isEqualTo(202);
        var funnel = http().get("/api/campaigns/" + campaign.id() + "/funnel", coordinator);
        assertThat(funnel.statusCode()).as(funnel.body()).isEqualTo(200);
        JsonNode total = CampaignIT.JSON.readTree(funnel.body()).get("total");
        assertThat(total.get("distributed").asLong()).isEqualTo(400);
        assertThat(total.get("scanned").asLong()).isEqualTo(4);
        assertThat(total.get("signedUp").asLong()).isEqualTo(2);
        assertThat(total.get("confirmed").asLong()).isEqualTo(1);
        assertThat(total.get("matched").asLong()).isEqualTo(1);
        assertThat(total.get("returnedOrHired").asLong()).isEqualTo(1);
        assertThat(total.get("conversion").get("scannedPerDistributed").asDouble()).isEqualTo(0.01);
        assertThat(total.get("conversion").get("signedUpPerScanned").asDouble()).isEqualTo(0.5);
        assertThat(total.get("conversion").get("confirmedPerSignedUp").asDouble()).isEqualTo(0.5);
        JsonNode leerArea = CampaignIT.JSON.readTree(funnel.body()).get("municipalities").get(0);
        assertThat(leerArea.get("area").asString()).isEqualTo("Leer");
        assertThat(leerArea.get("stages").get("signedUp").asLong()).isEqualTo(2);
        assertThat(CampaignIT.JSON.readTree(funnel.body()).get("batches").get(0).get("code").asString()).isEqualTo(campaign.code());
        assertThat(http().get("/api/campaigns/" + campaign.id() + "/funnel", other).statusCode()).isEqualTo(404);
    }

    @Test
    void the_confirmation_answers_the_matches_made_at_that_moment() {
        var fixtures = new Returnee(http());
        var campaign = fixtures.campaign(network, coordinator, "Leer");
        UUID papenburg = UUID.randomUUID();
        UUID employer = UUID.randomUUID();
        Instant opened = Instant.now();
        Vacancies.send("published", papenburg, Vacancies.open(papenburg, employer, "JOB", "24422", "26871", 53.0770, 7.4039,
                null, opened));
        Eventually.await("the vacancy projected", Duration.ofSeconds(30),
                () -> jdbc.queryForObject("select count(*) from vacancy where id = ?", Integer.class, papenburg) == 1);
        String email = "enno." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        var r = fixtures.post(Returnee.signUp("Enno", "Buss", email, campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        var confirm = http().send("POST", "/api/returnees/confirmations", null,
                "{\"token\":\"" + MailLinks.confirmationToken(Mailbox.await(email, 1)) + "\"}");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        JsonNode vacancies = CampaignIT.JSON.readTree(confirm.body()).get("matches").get("vacancies");
        assertThat(vacancies.size()).isEqualTo(1);
        assertThat(vacancies.get(0).get("vacancyId").asString()).isEqualTo(papenburg.toString());
        assertThat(vacancies.get(0).get("postalCode").asString()).isEqualTo("26871");
        assertThat(confirm.body()).doesNotContain("Enno", "Buss", email);
        // the vacancy closes again: the other tests of this database count the matches of their own people
        Vacancies.send("closed", papenburg, Vacancies.closed(papenburg, employer, "JOB", "24422", opened.plusSeconds(1)));
        Eventually.await("the test's vacancy closed", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from vacancy where id = ? and open", Integer.class, papenburg) == 0);
    }

    @Test
    void withdrawing_consent_stops_notifications_at_once_and_contact_consent_shows_the_address() {
        var fixtures = new Returnee(http());
        var campaign = fixtures.campaign(network, coordinator, "Nordhorn");
        String email = "frida." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String[] frida = fixtures.signUpAndConfirm(Returnee.signUp("Frida", "Lange", email, campaign.code(), "73302",
                "\"APPRENTICESHIP\"", List.of("MATCHING", "MATCH_NOTIFICATIONS", "NETWORK_CONTACT")), email);
        var withdraw = http().send("DELETE", "/api/returnees/" + frida[0] + "/consents/MATCH_NOTIFICATIONS", null, null);
        assertThat(withdraw.statusCode()).as("no token").isEqualTo(401);
        var wrong = new TestHttp(port);
        assertThat(sendWithToken("DELETE", "/api/returnees/" + frida[0] + "/consents/MATCH_NOTIFICATIONS", "x".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(sendWithToken("DELETE", "/api/returnees/" + frida[0] + "/consents/MATCH_NOTIFICATIONS", frida[1]).statusCode()).isEqualTo(204);

        UUID vacancy = UUID.randomUUID();
        Vacancies.send("published", vacancy, Vacancies.open(vacancy, UUID.randomUUID(), "DUAL_STUDY", "73302", "26789", 53.2316, 7.4610, null, Instant.now()));
        Eventually.await("the vacancy matched", Duration.ofSeconds(30), () -> matches(false).size() == 1);
        Eventually.await("the notifier went over it", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from returnee_match where vacancy_id = ? and notified_at is not null", Integer.class, vacancy) == 1);
        assertThat(Mailbox.to(email)).as("only the confirmation mail").hasSize(1);
        assertThat(matches(false).get(0).get("email").asString()).isEqualTo(email);
        assertThat(wrong.get("/api/returnees/" + frida[0] + "/export").statusCode()).isEqualTo(401);
    }

    @Test
    void confirmed_profiles_interested_in_returnee_events_are_matched_to_the_network_s_returnee_measures_in_their_kreis() {
        var fixtures = new Returnee(http());
        var campaign = fixtures.campaign(network, coordinator, "Leer");
        String email = "gesa." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String[] gesa = fixtures.signUpAndConfirm(Returnee.signUp("Gesa", "Hinrichs", email, campaign.code(), "24412",
                "\"JOB\",\"RETURNEE_EVENTS\"", List.of("MATCHING")), email);
        Instant t0 = Instant.now();
        UUID stammtisch = UUID.randomUUID();  // returnees, Kreis Leer, this network: fits
        UUID pupils = UUID.randomUUID();      // for pupils
        UUID elsewhere = UUID.randomUUID();   // Kreis Heilbronn
        UUID foreign = UUID.randomUUID();     // another network
        Vacancies.sendMeasure("measure-published", stammtisch, Vacancies.measure(stammtisch, network, "RETURNEES", "03457", "OPEN", t0));
        Vacancies.sendMeasure("measure-published", pupils, Vacancies.measure(pupils, network, "PUPILS_GYMNASIUM", "03457", "OPEN", t0));
        Vacancies.sendMeasure("measure-published", elsewhere, Vacancies.measure(elsewhere, network, "RETURNEES", "08121", "OPEN", t0));
        Vacancies.sendMeasure("measure-published", foreign, Vacancies.measure(foreign, UUID.randomUUID(), "RETURNEES", "03457", "OPEN", t0));
        Eventually.await("the four measures projected", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from measure where id in (?, ?, ?, ?)", Integer.class, stammtisch, pupils, elsewhere, foreign) == 4);
        var list = CampaignIT.JSON.readTree(http().get("/api/returnees/matches/measures?networkId=" + network, coordinator).body()).get("items");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("measureId").asString()).isEqualTo(stammtisch.toString());
        assertThat(list.get(0).get("firstName").asString()).isEqualTo("Gesa");
        assertThat(list.get(0).get("returneeId").asString()).isEqualTo(gesa[0]);

        Vacancies.sendMeasure("measure-cancelled", stammtisch, Vacancies.measureCancelled(stammtisch, network, t0.plusSeconds(1)));
        Eventually.await("the cancelled measure unmatched", Duration.ofSeconds(30), () -> CampaignIT.JSON.readTree(
                http().get("/api/returnees/matches/measures?networkId=" + network, coordinator).body()).get("items").size() == 0);
        assertThat(jdbc.queryForObject("select open from measure where id = ?", Boolean.class, stammtisch)).isFalse();
    }

    @Test
    void the_lists_are_paged_with_a_capped_size_and_a_page_of_matches_reads_its_people_in_one_query() {
        var fixtures = new Returnee(http());
        var campaign = fixtures.campaign(network, coordinator, "Leer");
        for (String name : List.of("Hanna", "Ida", "Jonte")) {
            String email = name.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            fixtures.signUpAndConfirm(Returnee.signUp(name, "Meyer", email, campaign.code(), "52122", "\"JOB\"",
                    List.of("MATCHING")), email);
        }
        UUID vacancy = UUID.randomUUID();
        Vacancies.send("published", vacancy, Vacancies.open(vacancy, UUID.randomUUID(), "JOB", "52122", "26789", 53.2316, 7.4610,
                null, Instant.now()));
        Eventually.await("three matches", Duration.ofSeconds(30), () -> matches(false).size() == 3);

        SummaryQueries.COUNT.set(0);
        var page = CampaignIT.JSON.readTree(http().get("/api/returnees/matches?networkId=" + network + "&size=2", coordinator).body());
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(SummaryQueries.COUNT.get()).as("the people of a page of matches in one query").isEqualTo(1);
        var second = CampaignIT.JSON.readTree(http().get("/api/returnees/matches?networkId=" + network + "&size=2&page=1", coordinator).body());
        assertThat(second.get("items").findValuesAsString("firstName")).hasSize(1)
                .doesNotContainAnyElementsOf(page.get("items").findValuesAsString("firstName"));

        var returnees = CampaignIT.JSON.readTree(http().get("/api/returnees?networkId=" + network + "&size=2", coordinator).body());
        assertThat(returnees.get("items").size()).isEqualTo(2);
        assertThat(returnees.get("total").asLong()).isEqualTo(3);
        for (String path : List.of("/api/returnees?networkId=" + network + "&size=101", "/api/returnees?networkId=" + network + "&size=0",
                "/api/returnees?networkId=" + network + "&page=-1", "/api/returnees/matches?networkId=" + network + "&size=1000",
                "/api/returnees/matches/measures?networkId=" + network + "&size=1000")) {
            var r = http().get(path, coordinator);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
    }

    /** Counts the statements that read coordinators' summaries of returnees (the service runs in this JVM). */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class SummaryQueries {

        static final AtomicInteger COUNT = new AtomicInteger();

        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanPostProcessor countSummaryQueries() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? proxy(DataSource.class, ds) : bean;
                }
            };
        }

        static <T> T proxy(Class<T> type, T target) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
                if ("prepareStatement".equals(m.getName()) && args != null && args[0] instanceof String sql
                        && sql.contains("then r.email end from returnee r")) {
                    COUNT.incrementAndGet();
                }
                Object result;
                try {
                    result = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                return result instanceof Connection c && "getConnection".equals(m.getName())
                        ? proxy(Connection.class, c) : result;
            }));
        }
    }

    HttpResponse<String> sendAs(String path, String clientAddress) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", clientAddress).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> sendWithToken(String method, String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Returnee-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
