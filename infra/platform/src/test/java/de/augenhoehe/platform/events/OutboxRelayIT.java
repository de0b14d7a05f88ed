package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.HashSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.augenhoehe.localservers.LocalKafka;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TopicRecords;

/** The outbox relay under failure: broker outage, a killed process, competing instances. Real Kafka, real PostgreSQL. */
class OutboxRelayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void with_the_broker_down_writes_succeed_and_their_events_arrive_once_it_is_back(@TempDir Path dir) {
        String topic = "outage-" + UUID.randomUUID();
        try (LocalKafka kafka = LocalKafka.onFreePorts(dir.resolve("kafka")).start()) {
            OutboxFixture outbox = new OutboxFixture(topic);
            OutboxFixture.createTopic(kafka.bootstrapServers(), topic);
            OutboxRelay relay = outbox.relay(kafka.bootstrapServers(), 100);
            relay.start();
            try {
                outbox.publish("before", 0);
                Eventually.await("the first event relayed", WAIT, () -> outbox.pending() == 0);

                kafka.stop();
                Set<String> ids = new LinkedHashSet<>();
                for (int i = 0; i < 50; i++) {
                    ids.add(outbox.publish("key-" + (i % 5), i));
                }
                assertThat(outbox.pending()).as("all writes committed while the broker is down").isEqualTo(50);
                sleep(4000);
                assertThat(outbox.pending()).as("nothing is marked relayed without the broker's acknowledgement").isEqualTo(50);

                kafka.start();
                Eventually.await("the backlog relayed after the broker came back", WAIT, () -> outbox.pending() == 0);
                Set<String> seen = idsOn(kafka.bootstrapServers(), topic, ids);
                assertThat(seen).containsAll(ids);
            } finally {
                relay.stop();
            }
        }
    }

    @Test
    void a_relay_killed_mid_batch_loses_nothing() throws Exception {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        String topic = "crash-" + UUID.randomUUID();
        OutboxFixture.createTopic(bootstrap, topic);
        OutboxFixture outbox = new OutboxFixture(topic);
        int total = 3000;
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < total; i++) {
            ids.add(outbox.publish("key-" + (i % 30), i / 30));
        }

        Process first = startRelayProcess(outbox, bootstrap);
        Eventually.await("the first relay started publishing", WAIT, () -> outbox.published() > 0);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, a transaction may be open
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int relayedBeforeKill = outbox.published();
        assertThat(relayedBeforeKill).as("killed mid-relay").isBetween(1, total - 1);

        Process second = startRelayProcess(outbox, bootstrap);
        try {
            Eventually.await("the second relay finished the backlog", WAIT, () -> outbox.pending() == 0);
        } finally {
            second.destroyForcibly();
        }
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, topic,
                rs -> rs.stream().map(r -> TopicRecords.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(ids), WAIT);
        assertThat(records.stream().map(r -> TopicRecords.header(r, "ce_id")).collect(Collectors.toSet())).containsAll(ids);
        assertPerKeyOrder(records);
    }

    @Test
    void two_relay_instances_keep_per_key_order_and_never_relay_a_row_twice_at_once() throws Exception {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        String topic = "order-" + UUID.randomUUID();
        OutboxFixture.createTopic(bootstrap, topic);
        OutboxFixture outbox = new OutboxFixture(topic);
        OutboxRelay a = outbox.relay(bootstrap, 7);
        OutboxRelay b = outbox.relay(bootstrap, 7);
        a.start();
        b.start();
        Set<String> ids = new LinkedHashSet<>();
        try {
            for (int seq = 0; seq < 60; seq++) {
                for (int k = 0; k < 20; k++) {
                    ids.add(outbox.publish("aggregate-" + k, seq));
                }
            }
            Eventually.await("both relays drained the outbox", WAIT, () -> outbox.pending() == 0);
        } finally {
            a.stop();
            b.stop();
        }
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, topic,
                rs -> rs.size() >= ids.size(), WAIT);
        assertThat(records).as("each row relayed exactly once while both relays ran healthy").hasSize(ids.size());
        assertPerKeyOrder(records);
    }

    @Test
    void a_producer_configuration_that_silently_drops_idempotence_or_acks_is_refused() {
        Map<String, Object> weakAcks = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.ACKS_CONFIG, "1"));
        assertThatThrownBy(() -> RelayProducer.create(weakAcks)).hasMessageContaining("Refusing to relay events");
        Map<String, Object> noRetries = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.RETRIES_CONFIG, 0));
        assertThatThrownBy(() -> RelayProducer.create(noRetries)).hasMessageContaining("Refusing to relay events");
        Map<String, Object> explicitOff = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false));
        assertThatThrownBy(() -> RelayProducer.create(explicitOff)).hasMessageContaining("Refusing to relay events");
        Map<String, Object> fine = RelayProducer.effective(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"));
        RelayProducer.verify(fine);
    }

    /** Per key, the first delivery of each sequence number comes in order 0, 1, 2 … (redeliveries may repeat). */
    private static void assertPerKeyOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> next = new HashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String id = TopicRecords.header(r, "ce_id");
            if (!seen.computeIfAbsent(r.key(), k -> new HashSet<>()).add(id)) {
                continue;
            }
            int sequence = Integer.parseInt(new String(r.value()).replaceAll(".*\"sequence\":(\\d+).*", "$1"));
            int expected = next.getOrDefault(r.key(), 0);
            assertThat(sequence).as("sequence of %s", r.key()).isEqualTo(expected);
            next.put(r.key(), expected + 1);
        }
    }

    private static Set<String> idsOn(String bootstrap, String topic, Set<String> expected) {
        return TopicRecords.read(bootstrap, topic,
                rs -> rs.stream().map(r -> TopicRecords.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(expected), WAIT)
                .stream().map(r -> TopicRecords.header(r, "ce_id")).collect(Collectors.toSet());
    }

    private static Process startRelayProcess(OutboxFixture outbox, String bootstrap) throws Exception {
        Infrastructure infra = Infrastructure.get();
        Path log = Files.createTempFile("relay-process", ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), RelayProcessMain.class.getName(),
                outbox.jdbcUrl, infra.postgresUser(), infra.postgresPassword(), bootstrap)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
