package de.augenhoehe.measures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TopicRecords;

/** What the registration tests say to the service, in few words; java.net.http directly for the Idempotency-Key. */
record Registering(int port) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An open measure with this capacity, inserted directly: registration tests stay apart from measure management (MeasureManagementIT). */
    static UUID openMeasure(JdbcTemplate jdbc, int capacity) {
        return measure(jdbc, capacity, "OPEN", "now() - interval '1 day'", "now() + interval '1 day'");
    }

    static UUID measure(JdbcTemplate jdbc, int capacity, String status, String opensAt, String closesAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into measure (id, title, type, capacity, status, registration_opens_at, registration_closes_at) "
                + "values (?, 'Techniktag', 'TECHNOLOGY_DAY', ?, ?, " + opensAt + ", " + closesAt + ")", id, capacity, status);
        return id;
    }

    static String body(UUID measure, String name, String email, UUID sendingPartner, Integer groupSize) {
        return "{\"measureId\":\"" + measure + "\",\"name\":\"" + name + "\",\"email\":\"" + email + "\""
                + (sendingPartner == null ? "" : ",\"sendingPartnerId\":\"" + sendingPartner + "\"")
                + (groupSize == null ? "" : ",\"groupSize\":" + groupSize) + "}";
    }

    HttpResponse<String> register(String body, String idempotencyKey) {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/registrations"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> cancel(Object id, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/registrations/" + id + "?token=" + token))
                .DELETE().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The records of one measure on measure-events, waiting until {@code count} of them are there. */
    static List<ConsumerRecord<String, byte[]>> events(UUID measure, int count) {
        String key = measure.toString();
        return TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "measure-events",
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
    }
}
