package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TopicRecords;

/**
 * The relay's snapshot cursor (issue #21, step e of infra/benchmarks/events/README.md): it writes no relayed row, and
 * it loses no row whose transaction commits after a pass went past a larger position. Real Kafka, real PostgreSQL.
 */
class OutboxRelayCursorIT {

    @Test
    void a_row_committed_after_a_pass_relayed_a_larger_position_of_its_shard_is_still_relayed() throws Exception {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        OutboxFixture outbox = OutboxFixture.onNewTopic("late");
        String early = "early-key";
        String late = IntStream.range(0, 1000).mapToObj(i -> "later-key-" + i)
                .filter(k -> OutboxEventPublisher.shardOf(k) == OutboxEventPublisher.shardOf(early)).findFirst().orElseThrow();
        OutboxRelay relay = outbox.relay(bootstrap, 100);
        Infrastructure infra = Infrastructure.get();
        try (Connection slow = DriverManager.getConnection(outbox.jdbcUrl, infra.postgresUser(), infra.postgresPassword())) {
            slow.setAutoCommit(false);
            try (var insert = slow.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, shard)
                    values ('slow-event', ?, ?, 'augenhoehe.test.sequenced.v1', '/augenhoehe/test', now(), '{"sequence":0}', ?)""")) {
                insert.setString(1, outbox.properties.getTopic());
                insert.setString(2, early);
                insert.setInt(3, OutboxEventPublisher.shardOf(early));
                insert.executeUpdate(); // takes its position now, commits only after the pass below
            }
            String quick = outbox.publish(late, 1); // a larger position of the same shard, committed first
            assertThat(relay.relayPending()).as("the pass sees only the committed row").isEqualTo(1);
            slow.commit();
            assertThat(position(outbox, "slow-event")).as("the late commit's position is below the relayed one")
                    .isLessThan(position(outbox, quick));
        }
        assertThat(outbox.pending()).as("the late commit is pending, though its position is below a relayed one").isEqualTo(1);
        assertThat(relay.relayPending()).as("the next pass relays it").isEqualTo(1);
        assertThat(outbox.pending()).isZero();
        assertThat(relay.relayPending()).as("and nothing twice").isZero();
        relay.stop();
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, outbox.properties.getTopic(), rs -> rs.size() >= 2, Duration.ofSeconds(60));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(late, early);
    }

    @Test
    void no_relayed_row_is_written() {
        OutboxFixture outbox = OutboxFixture.onNewTopic("unwritten");
        OutboxRelay relay = outbox.relay(Infrastructure.get().kafkaBootstrapServers(), 10);
        for (int i = 0; i < 40; i++) {
            outbox.publish("key-" + (i % 7), i);
        }
        List<Map<String, Object>> before = versions(outbox);
        int relayed = 0;
        for (int pass = 0; pass < 10 && outbox.pending() > 0; pass++) {
            relayed += relay.relayPending();
            outbox.publish("later-" + pass, pass); // rows arrive between passes, as in a service
        }
        while (outbox.pending() > 0) {
            relayed += relay.relayPending();
        }
        relay.stop();
        assertThat(relayed).isEqualTo(50);
        assertThat(versions(outbox).subList(0, before.size()))
                .as("every row keeps the version its writer committed (xmin, place): the relay rewrote none").isEqualTo(before);
        assertThat(outbox.jdbc.queryForObject("select count(*) from outbox_relayed", Integer.class)).isEqualTo(50);
    }

    @Test
    void the_cleanup_deletes_relayed_rows_past_the_retention_and_no_pending_one() {
        OutboxFixture outbox = OutboxFixture.onNewTopic("cleanup");
        EventsProperties.Relay settings = new EventsProperties.Relay();
        settings.setRetention(Duration.ZERO);
        Map<String, Object> producer = Map.of(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers());
        OutboxRelay relay = new OutboxRelay(outbox.jdbc, outbox.tx, () -> RelayProducer.create(producer), settings,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        for (int i = 0; i < 5; i++) {
            outbox.publish("key-" + i, i);
        }
        assertThat(relay.relayPending()).isEqualTo(5);
        String pending = outbox.publish("key-late", 5);
        relay.cleanupIfDue();
        relay.stop();
        assertThat(outbox.jdbc.queryForList("select event_id from outbox_event", String.class))
                .as("the relayed rows deleted, the pending one kept").containsExactly(pending);
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void rows_written_before_the_cursor_keep_their_state_relayed_or_pending() {
        Infrastructure infra = Infrastructure.get();
        var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(infra.jdbcUrl(infra.createDatabase("outbox")),
                infra.postgresUser(), infra.postgresPassword());
        var flyway = org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/platform");
        flyway.target("0.1").load().migrate();
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(ds);
        jdbc.update("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, shard, published_at)
                select 'old-' || i, 't', 'key-' || i, 'x', 's', now(), '{}', i % 16, case when i <= 30 then now() end
                from generate_series(1, 50) i""");

        flyway.target("latest").load().migrate();
        assertThat(jdbc.queryForList("select event_id from outbox_pending order by position", String.class))
                .as("the rows without published_at are pending").containsExactlyElementsOf(
                        IntStream.rangeClosed(31, 50).mapToObj(i -> "old-" + i).toList());
        assertThat(jdbc.queryForObject("select count(*) from outbox_relayed", Integer.class)).as("the others relayed").isEqualTo(30);
    }

    private static long position(OutboxFixture outbox, String eventId) {
        return outbox.jdbc.queryForObject("select position from outbox_event where event_id = ?", Long.class, eventId);
    }

    private static List<Map<String, Object>> versions(OutboxFixture outbox) {
        return outbox.jdbc.queryForList("select position, xmin::text as xmin, ctid::text as ctid from outbox_event order by position");
    }
}
