package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Eventually;

/**
 * Feeds partner-events as partner-service publishes them (its envelope, data checked against its schema files) and
 * waits until measures-service has consumed each event.
 */
record Partners(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {

    static final Path PRODUCER_SCHEMAS = Path.of("../partner-service/src/main/resources/contracts/events");
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A registered organisation that is an active member of the network; answers its id. */
    UUID activeMember(UUID network, String name, String kind) {
        UUID partner = UUID.randomUUID();
        register(partner, name, kind);
        UUID membership = UUID.randomUUID();
        step("augenhoehe.partner.membership-applied.v1", "APPLIED", partner, network, membership, kind, Instant.now().minusSeconds(60));
        step("augenhoehe.partner.membership-activated.v1", "ACTIVE", partner, network, membership, kind, Instant.now().minusSeconds(30));
        return partner;
    }

    void register(UUID partner, String name, String kind) {
        send("augenhoehe.partner.registered.v1", partner,
                "{\"partnerId\":\"" + partner + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
    }

    void step(String type, String status, UUID partner, UUID network, UUID membership, String kind, Instant at) {
        send(type, partner, "{\"membershipId\":\"" + membership + "\",\"partnerId\":\"" + partner + "\",\"networkId\":\"" + network
                + "\",\"partnerKind\":\"" + kind + "\",\"status\":\"" + status + "\",\"appliedAt\":\"" + at.minusSeconds(60)
                + "\",\"occurredAt\":\"" + at + "\"}");
    }

    void suspend(UUID partner, UUID network) {
        UUID membership = jdbc.queryForObject("select membership_id from member_membership where partner_id = ? and network_id = ?",
                UUID.class, partner, network);
        step("augenhoehe.partner.membership-suspended.v1", "SUSPENDED", partner, network, membership, "COMPANY", Instant.now());
    }

    void send(String type, UUID partner, String data) {
        try {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(PRODUCER_SCHEMAS.resolve(type + ".schema.json")), InputFormat.JSON)
                    .validate(data, InputFormat.JSON)).as("conforms to partner-service's schema of " + type).isEmpty();
            String id = UUID.randomUUID().toString();
            var record = new ProducerRecord<String, byte[]>("partner-events", partner.toString(), data.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), id, "/augenhoehe/partner-service", type, partner.toString(), Instant.now(), null);
            kafka.send(record).get();
            Eventually.await("event " + id + " consumed", WAIT,
                    () -> jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, id) == 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
