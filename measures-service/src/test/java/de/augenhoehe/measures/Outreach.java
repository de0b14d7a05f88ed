package de.augenhoehe.measures;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** A test feed of outreach-events in outreach-service's envelope, checked against its schema files ({@link ProducerFeed}). */
record Outreach(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {

    static final ProducerFeed FEED = new ProducerFeed("outreach-service", "outreach-events");

    /** {@code name}: the type without prefix and version, e.g. {@code returnee-signed-up}; waits until consumed. */
    void send(String name, UUID key, String data) {
        FEED.send(kafka, jdbc, "augenhoehe.outreach." + name + ".v1", key, data);
    }
}
