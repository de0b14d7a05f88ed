package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A send that fails in the middle of a batch must not let the rows after it reach the broker ahead of it (issue #19,
 * found by infra/chaos: after a broker SIGKILL a key's step 1 landed behind its steps 2 and 3). Which send of a real
 * broker fails cannot be chosen, so the Kafka client is the one part stood in for here — a producer whose n-th send
 * fails the way an expired batch does (its callback with a time-out) and that, once closed, sends nothing; the outbox
 * is real PostgreSQL. The chaos suite shows the same with a real broker being killed.
 */
class OutboxRelayOrderIT {

    @Test
    void a_failed_send_closes_the_producer_so_nothing_after_it_is_sent_and_the_next_round_resends_in_order() {
        OutboxFixture outbox = new OutboxFixture("order-test");
        for (int i = 1; i <= 5; i++) {
            outbox.publish("one-key", i);
        }
        List<FailingProducer> producers = new ArrayList<>();
        OutboxRelay relay = outbox.relay(() -> {
            FailingProducer p = new FailingProducer(producers.isEmpty() ? 3 : 0);
            producers.add(p);
            return p;
        }, 100);

        relayOnce(relay);
        FailingProducer failed = producers.getFirst();
        assertThat(failed.closedInCallback).as("closed by the failure itself, before anything more was sent").isTrue();
        assertThat(failed.sent).as("rows after the failed one never reach this producer").containsExactly(1, 2, 3);
        assertThat(outbox.pending()).as("only the acknowledged prefix (1, 2) is marked relayed").isEqualTo(3);

        relayOnce(relay);
        assertThat(producers).as("a new producer for the next round").hasSize(2);
        assertThat(producers.get(1).sent).as("resent from the first unacknowledged row, in order").containsExactly(3, 4, 5);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void a_failed_send_in_one_pass_over_several_shards_keeps_each_shards_acknowledged_prefix_only() {
        OutboxFixture outbox = new OutboxFixture("order-test");
        String first = "key-0";
        String second = java.util.stream.IntStream.range(1, 100).mapToObj(i -> "key-" + i)
                .filter(k -> OutboxEventPublisher.shardOf(k) > OutboxEventPublisher.shardOf(first)).findFirst().orElseThrow();
        for (int i = 1; i <= 3; i++) {
            outbox.publish(first, i);
        }
        for (int i = 4; i <= 6; i++) {
            outbox.publish(second, i);
        }
        List<FailingProducer> producers = new ArrayList<>();
        OutboxRelay relay = outbox.relay(() -> {
            FailingProducer p = new FailingProducer(producers.isEmpty() ? 5 : 0); // the second row of the later shard
            producers.add(p);
            return p;
        }, 100);

        relayOnce(relay);
        assertThat(producers.getFirst().sent).as("the shards' batches in one pass, in shard order").containsExactly(1, 2, 3, 4, 5);
        assertThat(outbox.pending()).as("the earlier shard relayed, of the later one its acknowledged prefix (4)").isEqualTo(2);

        relayOnce(relay);
        assertThat(producers.get(1).sent).as("resent from the later shard's first unacknowledged row").containsExactly(5, 6);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void a_failed_send_in_a_window_larger_than_a_batch_keeps_its_prefix_and_the_next_passes_send_the_rest_once_in_order() {
        OutboxFixture outbox = new OutboxFixture("order-test");
        for (int i = 1; i <= 7; i++) {
            outbox.publish("one-key", i);
        }
        List<FailingProducer> producers = new ArrayList<>();
        OutboxRelay relay = outbox.relay(() -> {
            FailingProducer p = new FailingProducer(producers.isEmpty() ? 2 : 0);
            producers.add(p);
            return p;
        }, 3);

        relayOnce(relay);
        assertThat(producers.getFirst().sent).as("the batch's second send fails, the third is not sent").containsExactly(1, 2);
        assertThat(outbox.pending()).as("only 1 is relayed").isEqualTo(6);
        outbox.publish("one-key", 8); // committed after the window was opened: it belongs to the next window
        for (int pass = 0; pass < 5 && outbox.pending() > 0; pass++) {
            relayOnce(relay);
        }
        assertThat(outbox.pending()).isZero();
        assertThat(producers).as("one new producer after the failure").hasSize(2);
        assertThat(producers.get(1).sent).as("from the first unacknowledged row, each once, in order")
                .containsExactly(2, 3, 4, 5, 6, 7, 8);
    }

    /** One pass of the relay; an incomplete pass ends in an exception that tells the loop to back off. */
    private static void relayOnce(OutboxRelay relay) {
        try {
            relay.relayPending();
        } catch (RuntimeException incomplete) {
            assertThat(incomplete.getMessage()).contains("relayed before the broker stopped acknowledging");
        }
    }

    /** Completes sends at once; the n-th (1-based, 0 = never) fails like an expired batch. Closed, it refuses to send. */
    private static final class FailingProducer extends MockProducer<String, byte[]> {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        final List<Integer> sent = new ArrayList<>();
        final int failing;
        volatile boolean closedInCallback;
        private volatile boolean closed;
        private boolean inCallback;

        FailingProducer(int failing) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.failing = failing;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (closed) {
                throw new IllegalStateException("Cannot perform operation after producer has been closed");
            }
            int sequence = JSON.readTree(record.value()).get("sequence").asInt();
            sent.add(sequence);
            if (sent.size() == failing) {
                TimeoutException expired = new TimeoutException("Expiring 1 record(s): 9000 ms has passed since batch creation");
                inCallback = true;
                callback.onCompletion(null, expired);
                inCallback = false;
                return CompletableFuture.failedFuture(expired);
            }
            return super.send(record, callback);
        }

        @Override
        public void close(Duration timeout) {
            if (inCallback) {
                closedInCallback = true;
            }
            closed = true;
            super.close(timeout);
        }
    }
}
