package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A test feed of vacancy-events in vacancy-service's envelope and agreed fields (common contract), checked against
 * vacancy-service's schema files. Keeps what it sent, so a test can replay it.
 */
record Vacancies(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc, List<Sent> sent) {

    static final Path PRODUCER_SCHEMAS = Path.of("../vacancy-service/src/main/resources/contracts/events");

    record Sent(String id, String type, String key, String data) {
    }

    Vacancies(KafkaTemplate<String, byte[]> kafka, JdbcTemplate jdbc) {
        this(kafka, jdbc, new ArrayList<>());
    }

    UUID published(UUID network, String kreis, String group, int openings, boolean agency, Instant at) {
        UUID id = UUID.randomUUID();
        send("augenhoehe.vacancy.published.v1", id, open(id, network, kreis, group, openings, agency, at, at));
        return id;
    }

    void updated(UUID id, UUID network, String kreis, String group, int openings, Instant publishedAt, Instant at) {
        send("augenhoehe.vacancy.updated.v1", id, open(id, network, kreis, group, openings, false, publishedAt, at));
    }

    void closed(UUID id, UUID network, String kreis, String group, int openings, String reason, Instant publishedAt, Instant at) {
        send("augenhoehe.vacancy.closed.v1", id, "{\"vacancyId\":\"" + id + "\",\"employerId\":\"" + employer() + "\",\"networkIds\":[\""
                + network + "\"],\"type\":\"JOB\",\"kldb\":\"" + group + "22\",\"occupationGroup\":\"" + group + "\",\"kreis\":\"" + kreis
                + "\",\"temporaryAgency\":false,\"openings\":" + openings + ",\"reason\":\"" + reason + "\",\"detail\":null,\"publishedAt\":\""
                + publishedAt + "\",\"closedAt\":\"" + at + "\",\"occurredAt\":\"" + at + "\"}");
    }

    private static String open(UUID id, UUID network, String kreis, String group, int openings, boolean agency, Instant publishedAt, Instant at) {
        return "{\"vacancyId\":\"" + id + "\",\"employerId\":\"" + employer() + "\",\"networkIds\":[\"" + network + "\"],\"type\":\"JOB\","
                + "\"kldb\":\"" + group + "22\",\"occupationGroup\":\"" + group + "\",\"postalCode\":\"74072\",\"kreis\":\"" + kreis + "\","
                + "\"latitude\":49.14,\"longitude\":9.22,\"startDate\":null,\"validThrough\":\"2027-12-31\",\"openings\":" + openings
                + ",\"workingTime\":\"FULL_TIME\",\"temporaryAgency\":" + agency + ",\"publishedAt\":\"" + publishedAt + "\",\"occurredAt\":\"" + at + "\"}";
    }

    private static UUID employer() {
        return UUID.fromString("5a1e0000-0000-4000-8000-000000000001");
    }

    void send(String type, UUID key, String data) {
        Path schema = PRODUCER_SCHEMAS.resolve(type + ".schema.json");
        try {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(schema), InputFormat.JSON).validate(data, InputFormat.JSON))
                    .as("conforms to vacancy-service's schema of " + type).isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("vacancy-service's schema " + schema + " is missing", e);
        }
        Sent s = new Sent(UUID.randomUUID().toString(), type, key.toString(), data);
        sent.add(s);
        deliver(s);
    }

    /** Delivers (again) as the broker would on a replay: same event id, same data. */
    void deliver(Sent s) {
        try {
            var record = new ProducerRecord<String, byte[]>("vacancy-events", s.key(), s.data().getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), s.id(), "/augenhoehe/vacancy-service", s.type(), s.key(), Instant.now(), null);
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitAllConsumed() {
        Eventually.await("all vacancy events consumed", Partners.WAIT, () -> sent.stream().allMatch(s ->
                jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, s.id()) == 1));
    }
}
