package de.augenhoehe.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.platform.events.CloudEventHeaders;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** The event backbone as a service uses it, on a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class EventBackboneIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SampleApplication.Widgets widgets;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> deadLetterTemplate;
    @Autowired org.springframework.context.ApplicationContext context;
    @LocalServerPort int port;

    @Test
    void spans_are_recorded_with_open_telemetry_but_exported_only_to_a_configured_endpoint() {
        assertThat(context.getBean(io.micrometer.tracing.Tracer.class)).isInstanceOf(io.micrometer.tracing.otel.bridge.OtelTracer.class);
        assertThat(context.getBeanProvider(io.opentelemetry.sdk.trace.export.SpanExporter.class).stream()).isEmpty();
    }

    @Test
    void an_event_is_published_when_its_transaction_commits_as_a_cloud_event() {
        UUID id = UUID.randomUUID();
        widgets.rename(id, "Werkbank", false);

        List<ConsumerRecord<String, byte[]>> records = recordsOf(id, 1);
        ConsumerRecord<String, byte[]> r = records.getFirst();
        assertThat(r.key()).isEqualTo(id.toString());
        assertThat(TopicRecords.header(r, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicRecords.header(r, "ce_type")).isEqualTo(SampleApplication.RENAMED);
        assertThat(TopicRecords.header(r, "ce_source")).isEqualTo("/augenhoehe/sample-service");
        assertThat(TopicRecords.header(r, "ce_subject")).isEqualTo(id.toString());
        assertThat(TopicRecords.header(r, "ce_time")).isNotBlank();
        assertThat(TopicRecords.header(r, "content-type")).isEqualTo("application/json");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"name\":\"Werkbank\"");
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        assertThatThrownBy(() -> widgets.rename(rolledBack, "nie", true)).hasMessageContaining("on purpose");
        widgets.rename(committed, "danach", false);

        recordsOf(committed, 1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_key = ?", Integer.class, rolledBack.toString())).isZero();
        assertThat(TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events",
                rs -> false, Duration.ofSeconds(2))).noneMatch(rec -> rolledBack.toString().equals(rec.key()));
    }

    @Test
    void a_redelivered_event_has_no_second_effect() throws Exception {
        UUID id = UUID.randomUUID();
        widgets.rename(id, "einmal", false);
        Eventually.await("the rename applied", WAIT, () -> applied(id) == 1);
        ConsumerRecord<String, byte[]> original = recordsOf(id, 1).getFirst();

        ProducerRecord<String, byte[]> again = new ProducerRecord<>("sample-events", original.key(), original.value());
        original.headers().forEach(h -> again.headers().add(h));
        deadLetterTemplate.send(again).get();
        UUID later = UUID.randomUUID();
        widgets.rename(later, "später", false);

        Eventually.await("a later event applied", WAIT, () -> applied(later) == 1);
        Eventually.await("the redelivery reached the consumer", WAIT,
                () -> TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events",
                        rs -> rs.stream().filter(r -> id.toString().equals(r.key())).count() == 2, Duration.ofSeconds(5))
                        .stream().filter(r -> id.toString().equals(r.key())).count() == 2);
        Thread.sleep(500);
        assertThat(applied(id)).isEqualTo(1);
    }

    @Test
    void a_poison_event_goes_to_the_dead_letter_topic_with_its_error_and_later_events_still_flow() {
        UUID poison = UUID.randomUUID();
        widgets.rename(poison, "poison", false);
        UUID later = UUID.randomUUID();
        widgets.rename(later, "gesund", false);

        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(),
                "sample-events.DLT", rs -> rs.stream().anyMatch(r -> poison.toString().equals(r.key())), WAIT);
        ConsumerRecord<String, byte[]> letter = dead.stream().filter(r -> poison.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicRecords.header(letter, "kafka_dlt-exception-message")).contains("cannot apply this rename");
        assertThat(TopicRecords.header(letter, "kafka_dlt-original-topic")).isEqualTo("sample-events");
        assertThat(TopicRecords.header(letter, "ce_type")).isEqualTo(SampleApplication.RENAMED);
        Eventually.await("the later event applied", WAIT, () -> applied(later) == 1);
        assertThat(applied(poison)).as("the failed attempts were rolled back").isZero();
    }

    @Test
    void an_unreadable_record_is_dead_lettered_at_once_and_can_be_listed_and_redriven_once_by_operations() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        TestHttp http = new TestHttp(port);
        // listed once before: what the service keeps of that reading must not hide a new dead letter
        assertThat(http.send("GET", "/internal/dead-letters?limit=1000", TestTokens.operations(), null).body()).doesNotContain(key);
        deadLetterTemplate.send("sample-events", key, "not json at all".getBytes(StandardCharsets.UTF_8)).get();

        ConsumerRecord<String, byte[]> letter = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events.DLT",
                rs -> rs.stream().anyMatch(r -> key.equals(r.key())), WAIT).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicRecords.header(letter, "kafka_dlt-exception-cause-fqcn")).contains("UnreadableEventException");
        assertThat(TopicRecords.header(letter, "kafka_dlt-original-consumer-group")).isEqualTo("sample-service");

        var listed = http.send("GET", "/internal/dead-letters?limit=1000", TestTokens.operations(), null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(key).contains("UnreadableEventException");
        String redrive = "/internal/dead-letters/sample-events.DLT/" + letter.partition() + "/" + letter.offset() + "/redrive";

        assertThat(http.send("POST", redrive, null, null).statusCode()).isEqualTo(401);
        assertThat(http.send("POST", redrive, TestTokens.subject("coordinator").roles("coordinator").sign(), null).statusCode()).isEqualTo(403);
        // Still unreadable: the redrive says why and changes nothing — no new dead letter, no redrive recorded.
        var failed = http.send("POST", redrive, TestTokens.operations(), null);
        assertThat(failed.statusCode()).isEqualTo(409);
        assertThat(failed.body()).contains("urn:augenhoehe:problem:redrive-failed").contains("UnreadableEventException");
        assertThat(http.send("POST", redrive, TestTokens.operations(), null).statusCode()).isEqualTo(409);
        assertThat(http.send("POST", "/internal/dead-letters/sample-events.DLT/0/999999/redrive", TestTokens.operations(), null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from redriven_dead_letter where dlt_partition = ? and dlt_offset = ?",
                Integer.class, letter.partition(), letter.offset())).isZero();
        assertThat(TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events.DLT", rs -> false, Duration.ofSeconds(2))
                .stream().filter(r -> key.equals(r.key())).count()).isEqualTo(1);
    }

    @Test
    void a_redrive_applies_the_dead_letter_in_this_group_only_and_once() throws Exception {
        UUID id = UUID.randomUUID();
        String name = "blocked-" + id;
        widgets.rename(id, name, false);
        ConsumerRecord<String, byte[]> letter = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events.DLT",
                rs -> rs.stream().anyMatch(r -> id.toString().equals(r.key())), WAIT).stream()
                .filter(r -> id.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(applied(id)).isZero();
        jdbc.update("insert into unblocked_name (name) values (?)", name); // the person's fix

        TestHttp http = new TestHttp(port);
        assertThat(listedAsRedriven(http, letter)).as("listed, not redriven yet").isFalse();
        String redrive = "/internal/dead-letters/sample-events.DLT/" + letter.partition() + "/" + letter.offset() + "/redrive";
        assertThat(http.send("POST", redrive, TestTokens.operations(), null).statusCode()).isEqualTo(202);
        // listed again: the same letter, now redriven (the topic itself has not moved)
        assertThat(listedAsRedriven(http, letter)).as("listed as redriven").isTrue();
        assertThat(applied(id)).as("applied by the redrive itself").isEqualTo(1);
        assertThat(http.send("POST", redrive, TestTokens.operations(), null).statusCode()).isEqualTo(409);
        assertThat(applied(id)).isEqualTo(1);
        // Not sent back to the shared topic, where every other group that failed on it would dead-letter it again.
        assertThat(TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events", rs -> false, Duration.ofSeconds(2))
                .stream().filter(r -> id.toString().equals(r.key())).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select topic from consumed_event where event_id = ?", String.class,
                TopicRecords.header(letter, "ce_id"))).isEqualTo("sample-events");
    }

    /** Whether the service's list shows the dead letter as redriven (it must show it). */
    private static boolean listedAsRedriven(TestHttp http, ConsumerRecord<String, byte[]> letter) throws Exception {
        var listed = JsonMapper.builder().build().readTree(
                http.send("GET", "/internal/dead-letters?limit=1000", TestTokens.operations(), null).body());
        return listed.valueStream().filter(l -> l.path("partition").asInt() == letter.partition() && l.path("offset").asLong() == letter.offset())
                .findFirst().orElseThrow(() -> new AssertionError("not listed: " + letter.offset())).path("redriven").asBoolean();
    }

    private int applied(UUID id) {
        return jdbc.queryForObject("select count(*) from applied_change where widget_id = ?", Integer.class, id.toString());
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(UUID id, int atLeast) {
        List<ConsumerRecord<String, byte[]>> all = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events",
                rs -> rs.stream().filter(r -> id.toString().equals(r.key())).count() >= atLeast, WAIT);
        List<ConsumerRecord<String, byte[]>> mine = all.stream().filter(r -> id.toString().equals(r.key())).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(atLeast);
        return mine;
    }
}
