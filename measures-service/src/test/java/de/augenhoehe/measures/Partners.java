package de.augenhoehe.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Feeds partner-events as partner-service publishes them (its envelope, data checked against its schema files) and
 * waits until measures-service has consumed each event.
 */
record Partners(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {

    static final ProducerFeed FEED = new ProducerFeed("partner-service", "partner-events");
    static final Duration WAIT = ProducerFeed.WAIT;

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
        FEED.send(kafka, jdbc, type, partner, data);
    }
}
