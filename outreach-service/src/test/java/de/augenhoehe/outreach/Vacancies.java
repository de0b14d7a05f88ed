package de.augenhoehe.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Infrastructure;

/** Publishes vacancy-events the way vacancy-service does (CloudEvents envelope, agreed fields), for the projection. */
final class Vacancies {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    private Vacancies() {
    }

    /** A published/updated vacancy at a postal code's centre. */
    static String open(UUID vacancy, UUID employer, String type, String kldb, String postalCode, double lat, double lon,
            LocalDate start, Instant occurredAt) {
        return """
                {"vacancyId":"%s","employerId":"%s","networkIds":[],"type":"%s","kldb":"%s","occupationGroup":"%s",
                 "postalCode":"%s","kreis":null,"latitude":%s,"longitude":%s,"startDate":%s,"validThrough":"2099-12-31",
                 "openings":1,"workingTime":"FULL_TIME","temporaryAgency":false,"publishedAt":"%s","occurredAt":"%s"}"""
                .formatted(vacancy, employer, type, kldb, kldb.substring(0, 3), postalCode, lat, lon,
                        start == null ? "null" : "\"" + start + "\"", occurredAt, occurredAt);
    }

    static String closed(UUID vacancy, UUID employer, String type, String kldb, Instant occurredAt) {
        return """
                {"vacancyId":"%s","employerId":"%s","networkIds":[],"type":"%s","kldb":"%s","occupationGroup":"%s",
                 "kreis":null,"temporaryAgency":false,"openings":1,"reason":"FILLED","detail":null,"publishedAt":"%s",
                 "closedAt":"%s","occurredAt":"%s"}""".formatted(vacancy, employer, type, kldb, kldb.substring(0, 3),
                occurredAt, occurredAt, occurredAt);
    }

    /** The producer's schemas: what this test sends must be what vacancy-service may publish. */
    static final Path PRODUCER_SCHEMAS = Path.of("../vacancy-service/src/main/resources/contracts/events");

    static void send(String type, UUID vacancy, String data) {
        publish("vacancy-events", "augenhoehe.vacancy." + type + ".v1", PRODUCER_SCHEMAS, "/augenhoehe/vacancy-service", vacancy, data);
    }

    static final Path MEASURE_SCHEMAS = Path.of("../measures-service/src/main/resources/contracts/events");

    /** A measure event as measures-service publishes it. */
    static void sendMeasure(String type, UUID measure, String data) {
        publish("measure-events", "augenhoehe.measures." + type + ".v1", MEASURE_SCHEMAS, "/augenhoehe/measures-service", measure, data);
    }

    static String measure(UUID measure, UUID network, String targetGroup, String kreis, String status, Instant occurredAt) {
        return """
                {"measureId":"%s","networkId":"%s","hostPartnerId":"%s","coOrganiserIds":[],"type":"RETURNEE_EVENT",
                 "targetGroups":["%s"],"kreise":["%s"],"occupationGroups":[],"capacity":40,"status":"%s",
                 "firstSessionDate":"2099-12-27","lastSessionDate":"2099-12-27","occurredAt":"%s"}"""
                .formatted(measure, network, UUID.randomUUID(), targetGroup, kreis, status, occurredAt);
    }

    static String measureCancelled(UUID measure, UUID network, Instant occurredAt) {
        return """
                {"measureId":"%s","networkId":"%s","hostPartnerId":"%s","reason":null,"participants":0,"occurredAt":"%s"}"""
                .formatted(measure, network, UUID.randomUUID(), occurredAt);
    }

    private static void publish(String topic, String ceType, Path schemas, String source, UUID key, String data) {
        try {
            var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(schemas.resolve(ceType + ".schema.json")),
                            com.networknt.schema.InputFormat.JSON);
            var violations = schema.validate(data, com.networknt.schema.InputFormat.JSON);
            if (!violations.isEmpty()) {
                throw new AssertionError("test event does not conform to the producer's schema: " + violations);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), data.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), source, ceType, key.toString(), Instant.now(), null);
        try {
            PRODUCER.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
