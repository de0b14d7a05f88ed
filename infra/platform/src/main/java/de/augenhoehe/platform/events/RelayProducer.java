package de.augenhoehe.platform.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer of the outbox relay. Kafka silently turns idempotence off when another setting conflicts with it
 * (for example {@code retries=0} or more than five requests in flight), so the effective configuration is checked
 * and the service refuses to start rather than lose or reorder events.
 */
final class RelayProducer {

    private RelayProducer() {
    }

    static Producer<String, byte[]> create(Map<String, Object> base) {
        Map<String, Object> props = effective(base);
        verify(props);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> effective(Map<String, Object> base) {
        Map<String, Object> props = new HashMap<>(base);
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Bounded waits so that a broker outage turns into a retry of the batch, not a stuck relay thread.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    /** Throws when the configuration Kafka would really use is not acks=all with idempotence on. */
    static void verify(Map<String, Object> props) {
        ProducerConfig resolved;
        try {
            resolved = new ProducerConfig(props);
        } catch (org.apache.kafka.common.config.ConfigException e) {
            throw new IllegalStateException("Refusing to relay events: " + e.getMessage(), e);
        }
        String acks = resolved.getString(ProducerConfig.ACKS_CONFIG);
        boolean idempotent = resolved.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        if (!("all".equals(acks) || "-1".equals(acks)) || !idempotent) {
            throw new IllegalStateException("Refusing to relay events: the effective producer configuration is acks="
                    + acks + ", enable.idempotence=" + idempotent + " (need acks=all and idempotence on; check retries,"
                    + " max.in.flight.requests.per.connection and acks in spring.kafka.producer.*)");
        }
    }
}
