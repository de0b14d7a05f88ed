package de.augenhoehe.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the beginning without a consumer group (nothing of the platform's offsets is touched); each
 * call hands on what arrived since the last one, up to the end offsets of that moment. Fails after 20 s (broker away).
 */
final class TopicReader implements AutoCloseable {

    private final String topic;
    private final Properties config = new Properties();
    private KafkaConsumer<String, byte[]> consumer;

    TopicReader(int kafkaPort, String topic) {
        this.topic = topic;
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    }

    /** Hands each new record to {@code sink} at once, so a read cut short by a fault loses nothing. */
    void readToEnd(Consumer<ConsumerRecord<String, byte[]>> sink) {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                consumer.close();
                consumer = null;
                throw new IllegalStateException(topic + " does not exist (yet)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(15));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(15)) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + " not read to its end within 20 s");
            }
            consumer.poll(Duration.ofMillis(500)).forEach(sink);
        }
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
