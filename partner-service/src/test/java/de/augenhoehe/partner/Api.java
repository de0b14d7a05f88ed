package de.augenhoehe.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** What the integration tests of this service say to it, in few words. */
record Api(int port) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, String token, String body) {
        return new TestHttp(port).send(method, path, token, body);
    }

    /** A request with an If-Match header (TestHttp sends none). */
    HttpResponse<String> sendIfMatch(String method, String path, String token, String ifMatch, String body) {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static UUID id(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static String coordinator(String subject, UUID... networks) {
        return TestTokens.subject(subject).roles("coordinator").networks(List.of(networks)).sign();
    }

    static String partnerAdmin(String subject, UUID partner) {
        return TestTokens.subject(subject).roles("partner_admin").partner(partner).sign();
    }

    /** The records with this key on partner-events, waiting until {@code count} of them are there. */
    static List<ConsumerRecord<String, byte[]>> events(String key, int count) {
        return TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "partner-events",
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicRecords.header(r, "ce_type")).toList();
    }

    static Map<String, Object> map(ConsumerRecord<String, byte[]> record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(record.value(), Map.class);
        return m;
    }
}
