package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

import de.augenhoehe.measures.members.NetworkMembers;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TopicRecords;

/** partner-events → who is an active member: lifecycle, stale steps, profile versions, unreadable events. */
@SpringBootTest
@RealInfrastructure(isolatedDatabase = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MembersIT {

    static final String APPLIED = "augenhoehe.partner.membership-applied.v1";
    static final String ACTIVATED = "augenhoehe.partner.membership-activated.v1";
    static final String SUSPENDED = "augenhoehe.partner.membership-suspended.v1";
    static final String ENDED = "augenhoehe.partner.membership-ended.v1";

    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired NetworkMembers members;

    @Test
    void membership_steps_in_order_and_a_stale_step_changes_nothing() {
        Partners feed = new Partners(kafka, jdbc);
        UUID partner = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        Instant t = Instant.parse("2026-10-01T10:00:00Z");
        feed.register(partner, "Stadt Leer (Ostfriesland)", "MUNICIPALITY");
        feed.step(APPLIED, "APPLIED", partner, network, membership, "MUNICIPALITY", t);
        assertThat(members.isActiveMember(partner, network)).isFalse();
        feed.step(ACTIVATED, "ACTIVE", partner, network, membership, "MUNICIPALITY", t.plusSeconds(60));
        assertThat(members.isActiveMember(partner, network)).isTrue();
        assertThat(members.isActiveMember(partner, UUID.randomUUID())).isFalse();
        assertThat(members.activeMemberNamed(network, "Stadt Leer (Ostfriesland)")).hasValue(partner);
        // a suspension from before the activation (redriven late) is stale
        feed.step(SUSPENDED, "SUSPENDED", partner, network, membership, "MUNICIPALITY", t.plusSeconds(30));
        assertThat(members.isActiveMember(partner, network)).isTrue();
        feed.step(ENDED, "ENDED", partner, network, membership, "MUNICIPALITY", t.plusSeconds(120));
        assertThat(members.isActiveMember(partner, network)).isFalse();
        assertThat(members.activeMemberNamed(network, "Stadt Leer (Ostfriesland)")).isEmpty();
        // a new membership after the ended one
        UUID again = UUID.randomUUID();
        feed.step(APPLIED, "APPLIED", partner, network, again, "MUNICIPALITY", t.plusSeconds(180));
        feed.step(ACTIVATED, "ACTIVE", partner, network, again, "MUNICIPALITY", t.plusSeconds(240));
        assertThat(members.isActiveMember(partner, network)).isTrue();

        // profile: version 2, then a stale version 1; the name of version 2 stays
        feed.send("augenhoehe.partner.updated.v1", partner, "{\"partnerId\":\"" + partner + "\",\"name\":\"Stadt Leer\",\"kind\":\"MUNICIPALITY\",\"version\":2}");
        feed.send("augenhoehe.partner.updated.v1", partner, "{\"partnerId\":\"" + partner + "\",\"name\":\"Leer alt\",\"kind\":\"MUNICIPALITY\",\"version\":1}");
        assertThat(members.activeMemberNamed(network, "Stadt Leer")).hasValue(partner);
        assertThat(members.activeMemberNamed(network, "Leer alt")).isEmpty();
    }

    @Test
    void an_unreadable_membership_event_goes_to_the_dead_letter_topic() throws Exception {
        UUID partner = UUID.randomUUID();
        String data = "{\"membershipId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\"" + partner + "\",\"networkId\":\"not-a-uuid\","
                + "\"partnerKind\":\"COMPANY\",\"status\":\"ACTIVE\",\"appliedAt\":\"2026-10-01T10:00:00Z\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}";
        String id = UUID.randomUUID().toString();
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>("partner-events", partner.toString(),
                data.getBytes(StandardCharsets.UTF_8));
        de.augenhoehe.platform.events.CloudEventHeaders.write(record.headers(), id, "/augenhoehe/partner-service", ACTIVATED,
                partner.toString(), Instant.now(), null);
        kafka.send(record).get();
        var dead = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "partner-events.DLT",
                rs -> rs.stream().anyMatch(r -> id.equals(TopicRecords.header(r, "ce_id"))), Duration.ofSeconds(30));
        assertThat(dead).anyMatch(r -> id.equals(TopicRecords.header(r, "ce_id")));
        assertThat(jdbc.queryForObject("select count(*) from member_membership where partner_id = ?", Integer.class, partner)).isZero();
    }
}
