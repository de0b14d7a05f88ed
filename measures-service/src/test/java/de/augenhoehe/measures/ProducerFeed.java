package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Events on another service's topic as that service publishes them: its CloudEvents envelope, the data checked against
 * its schema files (public: the monitor's tests feed vacancy-events from their package). The test feeds ({@link Partners}, {@link Vacancies}, {@link Outreach}) say what the events hold.
 */
public record ProducerFeed(String service, String topic) {

    public static final Duration WAIT = Duration.ofSeconds(30);

    /** Fails the test unless the data conforms to the producer's schema of the type. */
    public void conforms(String type, String data) {
        Path schema = Path.of("../" + service + "/src/main/resources/contracts/events").resolve(type + ".schema.json");
        try {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(schema), InputFormat.JSON).validate(data, InputFormat.JSON))
                    .as("conforms to " + service + "'s schema of " + type).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(service + "'s schema " + schema + " is missing", e);
        }
    }

    /** Puts one event on the topic (again, for a replay: the same id). */
    public void deliver(KafkaTemplate<String, byte[]> kafka, String id, String type, String key, String data) {
        try {
            var record = new ProducerRecord<String, byte[]>(topic, key, data.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), id, "/augenhoehe/" + service, type, key, Instant.now(), null);
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks, delivers and waits until measures-service has consumed the event. */
    void send(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc, String type, UUID key, String data) {
        conforms(type, data);
        String id = UUID.randomUUID().toString();
        deliver(kafka, id, type, key.toString(), data);
        Eventually.await("event " + id + " consumed", WAIT, () -> consumed(jdbc, id));
    }

    public static boolean consumed(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, id) == 1;
    }
}
