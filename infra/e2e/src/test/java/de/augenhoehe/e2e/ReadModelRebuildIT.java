package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import de.augenhoehe.localservers.ReadModelRebuild;
import de.augenhoehe.localservers.ReadModelRebuild.Target;
import de.augenhoehe.testing.Infrastructure;

/**
 * {@code ./platform rebuild}'s reset on the real broker and database: a consumer group that read a topic to its end
 * is moved back to the earliest offsets, the read model's table and the topic's {@code consumed_event} rows are
 * emptied (another topic's stay) — and a group with a live member is refused with nothing changed.
 */
class ReadModelRebuildIT {

    final Infrastructure infra = Infrastructure.get();
    final String topic = "rebuild-" + UUID.randomUUID();
    final String group = "rebuild-service-" + UUID.randomUUID();
    final String database = infra.createDatabase("rebuild");

    @Test
    void resets_an_inactive_group_to_the_earliest_offsets_and_empties_the_read_model() throws Exception {
        prepare(5);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumeToEnd(consumer); // commits 5 on the single partition
        }
        Map<Integer, Long> before;
        try (Admin admin = admin()) {
            before = ReadModelRebuild.committed(admin, group, topic);
        }
        assertThat(before).containsExactly(Map.entry(0, 5L));

        var result = ReadModelRebuild.run(target());

        assertThat(result.offsetsBefore()).isEqualTo(before);
        assertThat(result.offsetsAfter()).containsExactly(Map.entry(0, 0L));
        try (Admin admin = admin()) {
            assertThat(ReadModelRebuild.committed(admin, group, topic)).containsExactly(Map.entry(0, 0L));
        }
        assertThat(count("select count(*) from monitor_like")).isZero();
        assertThat(count("select count(*) from consumed_event where topic = '" + topic + "'")).isZero();
        assertThat(count("select count(*) from consumed_event where topic = 'other-events'")).as("another topic's ids stay").isEqualTo(1);
        assertThat(result.rowsDeleted()).containsEntry("monitor_like", 5);
    }

    @Test
    void refuses_while_the_service_still_consumes_and_changes_nothing() throws Exception {
        prepare(3);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumeToEnd(consumer); // still a member of the group, as a running service is
            assertThatThrownBy(() -> ReadModelRebuild.run(target()))
                    .isInstanceOf(ReadModelRebuild.Refused.class).hasMessageContaining("stop the service first");
            try (Admin admin = admin()) {
                assertThat(ReadModelRebuild.committed(admin, group, topic)).containsExactly(Map.entry(0, 3L));
            }
        }
        assertThat(count("select count(*) from monitor_like")).isEqualTo(3);
        assertThat(count("select count(*) from consumed_event where topic = '" + topic + "'")).isEqualTo(3);
    }

    private Target target() {
        return new Target(infra.kafkaBootstrapServers(), group, topic, infra.jdbcUrl(database), infra.postgresUser(),
                infra.postgresPassword(), List.of("monitor_like"));
    }

    /** A topic with {@code n} events and a database holding what a consumer made of them. */
    private void prepare(int n) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "event-" + i)).get();
            }
        }
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("create table monitor_like (id text primary key)");
            s.execute("create table consumed_event (event_id text primary key, event_type text, topic text)");
            s.execute("insert into consumed_event values ('other-1', 'x', 'other-events')");
            for (int i = 0; i < n; i++) {
                s.execute("insert into monitor_like values ('v" + i + "')");
                s.execute("insert into consumed_event values ('e" + i + "', 'x', '" + topic + "')");
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void consumeToEnd(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() || consumer.endOffsets(consumer.assignment()).entrySet().stream()
                .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the topic was not consumed to its end in time");
            }
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.commitSync();
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        return Admin.create(p);
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUser(), infra.postgresPassword());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
