package de.augenhoehe.vacancy.posting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Eventually;

/**
 * Member companies for posting tests, made the way production learns them: partner-service's events on
 * partner-events (same envelope and fields as in MemberCompaniesIT), waiting until consumed.
 */
record Companies(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {

    static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A company registered and active in {@code network}; its membership id is returned by {@link #membership}. */
    UUID active(UUID network) {
        UUID company = UUID.randomUUID();
        send("augenhoehe.partner.registered.v1", company,
                "{\"partnerId\":\"" + company + "\",\"name\":\"Testfirma " + company.toString().substring(0, 6) + " GmbH\",\"kind\":\"COMPANY\"}");
        step(company, network, "membership-applied", "APPLIED", 1);
        step(company, network, "membership-activated", "ACTIVE", 2);
        return company;
    }

    /** One membership step; occurredAt = START + minute (the membership id is derived from partner and network). */
    String step(UUID company, UUID network, String type, String status, int minute) {
        return step(company, network, type, status, minute, "COMPANY");
    }

    String step(UUID company, UUID network, String type, String status, int minute, String kind) {
        return send("augenhoehe.partner." + type + ".v1", company, "{\"membershipId\":\"" + membership(company, network)
                + "\",\"partnerId\":\"" + company + "\",\"networkId\":\"" + network + "\",\"partnerKind\":\"" + kind
                + "\",\"status\":\"" + status + "\",\"appliedAt\":\"" + START.plus(1, ChronoUnit.MINUTES)
                + "\",\"occurredAt\":\"" + START.plus(minute, ChronoUnit.MINUTES) + "\"}");
    }

    static UUID membership(UUID company, UUID network) {
        return UUID.nameUUIDFromBytes((company + "/" + network).getBytes(StandardCharsets.UTF_8));
    }

    static Instant at(int minute) {
        return START.plus(minute, ChronoUnit.MINUTES);
    }

    /** Sends and waits until the event is consumed (all handlers of it ran). */
    String send(String type, UUID company, String data) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("partner-events", company.toString(), data.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), id, "/augenhoehe/partner-service", type, company.toString(), Instant.now(), null);
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Eventually.await("event " + id + " consumed", Duration.ofSeconds(30),
                () -> jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, id) == 1);
        return id;
    }
}
