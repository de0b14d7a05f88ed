package de.augenhoehe.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * One listener container per consumed topic, in this service's consumer group. An event that fails for a reason of
 * its own is retried with exponential back-off; then — or at once when unreadable — it goes to {@code <topic>.DLT}
 * with the exception in the headers, and the partition moves on. A failure of the infrastructure (the database
 * away, a time-out, a serialization conflict) is retried without limit and holds the partition: a valid event is
 * never dead-lettered because a server was down.
 */
class EventConsumers implements SmartLifecycle {

    static final String DLT_SUFFIX = ".DLT";

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private volatile boolean running;

    EventConsumers(EventProcessors processors, Map<String, Object> consumerProps, String groupId,
            KafkaOperations<String, byte[]> dltTemplate, EventsProperties.Consumer settings, MeterRegistry meters,
            ObservationRegistry observations) {
        Counter deadLettered = Counter.builder("augenhoehe.events.dead.lettered")
                .description("Consumed events sent to a dead-letter topic").register(meters);
        var consumerFactory = new DefaultKafkaConsumerFactory<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        // Consumer lag and fetch metrics per client, for the operations view.
        consumerFactory.addListener(new MicrometerConsumerListener<>(meters));
        for (var entry : processors.byTopic().entrySet()) {
            String topic = entry.getKey();
            Counter infrastructureFailures = Counter.builder("augenhoehe.events.infrastructure.failures")
                    .description("Attempts to apply a consumed event that failed for a reason of the infrastructure;"
                            + " retried without limit").tag("topic", topic).register(meters);
            ContainerProperties props = new ContainerProperties(topic);
            props.setGroupId(groupId);
            // A poll's records, of all its partitions, are applied in one transaction and the offsets committed once
            // per poll (EventBatchListener); a failing record is still retried and dead-lettered alone.
            props.setAckMode(ContainerProperties.AckMode.BATCH);
            // Asynchronous by default: the next poll need not wait for the broker's answer (idempotent consumer, see
            // EventsProperties.Consumer#syncCommits).
            props.setSyncCommits(settings.isSyncCommits());
            // Each record's handling is a span continuing the producer's trace from its traceparent header, made by the
            // listener (the container observes record listeners only). A container built here, outside a listener
            // container factory, never finds the application's registry by itself: without it, the trace would end
            // at the outbox.
            props.setMessageListener(new EventBatchListener(entry.getValue(), "events-" + topic, groupId,
                    infrastructureFailures, observations));
            var container = new ConcurrentMessageListenerContainer<>(consumerFactory, props);
            container.setConcurrency(settings.getConcurrency());
            container.setBeanName("events-" + topic);
            var recoverer = new DeadLetterPublishingRecoverer(dltTemplate,
                    (record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1)) {
                @Override
                public void accept(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record,
                        org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Exception exception) {
                    super.accept(record, consumer, recordFailure(exception));
                    deadLettered.increment();
                }
            };
            container.setCommonErrorHandler(errorHandler(recoverer, settings));
            containers.add(container);
        }
    }

    /**
     * The failure as a record listener's: the listener's failure with the event's own exception as its cause, without
     * the batch's wrapper — the dead letter's headers name what failed ({@link DeadLetters} shows the cause).
     */
    static Exception recordFailure(Exception exception) {
        if (exception instanceof ListenerExecutionFailedException failed
                && failed.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(failed.getMessage(), failed.getGroupId(), batch.getCause());
        }
        return exception;
    }

    /** Poison: bounded back-off, then the DLT; unreadable at once; infrastructure: without limit ({@link ClassifiedBackOff}). */
    static DefaultErrorHandler errorHandler(org.springframework.kafka.listener.ConsumerRecordRecoverer recoverer,
            EventsProperties.Consumer settings) {
        var backOff = new ClassifiedBackOff(poisonBackOff(settings), infrastructureBackOff(settings));
        var errorHandler = new DefaultErrorHandler(recoverer, backOff);
        errorHandler.setRetryListeners(backOff);
        errorHandler.addNotRetryableExceptions(UnreadableEventException.class, JacksonException.class);
        return errorHandler;
    }

    private static BackOff poisonBackOff(EventsProperties.Consumer settings) {
        var backOff = new ExponentialBackOffWithMaxRetries(settings.getMaxRetries());
        backOff.setInitialInterval(settings.getInitialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.getMaxBackoff().toMillis());
        return backOff;
    }

    /** No limit in attempts or time: what fails only because a server is away succeeds when it is back. */
    private static BackOff infrastructureBackOff(EventsProperties.Consumer settings) {
        var backOff = new ExponentialBackOff(settings.getInitialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.getInfrastructureMaxBackoff().toMillis());
        return backOff;
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
}
