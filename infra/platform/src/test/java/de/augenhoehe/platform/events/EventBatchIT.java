package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TopicRecords;

/**
 * The consumer applies a poll's records in one transaction, those of several partitions too (issue #21: one
 * transaction and one offset commit per record was the stage that fell behind; one transaction per partition, step f,
 * put a poll's commits in series), and a failing record still goes alone to the dead-letter topic
 * after its retries, without taking the others' effects with it. Real Kafka, real PostgreSQL; the records are on the
 * topic before the consumer starts, so that its first poll holds them all.
 */
class EventBatchIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TYPE = "augenhoehe.test.counted.v1";
    private static final int POISON = 8;

    private final String topic = "batch-consumer-" + UUID.randomUUID();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    /** The number the handler cannot apply; none unless a test sets it. */
    private int poison = -1;

    EventBatchIT() {
        Infrastructure infra = Infrastructure.get();
        var ds = new DriverManagerDataSource(infra.jdbcUrl(infra.createDatabase("consumer")), infra.postgresUser(),
                infra.postgresPassword());
        Flyway.configure().dataSource(ds).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        // tx: the applying transaction's id, to tell which records one transaction applied
        jdbc.execute("create table applied (seq bigserial primary key, n int not null, part int not null,"
                + " tx bigint not null default txid_current())");
    }

    @Test
    void the_records_of_one_poll_and_partition_are_applied_in_one_transaction() {
        List<String> ids = publish(IntStream.rangeClosed(1, 50).boxed().toList());
        EventConsumers consumers = consumers();
        consumers.start();
        try {
            Eventually.await("all 50 applied", WAIT, () -> count("select count(*) from applied") == 50);
        } finally {
            consumers.stop();
        }
        assertThat(jdbc.queryForList("select n from applied order by seq", Integer.class))
                .as("once each, in the topic's order").containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(jdbc.queryForList("select event_id from consumed_event", String.class)).containsExactlyInAnyOrderElementsOf(ids);
        // now() is the transaction's start: one transaction per record would give 50 different times
        assertThat(count("select count(distinct consumed_at) from consumed_event")).as("transactions for 50 records").isLessThanOrEqualTo(3);
    }

    @Test
    void the_records_of_one_poll_over_several_partitions_are_applied_in_one_transaction() {
        List<String> ids = publish(IntStream.rangeClosed(1, 60).boxed().toList(), 3);
        EventConsumers consumers = consumers();
        consumers.start();
        try {
            Eventually.await("all 60 applied", WAIT, () -> count("select count(*) from applied") == 60);
        } finally {
            consumers.stop();
        }
        assertAppliedOnceInPartitionOrder(IntStream.rangeClosed(1, 60).boxed().toList(), 3);
        assertThat(jdbc.queryForList("select event_id from consumed_event", String.class)).containsExactlyInAnyOrderElementsOf(ids);
        // one transaction per partition (issue #21 before step f) never applies two partitions' records
        assertThat(count("select max(c) from (select count(distinct part) c from applied group by tx) t"))
                .as("partitions applied by one transaction").isGreaterThan(1);
        assertThat(count("select count(distinct tx) from applied")).as("transactions for 60 records of 3 partitions")
                .isLessThanOrEqualTo(3);
    }

    @Test
    void a_failing_record_goes_alone_to_the_dead_letter_topic_and_the_others_are_applied_once_in_order() {
        poison = POISON;
        List<Integer> numbers = IntStream.rangeClosed(1, 20).boxed().toList();
        List<String> ids = publish(numbers);
        List<ConsumerRecord<String, byte[]>> dead = consumeUntilDeadLetteredAndApplied(19);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.getFirst();
        assertThat(TopicRecords.header(letter, CloudEventHeaders.ID)).isEqualTo(ids.get(POISON - 1));
        assertThat(TopicRecords.header(letter, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
        assertThat(TopicRecords.header(letter, "kafka_dlt-exception-message")).contains("cannot apply " + POISON);
        assertThat(TopicRecords.header(letter, "kafka_dlt-original-consumer-group")).isEqualTo(group());
        assertThat(jdbc.queryForList("select n from applied order by seq", Integer.class))
                .as("the others once each, in the topic's order; nothing of the failed one")
                .containsExactlyElementsOf(numbers.stream().filter(n -> n != POISON).toList());
        assertThat(jdbc.queryForList("select event_id from consumed_event", String.class))
                .containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !id.equals(ids.get(POISON - 1))).toList());
    }

    @Test
    void a_failing_record_in_a_poll_over_several_partitions_goes_alone_to_the_dead_letter_topic() {
        poison = POISON;
        List<Integer> numbers = IntStream.rangeClosed(1, 30).boxed().toList();
        List<String> ids = publish(numbers, 3);
        List<ConsumerRecord<String, byte[]>> dead = consumeUntilDeadLetteredAndApplied(29);
        assertThat(dead).extracting(r -> TopicRecords.header(r, CloudEventHeaders.ID)).containsExactly(ids.get(POISON - 1));
        assertAppliedOnceInPartitionOrder(numbers.stream().filter(n -> n != POISON).toList(), 3);
        assertThat(jdbc.queryForList("select event_id from consumed_event", String.class))
                .containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !id.equals(ids.get(POISON - 1))).toList());
    }

    /** Runs the consumers until the dead letter is there and the others are applied, and a second longer. */
    private List<ConsumerRecord<String, byte[]>> consumeUntilDeadLetteredAndApplied(int others) {
        EventConsumers consumers = consumers();
        consumers.start();
        try {
            var dead = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), topic + EventConsumers.DLT_SUFFIX,
                    rs -> !rs.isEmpty(), WAIT);
            Eventually.await("the other " + others + " applied", WAIT, () -> count("select count(*) from applied") == others);
            sleep(1000); // nothing more may come
            return dead;
        } finally {
            consumers.stop();
        }
    }

    /** Each number once, and those of each partition (n % partitions) in the topic's order. */
    private void assertAppliedOnceInPartitionOrder(List<Integer> numbers, int partitions) {
        for (int part = 0; part < partitions; part++) {
            int p = part;
            assertThat(jdbc.queryForList("select n from applied where part = ? order by seq", Integer.class, part))
                    .as("partition %d once each, in its order", part)
                    .containsExactlyElementsOf(numbers.stream().filter(n -> n % partitions == p).toList());
        }
    }

    /** One key, so one partition. */
    private List<String> publish(List<Integer> numbers) {
        return publish(numbers, 1);
    }

    /** Number n to partition n % partitions, in order within each. */
    private List<String> publish(List<Integer> numbers, int partitions) {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1),
                    new NewTopic(topic + EventConsumers.DLT_SUFFIX, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String> ids = new ArrayList<>();
        try (Producer<String, byte[]> producer = RelayProducer.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (int n : numbers) {
                String id = UUID.randomUUID().toString();
                int part = n % partitions;
                var record = new ProducerRecord<>(topic, part, "counter-" + part,
                        ("{\"n\":" + n + ",\"p\":" + part + "}").getBytes(StandardCharsets.UTF_8));
                CloudEventHeaders.write(record.headers(), id, "/augenhoehe/test", TYPE, "counter-" + part, Instant.now(), null);
                producer.send(record);
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }

    private EventConsumers consumers() {
        EventHandler counting = new EventHandler() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public Set<String> eventTypes() {
                return Set.of(TYPE);
            }

            @Override
            public void handle(ReceivedEvent event) {
                int n = event.data().get("n").asInt();
                jdbc.update("insert into applied (n, part) values (?, ?)", n, event.data().get("p").asInt());
                if (n == poison) {
                    throw new IllegalStateException("cannot apply " + n);
                }
            }
        };
        EventProcessors processors = new EventProcessors(List.of(counting),
                byType -> new IdempotentEventProcessor(jdbc, tx, JsonMapper.builder().build(), byType));
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var dlt = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                RelayProducer.effective(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
                new StringSerializer(), new ByteArraySerializer()));
        EventsProperties.Consumer settings = new EventsProperties.Consumer();
        settings.setMaxRetries(2);
        settings.setInitialBackoff(Duration.ofMillis(50));
        settings.setMaxBackoff(Duration.ofMillis(100));
        return new EventConsumers(processors, consumer, group(), dlt, settings, new SimpleMeterRegistry(), ObservationRegistry.NOOP);
    }

    private String group() {
        return "group-" + topic;
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
