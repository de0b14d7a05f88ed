package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** A test feed of outreach-events in outreach-service's envelope, checked against its schema files. */
record Outreach(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {

    static final Path PRODUCER_SCHEMAS = Path.of("../outreach-service/src/main/resources/contracts/events");

    /** {@code name}: the type without prefix and version, e.g. {@code returnee-signed-up}; waits until consumed. */
    void send(String name, UUID key, String data) {
        String type = "augenhoehe.outreach." + name + ".v1";
        try {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(PRODUCER_SCHEMAS.resolve(type + ".schema.json")), InputFormat.JSON)
                    .validate(data, InputFormat.JSON)).as("conforms to outreach-service's schema of " + type).isEmpty();
            String id = UUID.randomUUID().toString();
            var record = new ProducerRecord<String, byte[]>("outreach-events", key.toString(), data.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), id, "/augenhoehe/outreach-service", type, key.toString(), Instant.now(), null);
            kafka.send(record).get();
            Eventually.await("event " + id + " consumed", Partners.WAIT,
                    () -> jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, id) == 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
