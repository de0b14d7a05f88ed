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
        return register(body, idempotencyKey, null);
    }

    /** {@code bearer}: a signed-in person's token (larger groups, nothing to confirm), or null for anonymous. */
    HttpResponse<String> register(String body, String idempotencyKey, String bearer) {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/registrations"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> cancel(Object id, String token) {
        return send(HttpRequest.newBuilder(uri("/api/registrations/" + id)).DELETE(), token);
    }

    /** Any request with the person's secret in the Registration-Token header (null: without it). */
    HttpResponse<String> withSecret(String method, String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), token);
    }

    HttpResponse<String> confirm(Object id, String token) {
        return send(HttpRequest.newBuilder(uri("/api/registrations/" + id + "/confirmation")).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    /** Registers and confirms from the mail, failing the test unless both succeed: a registration that stays. */
    JsonNode registerConfirmed(String body) {
        var r = register(body, null);
        if (r.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + r.statusCode() + ": " + r.body());
        }
        JsonNode reg = json(r);
        var confirmed = confirm(reg.get("id").asString(), RegistrationLinks.token(reg.get("id").asString()));
        if (confirmed.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + confirmed.statusCode() + ": " + confirmed.body());
        }
        return reg;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The secret in the Registration-Token header, as the portal page sends it. */
    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Registration-Token", token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
