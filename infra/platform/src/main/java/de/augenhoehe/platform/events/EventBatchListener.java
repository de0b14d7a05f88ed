package de.augenhoehe.platform.events;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Applies the records of one poll, of all its partitions, in one transaction (one commit, one fsync, instead of one
 * per record or per partition), and the offsets committed once after the poll ({@code AckMode.BATCH}). When that
 * transaction fails, it leaves nothing behind and the poll is applied again record by record, each in a transaction of
 * its own, up to the failing record: the error handler then commits the offsets of the records before it (the poll's
 * records come partition after partition, the order in which it counts them), retries that record alone, then
 * dead-letters it — so a poison event goes to the dead-letter topic alone, as with one transaction per record, and
 * the effects of the others stay. Each record's handling is a span continuing the producer's trace, as before.
 */
final class EventBatchListener implements BatchMessageListener<String, byte[]> {

    private final IdempotentEventProcessor processor;
    private final String listenerId;
    private final String groupId;
    private final Counter infrastructureFailures;
    private final ObservationRegistry observations;

    EventBatchListener(IdempotentEventProcessor processor, String listenerId, String groupId,
            Counter infrastructureFailures, ObservationRegistry observations) {
        this.processor = processor;
        this.listenerId = listenerId;
        this.groupId = groupId;
        this.infrastructureFailures = infrastructureFailures;
        this.observations = observations;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        // The whole poll in one transaction, whatever partitions it holds: one commit and one fsync per poll. With one
        // per partition, a poll over a topic's 6 partitions cost up to 6 commits in series, the next poll waited for
        // all of them, and so did the records that arrived meanwhile (issue #21, step f: the consumer's latency).
        try {
            processor.processAll(records, this::observed);
        } catch (RuntimeException pollFailed) {
            oneByOne(records);
        }
    }

    /** Throws at the first record that fails alone, naming it: the ones before it are applied and committed. */
    private void oneByOne(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                observed(record, () -> processor.process(record));
            } catch (RuntimeException e) {
                if (InfrastructureFailures.isInfrastructure(e)) {
                    infrastructureFailures.increment();
                }
                throw new BatchListenerFailedException("event at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " failed", e, record);
            }
        }
    }

    private void observed(ConsumerRecord<String, byte[]> record, Runnable handling) {
        KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, null, groupId, () -> null), observations)
                .observe(handling);
    }
}
