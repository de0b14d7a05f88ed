package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.Infrastructure;

/**
 * The views {@code outbox_pending} and {@code outbox_oldest_pending} (V0_3, issue #21 step h), which read each shard's
 * pending rows by index instead of every row since the relayed snapshot, against their definition — "not relayed" by
 * {@code outbox_relayed(…)} over every row — in each state a shard's cursor can be in. Real PostgreSQL, real Kafka.
 */
class OutboxPendingIT {

    private static final String BY_DEFINITION = """
            select e.event_id from outbox_event e join outbox_relay_cursor c on c.shard = e.shard
            where not outbox_relayed(e.xid, e.position, c) order by e.position""";

    @Test
    void the_pending_rows_are_those_not_relayed_with_windows_open_closed_and_late_commits() throws Exception {
        OutboxFixture outbox = OutboxFixture.onNewTopic("pending");
        OutboxRelay relay = outbox.relay(Infrastructure.get().kafkaBootstrapServers(), 3);
        try {
            // shard of "a": many rows, so its window stays open over several passes; other shards: a row or two
            List<String> keys = IntStream.range(0, 200).mapToObj(i -> "k-" + i)
                    .filter(k -> OutboxEventPublisher.shardOf(k) == OutboxEventPublisher.shardOf("a")).limit(3).toList();
            for (int i = 0; i < 12; i++) {
                outbox.publish(keys.get(i % keys.size()), i);
            }
            outbox.publish("b", 0);
            outbox.publish("c", 0);
            assertSameAsDefinition(outbox, "before any pass: no window, every row pending");

            Infrastructure infra = Infrastructure.get();
            try (Connection slow = DriverManager.getConnection(outbox.jdbcUrl, infra.postgresUser(), infra.postgresPassword())) {
                slow.setAutoCommit(false);
                try (var insert = slow.prepareStatement("""
                        insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, shard)
                        values ('slow-event', ?, 'a', 'augenhoehe.test.sequenced.v1', '/augenhoehe/test', now(), '{}', ?)""")) {
                    insert.setString(1, outbox.properties.getTopic());
                    insert.setInt(2, OutboxEventPublisher.shardOf("a"));
                    insert.executeUpdate(); // running while the next pass opens its window
                }
                relay.relayPending();
                assertThat(outbox.jdbc.queryForObject("select count(*) from outbox_relay_cursor where window_snapshot is not null",
                        Integer.class)).as("the shard of 'a' has a window open after one pass of 3").isEqualTo(1);
                assertSameAsDefinition(outbox, "a window open in part");

                outbox.publish(keys.get(0), 100); // after the window's snapshot
                slow.commit(); // running at the window's snapshot: not in the window
                assertSameAsDefinition(outbox, "a window open, rows its snapshot does not see");
            }
            relay.relayPending();
            assertSameAsDefinition(outbox, "a second pass");
            while (outbox.jdbc.queryForObject(BY_DEFINITION.replace("e.event_id", "count(*)").replace("order by e.position", ""),
                    Integer.class) > 0) {
                relay.relayPending();
                assertSameAsDefinition(outbox, "passes until nothing waits");
            }
            assertThat(outbox.pending()).isZero();
            assertThat(outbox.jdbc.queryForObject("select occurred_at from outbox_oldest_pending", Timestamp.class))
                    .as("nothing waits: no oldest").isNull();
        } finally {
            relay.stop();
        }
    }

    private static void assertSameAsDefinition(OutboxFixture outbox, String state) {
        List<String> expected = outbox.jdbc.queryForList(BY_DEFINITION, String.class);
        assertThat(outbox.jdbc.queryForList("select event_id from outbox_pending order by position", String.class))
                .as(state).containsExactlyElementsOf(expected);
        Timestamp oldest = outbox.jdbc.queryForObject("""
                select min(e.occurred_at) from outbox_event e join outbox_relay_cursor c on c.shard = e.shard
                where not outbox_relayed(e.xid, e.position, c)""", Timestamp.class);
        assertThat(outbox.jdbc.queryForObject("select occurred_at from outbox_oldest_pending", Timestamp.class))
                .as(state + ": the oldest pending row's time").isEqualTo(oldest);
    }
}
