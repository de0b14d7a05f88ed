package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import de.augenhoehe.platform.events.EventPublisher.Event;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TopicRecords;

/** {@link EventPublisher#publishAll}: many events of one transaction as one JDBC batch. Real PostgreSQL, real Kafka. */
class OutboxBatchIT {

    private static final String RENAMED = "augenhoehe.sample.widget-renamed.v1";

    @Test
    void all_events_are_written_in_list_order_as_multi_row_inserts_and_relayed_in_order_per_key() {
        String topic = "batch-" + UUID.randomUUID();
        OutboxFixture outbox = new OutboxFixture(topic, true);
        outbox.properties.setValidateAgainstSchema(true);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            events.add(new Event(RENAMED, "widget-" + (i % 7), Map.of("widgetId", UUID.randomUUID().toString(), "name", "n" + i)));
        }

        List<String> ids = outbox.tx.execute(s -> outbox.publisher().publishAll(events));

        assertThat(ids).hasSize(1200).doesNotHaveDuplicates();
        List<Map<String, Object>> rows = outbox.jdbc.queryForList(
                "select event_id, event_key, event_type, source, payload, shard, occurred_at from outbox_event order by position");
        assertThat(rows).extracting(r -> r.get("event_id")).containsExactlyElementsOf(ids);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            assertThat(r.get("event_key")).isEqualTo("widget-" + (i % 7));
            assertThat(r.get("event_type")).isEqualTo(RENAMED);
            assertThat(r.get("source")).isEqualTo("/augenhoehe/test");
            assertThat(((Number) r.get("shard")).intValue()).isEqualTo(OutboxEventPublisher.shardOf("widget-" + (i % 7)));
            assertThat((String) r.get("payload")).contains("\"name\":\"n" + i + "\"");
        }

        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        OutboxFixture.createTopic(bootstrap, topic);
        OutboxRelay relay = outbox.relay(bootstrap, 500);
        relay.start();
        try {
            List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, topic, rs -> rs.size() >= 1200, Duration.ofSeconds(60));
            assertThat(records).hasSize(1200);
            // per key, the order of the list
            List<String> names = records.stream().filter(r -> r.key().equals("widget-3"))
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8).replaceAll(".*\"name\":\"n(\\d+)\".*", "$1")).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 3; i < 1200; i += 7) {
                expected.add(String.valueOf(i));
            }
            assertThat(names).containsExactlyElementsOf(expected);
        } finally {
            relay.stop();
        }
    }

    @Test
    void one_event_violating_its_schema_writes_none_of_the_batch() {
        OutboxFixture outbox = new OutboxFixture("batch-" + UUID.randomUUID(), true);
        outbox.properties.setValidateAgainstSchema(true);
        List<Event> events = List.of(
                new Event(RENAMED, "a", Map.of("widgetId", UUID.randomUUID().toString(), "name", "gut")),
                new Event(RENAMED, "b", Map.of("widgetId", UUID.randomUUID().toString(), "name", "")),
                new Event(RENAMED, "c", Map.of("widgetId", UUID.randomUUID().toString(), "name", "auch gut")));

        assertThatThrownBy(() -> outbox.publisher().publishAll(events))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("violates its schema");

        assertThat(outbox.jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isZero();
    }

    @Test
    void an_empty_list_writes_nothing() {
        OutboxFixture outbox = new OutboxFixture("batch-" + UUID.randomUUID(), true);
        List<String> ids = outbox.tx.execute(s -> outbox.publisher().publishAll(List.of()));
        assertThat(ids).isEmpty();
        assertThat(outbox.jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isZero();
    }
}
