package de.augenhoehe.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison produced straight to vacancy-events, as a broken or hostile producer would: a record whose value is not JSON,
 * and a published.v1 whose data violates the schema (no UUIDs, no occupation group, zero openings). Every consumer
 * group of the topic must dead-letter each (one dead letter per group, {@code kafka_dlt-original-consumer-group}) and
 * go on with the events behind it.
 */
final class Poison implements AutoCloseable {

    static final String TOPIC = "vacancy-events";
    static final Set<String> GROUPS = Set.of("measures-service", "outreach-service", "partner-service");

    record Result(int injected, Map<String, Set<String>> groupsByKey) {

        boolean complete() {
            return groupsByKey.size() == injected && groupsByKey.values().stream().allMatch(g -> g.containsAll(GROUPS));
        }

        String describe() {
            int letters = groupsByKey.values().stream().mapToInt(Set::size).sum();
            return letters + "/" + injected * GROUPS.size();
        }
    }

    private final int kafkaPort;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Set<String>> groupsByKey = new HashMap<>();
    private TopicReader dlt;

    Poison(int kafkaPort) {
        this.kafkaPort = kafkaPort;
    }

    void inject() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            send(producer, "{kein json".getBytes(StandardCharsets.UTF_8));
            send(producer, """
                    {"vacancyId":"kein-uuid","employerId":"kein-uuid","networkIds":["kein-uuid"],"type":"JOB","kldb":"x",
                     "occupationGroup":"x","openings":0,"publishedAt":"gestern","occurredAt":"gestern"}"""
                    .getBytes(StandardCharsets.UTF_8));
            producer.flush();
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, byte[] value) {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, key, value);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_source", "/augenhoehe/chaos");
        header(r, "ce_type", "augenhoehe.vacancy.published.v1");
        header(r, "ce_subject", key);
        header(r, "ce_time", Instant.now().toString());
        header(r, "content-type", "application/json");
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException("poison not produced: " + e.getMessage(), e);
        }
        keys.add(key);
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** What of the poison is in vacancy-events.DLT so far, by key and consumer group. */
    Result deadLettered() {
        if (dlt == null) {
            dlt = new TopicReader(kafkaPort, TOPIC + ".DLT");
        }
        try {
            dlt.readToEnd(r -> {
                if (keys.contains(r.key())) {
                    String group = Observer.header(r, "kafka_dlt-original-consumer-group");
                    groupsByKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(String.valueOf(group));
                }
            });
        } catch (RuntimeException e) {
            // the DLT not there yet or the broker away: what was read so far counts
        }
        return new Result(keys.size(), Map.copyOf(groupsByKey));
    }

    @Override
    public void close() {
        if (dlt != null) {
            dlt.close();
        }
    }
}
