package de.augenhoehe.platform.events;

import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.Infrastructure;

/** The outbox wired by hand on a fresh database, so that tests can run several relays and brokers at once. */
final class OutboxFixture {

    final String jdbcUrl;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final EventsProperties properties = new EventsProperties();

    OutboxFixture(String topic) {
        this(topic, false);
    }

    /** @param rewriteBatchedInserts the driver setting the services use: JDBC batches of inserts as multi-row statements */
    OutboxFixture(String topic, boolean rewriteBatchedInserts) {
        Infrastructure infra = Infrastructure.get();
        String url = infra.jdbcUrl(infra.createDatabase("outbox"));
        jdbcUrl = rewriteBatchedInserts ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url;
        DriverManagerDataSource ds = new DriverManagerDataSource(jdbcUrl, infra.postgresUser(), infra.postgresPassword());
        Flyway.configure().dataSource(ds).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        properties.setTopic(topic);
        properties.setValidateAgainstSchema(false);
    }

    private static final int PARTITIONS = 6;

    /**
     * Creates the topic and waits until the broker leads each of its partitions, as the platform's topics are before a
     * service starts. Sending at once raced the broker taking up the new partitions: the first batch of a partition was
     * refused (not leader), a later one of the same producer taken, and the first, retried, then refused for its
     * sequence — until the relay gave up and sent it all again (49 duplicates in {@code OutboxBatchIT}, once). A leader
     * named in the metadata is not enough (a relay test of 2026-12-07 saw the same twice in a row): the partitions'
     * latest offsets are answered by the leader itself, so they come back only once it can take records.
     */
    static void createTopic(String bootstrap, String topic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    admin.listOffsets(latest).all().get();
                    return;
                } catch (java.util.concurrent.ExecutionException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("partitions of " + topic + " not led after 30 s", notYet);
                    }
                    Thread.sleep(20);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh outbox whose events go to a new topic of the harness's broker. */
    static OutboxFixture onNewTopic(String prefix) {
        String topic = prefix + "-" + java.util.UUID.randomUUID();
        createTopic(Infrastructure.get().kafkaBootstrapServers(), topic);
        return new OutboxFixture(topic);
    }

    OutboxEventPublisher publisher() {
        return new OutboxEventPublisher(jdbc, JsonMapper.builder().build(), properties, "/augenhoehe/test", new EventSchemas(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class),
                null, Clock.systemUTC());
    }

    /** Writes one event in its own transaction, as a service's write would. */
    String publish(String key, int sequence) {
        return tx.execute(s -> publisher().publish("augenhoehe.test.sequenced.v1", key, Map.of("key", key, "sequence", sequence)));
    }

    OutboxRelay relay(String bootstrap, int batchSize) {
        return relay(bootstrap, batchSize, settings -> { });
    }

    OutboxRelay relay(String bootstrap, int batchSize, java.util.function.Consumer<EventsProperties.Relay> tuning) {
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return relay(() -> RelayProducer.create(producer), batchSize, tuning);
    }

    OutboxRelay relay(Supplier<Producer<String, byte[]>> producers, int batchSize) {
        return relay(producers, batchSize, settings -> { });
    }

    OutboxRelay relay(Supplier<Producer<String, byte[]>> producers, int batchSize, java.util.function.Consumer<EventsProperties.Relay> tuning) {
        EventsProperties.Relay settings = new EventsProperties.Relay();
        settings.setBatchSize(batchSize);
        settings.setPollInterval(Duration.ofMillis(50));
        settings.setSendTimeout(Duration.ofSeconds(3));
        settings.setMaxBackoff(Duration.ofMillis(500));
        tuning.accept(settings);
        return new OutboxRelay(jdbc, tx, producers, settings, new SimpleMeterRegistry());
    }

    /** The planner's row count of the outbox: -1 until it is first analyzed or vacuumed. */
    double plannerRows() {
        return jdbc.queryForObject("select reltuples from pg_class where oid = 'outbox_event'::regclass", Double.class);
    }

    int pending() {
        return jdbc.queryForObject("select count(*) from outbox_pending", Integer.class);
    }

    int published() {
        return jdbc.queryForObject("select count(*) from outbox_relayed", Integer.class);
    }
}
