package de.augenhoehe.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import tools.jackson.core.JacksonException;

/**
 * One listener container per consumed topic, in this service's consumer group. Failing events are retried with
 * exponential back-off; then — or at once when unreadable — they go to {@code <topic>.DLT} with the exception in
 * the headers, and the partition moves on.
 */
class EventConsumers implements SmartLifecycle {

    static final String DLT_SUFFIX = ".DLT";

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private volatile boolean running;

    EventConsumers(List<EventHandler> handlers, Map<String, Object> consumerProps, String groupId,
            IdempotentEventProcessorFactory processors, KafkaOperations<String, byte[]> dltTemplate,
            EventsProperties.Consumer settings, MeterRegistry meters, ObservationRegistry observations) {
        Counter deadLettered = Counter.builder("augenhoehe.events.dead.lettered")
                .description("Consumed events sent to a dead-letter topic").register(meters);
        var consumerFactory = new DefaultKafkaConsumerFactory<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        // Consumer lag and fetch metrics per client, for the operations view.
        consumerFactory.addListener(new MicrometerConsumerListener<>(meters));
        for (var entry : byTopic(handlers).entrySet()) {
            ContainerProperties props = new ContainerProperties(entry.getKey());
            props.setGroupId(groupId);
            props.setAckMode(ContainerProperties.AckMode.RECORD);
            // Each record's handling is a span continuing the producer's trace from its traceparent header. A container
            // built here, outside a listener container factory, never finds the application's registry by itself:
            // without it, observation is a no-op and the trace ends at the outbox.
            props.setObservationEnabled(true);
            props.setObservationRegistry(observations);
            IdempotentEventProcessor processor = processors.create(entry.getValue());
            props.setMessageListener((MessageListener<String, byte[]>) processor::process);
            var container = new ConcurrentMessageListenerContainer<>(consumerFactory, props);
            container.setConcurrency(settings.getConcurrency());
            container.setBeanName("events-" + entry.getKey());
            var recoverer = new DeadLetterPublishingRecoverer(dltTemplate,
                    (record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1)) {
                @Override
                public void accept(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
                        org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Exception exception) {
                    super.accept(record, consumer, exception);
                    deadLettered.increment();
                }
            };
            var backOff = new ExponentialBackOffWithMaxRetries(settings.getMaxRetries());
            backOff.setInitialInterval(settings.getInitialBackoff().toMillis());
            backOff.setMultiplier(2.0);
            backOff.setMaxInterval(settings.getMaxBackoff().toMillis());
            var errorHandler = new DefaultErrorHandler(recoverer, backOff);
            errorHandler.addNotRetryableExceptions(UnreadableEventException.class, JacksonException.class);
            container.setCommonErrorHandler(errorHandler);
            containers.add(container);
        }
    }

    /** Topics this service consumes, for topic creation. */
    static Set<String> topics(List<EventHandler> handlers) {
        return new TreeSet<>(byTopic(handlers).keySet());
    }

    private static Map<String, Map<String, List<EventHandler>>> byTopic(List<EventHandler> handlers) {
        Map<String, Map<String, List<EventHandler>>> result = new LinkedHashMap<>();
        for (EventHandler h : handlers) {
            for (String type : h.eventTypes()) {
                result.computeIfAbsent(h.topic(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(type, t -> new ArrayList<>()).add(h);
            }
        }
        return result;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @FunctionalInterface
    interface IdempotentEventProcessorFactory {
        IdempotentEventProcessor create(Map<String, List<EventHandler>> handlersByType);
    }
}
