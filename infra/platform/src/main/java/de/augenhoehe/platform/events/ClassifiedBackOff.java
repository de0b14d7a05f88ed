package de.augenhoehe.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The back-off of one failing record that follows the classification of its <em>latest</em> failure: a poison failure
 * takes the next step of the bounded back-off (then the DLT), an infrastructure failure the next step of the unbounded
 * one. Spring Kafka picks a record's back-off at its first failure and renews it only when the class of the failure
 * (below the listener's wrapper) changes — and every failure of {@link EventBatchListener} is a
 * {@code BatchListenerFailedException}: a record that failed first for itself had its few retries used up by an outage
 * of the database and was dead-lettered though valid; one that failed first in an outage was retried without end when
 * it then failed for itself, holding its partition ({@code ClassifiedBackOffTest}, both seen failing).
 * Spring Kafka tells the listener of each failure ({@link #failedDelivery}) on the consumer's thread
 * just before it asks the execution for the next interval, so the classification is kept per thread.
 */
final class ClassifiedBackOff implements BackOff, RetryListener {

    private final BackOff poison;
    private final BackOff infrastructure;
    private final ThreadLocal<Boolean> latestIsInfrastructure = ThreadLocal.withInitial(() -> false);

    ClassifiedBackOff(BackOff poison, BackOff infrastructure) {
        this.poison = poison;
        this.infrastructure = infrastructure;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        latestIsInfrastructure.set(InfrastructureFailures.isInfrastructure(failure));
    }

    /** Both sequences per record; each advances only on failures of its kind. */
    @Override
    public BackOffExecution start() {
        BackOffExecution ofPoison = poison.start();
        BackOffExecution ofInfrastructure = infrastructure.start();
        return () -> latestIsInfrastructure.get() ? ofInfrastructure.nextBackOff() : ofPoison.nextBackOff();
    }
}
