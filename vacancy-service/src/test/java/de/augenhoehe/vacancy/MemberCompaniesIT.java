package de.augenhoehe.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TopicRecords;
import de.augenhoehe.vacancy.employers.MemberCompanies;

/**
 * partner-events → member companies (issue #4: only active member companies may post). Events in the producer's
 * CloudEvents envelope, their data checked against partner-service's schema files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class MemberCompaniesIT {

    static final Path PRODUCER_SCHEMAS = Path.of("../partner-service/src/main/resources/contracts/events");
    static final String REGISTERED = "augenhoehe.partner.registered.v1";
    static final String UPDATED = "augenhoehe.partner.updated.v1";
    static final String APPLIED = "augenhoehe.partner.membership-applied.v1";
    static final String ACTIVATED = "augenhoehe.partner.membership-activated.v1";
    static final String SUSPENDED = "augenhoehe.partner.membership-suspended.v1";
    static final String ENDED = "augenhoehe.partner.membership-ended.v1";
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired MemberCompanies members;

    final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void a_company_may_post_only_while_a_membership_is_active_through_the_whole_lifecycle() throws Exception {
        UUID company = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        register(company, "Emsland Werft GmbH", "COMPANY");

        step(APPLIED, company, network, membership, "COMPANY", 1);
        assertThat(members.canPost(company)).as("applied").isFalse();
        assertThat(members.networksOf(company)).isEmpty();
        assertThat(get("/api/vacancies/employers/" + company).body()).contains("\"networks\":[]");

        step(ACTIVATED, company, network, membership, "COMPANY", 2);
        assertThat(members.canPost(company)).as("active").isTrue();
        assertThat(members.isActiveMember(company, network)).isTrue();
        assertThat(members.networksOf(company)).containsExactly(network);
        assertThat(get("/api/vacancies/employers/" + company).body()).contains("\"networks\":[\"" + network + "\"]");

        step(SUSPENDED, company, network, membership, "COMPANY", 3);
        assertThat(members.canPost(company)).as("suspended").isFalse();
        assertThat(members.isActiveMember(company, network)).isFalse();
        assertThat(get("/api/vacancies/employers/" + company).body()).contains("\"networks\":[]");

        step(ACTIVATED, company, network, membership, "COMPANY", 4);
        assertThat(members.canPost(company)).as("active again").isTrue();

        step(ENDED, company, network, membership, "COMPANY", 5);
        assertThat(members.canPost(company)).as("ended").isFalse();
        assertThat(members.networksOf(company)).isEmpty();
        assertThat(members.membershipsOf(company)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MemberCompanies.Status.ENDED);
            assertThat(m.membershipId()).isEqualTo(membership);
            assertThat(m.since()).isEqualTo(at(5));
            assertThat(m.appliedAt()).isEqualTo(at(1));
        });

        UUID again = UUID.randomUUID();
        step(APPLIED, company, network, again, "COMPANY", 6);
        step(ACTIVATED, company, network, again, "COMPANY", 7);
        assertThat(members.canPost(company)).as("a new membership after the ended one").isTrue();
    }

    @Test
    void a_school_never_may_post_even_as_an_active_member() throws Exception {
        UUID school = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        register(school, "BBS Papenburg", "SCHOOL");
        step(APPLIED, school, network, membership, "SCHOOL", 1);
        step(ACTIVATED, school, network, membership, "SCHOOL", 2);
        assertThat(members.isActiveMember(school, network)).isTrue();
        assertThat(members.networksOf(school)).containsExactly(network);
        assertThat(members.canPost(school)).isFalse();
    }

    @Test
    void a_membership_event_before_the_registration_is_kept_with_the_kind_it_carries() throws Exception {
        UUID company = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        step(APPLIED, company, network, membership, "COMPANY", 1);
        step(ACTIVATED, company, network, membership, "COMPANY", 2);
        assertThat(members.canPost(company)).isTrue();
        assertThat(get("/api/vacancies/employers/" + company).statusCode()).as("no name known yet").isEqualTo(404);
    }

    @Test
    void a_redelivered_or_stale_older_event_does_not_change_newer_state() throws Exception {
        UUID company = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        register(company, "Nordwest Logistik GmbH", "COMPANY");
        step(APPLIED, company, network, membership, "COMPANY", 1);
        String activated = step(ACTIVATED, company, network, membership, "COMPANY", 2);
        step(SUSPENDED, company, network, membership, "COMPANY", 3);

        // the same event again (platform dedup by id) …
        send(activated, ACTIVATED, company, membershipData(company, network, membership, "COMPANY", "ACTIVE", 2));
        // … and an older step under another id (e.g. a redriven dead letter): both change nothing
        String stale = UUID.randomUUID().toString();
        send(stale, ACTIVATED, company, membershipData(company, network, membership, "COMPANY", "ACTIVE", 2));
        awaitConsumed(stale);
        assertThat(status(company, network)).isEqualTo("SUSPENDED");
        assertThat(members.canPost(company)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, activated)).isEqualTo(1);

        // profile: version 2, then a stale version 1 and a stale registration; the name of version 2 stays
        String v2 = UUID.randomUUID().toString();
        send(v2, UPDATED, company, profile(company, "Nordwest Logistik GmbH & Co. KG", "COMPANY", 2));
        awaitConsumed(v2);
        String v1 = UUID.randomUUID().toString();
        send(v1, UPDATED, company, profile(company, "Nordwest Logistik AG", "COMPANY", 1));
        String registeredAgain = UUID.randomUUID().toString();
        send(registeredAgain, REGISTERED, company, registration(company, "Nordwest Logistik GmbH", "COMPANY"));
        awaitConsumed(v1);
        awaitConsumed(registeredAgain);
        assertThat(get("/api/vacancies/employers/" + company).body()).contains("Nordwest Logistik GmbH & Co. KG");
    }

    @Test
    void a_name_change_is_taken_over_and_memberships_in_two_networks_are_independent() throws Exception {
        UUID company = UUID.randomUUID();
        UUID heilbronn = UUID.randomUUID();
        UUID emsAchse = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        register(company, "Zweinetz GmbH", "COMPANY");
        String renamed = UUID.randomUUID().toString();
        send(renamed, UPDATED, company, profile(company, "Zweinetz Maschinenbau GmbH", "COMPANY", 1));
        awaitConsumed(renamed);
        assertThat(get("/api/vacancies/employers/" + company).body()).contains("Zweinetz Maschinenbau GmbH");

        step(APPLIED, company, heilbronn, m1, "COMPANY", 1);
        step(ACTIVATED, company, heilbronn, m1, "COMPANY", 2);
        step(APPLIED, company, emsAchse, m2, "COMPANY", 3);
        step(ACTIVATED, company, emsAchse, m2, "COMPANY", 4);
        assertThat(members.networksOf(company)).isEqualTo(Set.of(heilbronn, emsAchse));
        assertThat(get("/api/vacancies/employers/" + company).body()).contains(heilbronn.toString()).contains(emsAchse.toString());

        step(SUSPENDED, company, heilbronn, m1, "COMPANY", 5);
        assertThat(members.canPost(company)).as("still active in the other network").isTrue();
        assertThat(members.networksOf(company)).containsExactly(emsAchse);
        assertThat(members.isActiveMember(company, heilbronn)).isFalse();

        step(ENDED, company, emsAchse, m2, "COMPANY", 6);
        assertThat(members.canPost(company)).as("one suspended, one ended").isFalse();
        assertThat(members.networksOf(company)).isEmpty();
        assertThat(members.membershipsOf(company)).hasSize(2);
    }

    @Test
    void unreadable_partner_events_are_dead_lettered_and_change_nothing() throws Exception {
        UUID noTime = UUID.randomUUID();
        sendUnchecked(UUID.randomUUID().toString(), ACTIVATED, noTime, "{\"membershipId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\""
                + noTime + "\",\"networkId\":\"" + UUID.randomUUID() + "\",\"partnerKind\":\"COMPANY\",\"status\":\"ACTIVE\",\"appliedAt\":\""
                + at(1) + "\"}");
        UUID wrongStatus = UUID.randomUUID();
        sendUnchecked(UUID.randomUUID().toString(), ACTIVATED, wrongStatus,
                membershipData(wrongStatus, UUID.randomUUID(), UUID.randomUUID(), "COMPANY", "ENDED", 1));
        UUID badId = UUID.randomUUID();
        sendUnchecked(UUID.randomUUID().toString(), SUSPENDED, badId, membershipData(badId, UUID.randomUUID(), UUID.randomUUID(), "COMPANY",
                "SUSPENDED", 1).replace("\"networkId\":\"", "\"networkId\":\"x"));
        UUID noVersion = UUID.randomUUID();
        sendUnchecked(UUID.randomUUID().toString(), UPDATED, noVersion, registration(noVersion, "Ohne Version GmbH", "COMPANY"));

        Set<String> partners = Set.of(noTime.toString(), wrongStatus.toString(), badId.toString(), noVersion.toString());
        var dead = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "partner-events.DLT",
                rs -> rs.stream().filter(r -> partners.contains(r.key())).count() >= 4, WAIT);
        assertThat(dead.stream().filter(r -> partners.contains(r.key())))
                .hasSize(4)
                .allMatch(r -> TopicRecords.header(r, "kafka_dlt-exception-cause-fqcn").endsWith("UnreadableEventException"));
        for (UUID p : new UUID[] {noTime, wrongStatus, badId, noVersion}) {
            assertThat(jdbc.queryForObject("select count(*) from employer_membership where partner_id = ?", Integer.class, p)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from employer where partner_id = ?", Integer.class, p)).isZero();
        }
    }

    // --- helpers

    private Instant at(int step) {
        return start.plus(step, ChronoUnit.MINUTES);
    }

    private void register(UUID partner, String name, String kind) throws Exception {
        String id = UUID.randomUUID().toString();
        send(id, REGISTERED, partner, registration(partner, name, kind));
        awaitConsumed(id);
    }

    /** Sends one membership step (occurredAt = start + step minutes) and waits until it is applied. */
    private String step(String type, UUID partner, UUID network, UUID membership, String kind, int step) throws Exception {
        String status = switch (type) {
            case APPLIED -> "APPLIED";
            case ACTIVATED -> "ACTIVE";
            case SUSPENDED -> "SUSPENDED";
            default -> "ENDED";
        };
        String id = UUID.randomUUID().toString();
        send(id, type, partner, membershipData(partner, network, membership, kind, status, step));
        awaitConsumed(id);
        assertThat(status(partner, network)).isEqualTo(status);
        return id;
    }

    private String membershipData(UUID partner, UUID network, UUID membership, String kind, String status, int step) {
        return "{\"membershipId\":\"" + membership + "\",\"partnerId\":\"" + partner + "\",\"networkId\":\"" + network
                + "\",\"partnerKind\":\"" + kind + "\",\"status\":\"" + status + "\",\"appliedAt\":\"" + at(1)
                + "\",\"occurredAt\":\"" + at(step) + "\"}";
    }

    private static String registration(UUID partner, String name, String kind) {
        return "{\"partnerId\":\"" + partner + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}";
    }

    private static String profile(UUID partner, String name, String kind, long version) {
        return "{\"partnerId\":\"" + partner + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                + "\",\"postalCode\":\"26871\",\"city\":\"Papenburg\",\"kreis\":\"03454\",\"version\":" + version + "}";
    }

    private String status(UUID partner, UUID network) {
        return jdbc.query("select status from employer_membership where partner_id = ? and network_id = ?",
                (rs, n) -> rs.getString(1), partner, network).stream().findFirst().orElse(null);
    }

    private void awaitConsumed(String eventId) {
        Eventually.await("event " + eventId + " consumed", WAIT, () -> jdbc.queryForObject(
                "select count(*) from consumed_event where event_id = ?", Integer.class, eventId) == 1);
    }

    /** Sends in partner-service's envelope, after checking that the data conforms to partner-service's schema. */
    private void send(String eventId, String type, UUID partner, String data) throws Exception {
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(PRODUCER_SCHEMAS.resolve(type + ".schema.json")), InputFormat.JSON)
                .validate(data, InputFormat.JSON)).as("the test event conforms to partner-service's schema of " + type).isEmpty();
        sendUnchecked(eventId, type, partner, data);
    }

    /** Sends data partner-service would never produce (for the dead-letter test). */
    private void sendUnchecked(String eventId, String type, UUID partner, String data) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("partner-events", partner.toString(), data.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), eventId, "/augenhoehe/partner-service", type, partner.toString(), Instant.now(), null);
        kafka.send(record).get();
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }
}
