package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TopicRecords;

/**
 * One pass of the relay over every shard with pending rows waits for the broker once, not once per shard (issue #21:
 * the benchmark's profile found 16 round-trip chains in series). Real Kafka, real PostgreSQL; the producer is Kafka's
 * own, counted where the relay waits for it ({@code flush}).
 */
class OutboxRelayPassIT {

    @Test
    void one_pass_sends_the_batches_of_all_shards_and_waits_for_the_broker_once() {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        String topic = "pass-" + UUID.randomUUID();
        OutboxFixture.createTopic(bootstrap, topic);
        OutboxFixture outbox = new OutboxFixture(topic);
        Set<Integer> shards = new TreeSet<>();
        int events = 0;
        for (int k = 0; shards.size() < 16; k++) {
            for (int sequence = 0; sequence < 3; sequence++) {
                outbox.publish("aggregate-" + k, sequence);
                events++;
            }
            shards.add(OutboxEventPublisher.shardOf("aggregate-" + k));
        }
        AtomicInteger flushes = new AtomicInteger();
        Map<String, Object> props = RelayProducer.effective(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        OutboxRelay relay = outbox.relay(() -> new KafkaProducer<String, byte[]>(props) {
            @Override
            public void flush() {
                flushes.incrementAndGet();
                super.flush();
            }
        }, 100);
        try {
            assertThat(relay.relayPending()).as("one pass relays the rows of all 16 shards").isEqualTo(events);
            assertThat(outbox.pending()).isZero();
            assertThat(flushes).as("one wait for the broker's acknowledgements per pass").hasValue(1);
        } finally {
            relay.stop();
        }
        int expected = events;
        assertThat(TopicRecords.read(bootstrap, topic, rs -> rs.size() >= expected, Duration.ofSeconds(60))).hasSize(events);
    }
}
