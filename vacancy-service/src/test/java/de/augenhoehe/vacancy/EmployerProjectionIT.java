package de.augenhoehe.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/** partner-events → employer projection, with events in the producer's envelope and checked against its schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class EmployerProjectionIT {

    static final Path PRODUCER_SCHEMA = Path.of("../partner-service/src/main/resources/contracts/events/augenhoehe.partner.registered.v1.schema.json");

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_registered_partner_becomes_a_known_employer_once_even_when_redelivered() throws Exception {
        UUID partner = UUID.randomUUID();
        String data = "{\"partnerId\":\"" + partner + "\",\"name\":\"Emsland Werft GmbH\",\"kind\":\"COMPANY\"}";
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(PRODUCER_SCHEMA), InputFormat.JSON).validate(data, InputFormat.JSON))
                .as("the test event conforms to partner-service's schema").isEmpty();
        String eventId = UUID.randomUUID().toString();
        send(eventId, partner, data);
        send(eventId, partner, data);

        String uri = "/api/vacancies/employers/" + partner;
        Eventually.await("the employer known", Duration.ofSeconds(30), () -> get(uri).statusCode() == 200);
        assertThat(get(uri).body()).contains("Emsland Werft GmbH");
        Eventually.await("the redelivery consumed", Duration.ofSeconds(30), () -> TopicRecords.read(
                Infrastructure.get().kafkaBootstrapServers(), "partner-events", rs -> false, Duration.ofSeconds(1))
                .stream().filter(r -> partner.toString().equals(r.key())).count() == 2);
        assertThat(jdbc.queryForObject("select count(*) from consumed_event where event_id = ?", Integer.class, eventId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from employer where partner_id = ?", Integer.class, partner)).isEqualTo(1);
        assertThat(get("/api/vacancies/employers/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_event_without_the_fields_the_projection_needs_is_dead_lettered_not_retried_forever() throws Exception {
        UUID partner = UUID.randomUUID();
        send(UUID.randomUUID().toString(), partner, "{\"partnerId\":\"" + partner + "\"}");
        var dead = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "partner-events.DLT",
                rs -> rs.stream().anyMatch(r -> partner.toString().equals(r.key())), Duration.ofSeconds(30));
        assertThat(dead).anyMatch(r -> partner.toString().equals(r.key())
                && TopicRecords.header(r, "kafka_dlt-exception-cause-fqcn").endsWith("UnreadableEventException"));
        assertThat(jdbc.queryForObject("select count(*) from employer where partner_id = ?", Integer.class, partner)).isZero();
    }

    private void send(String eventId, UUID partner, String data) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("partner-events", partner.toString(), data.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), eventId, "/augenhoehe/partner-service", "augenhoehe.partner.registered.v1",
                partner.toString(), Instant.now(), null);
        kafka.send(record).get();
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    @Test
    void the_served_openapi_document_is_the_committed_contract() {
        de.augenhoehe.testing.OpenApiContract.assertServedMatchesCommitted(port);
    }
}
