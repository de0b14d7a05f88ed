package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The consumers' error handler decides each retry by the latest failure of the record, driven as the container drives
 * it ({@link DefaultErrorHandler#handleOne}: true when the record was recovered, i.e. dead-lettered).
 */
class ClassifiedBackOffTest {

    private final List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("partner.events", 0, 42L, "k", new byte[0]);
    private final DefaultErrorHandler handler = EventConsumers.errorHandler((r, e) -> deadLettered.add(r), settings());

    /**
     * As the container hands the batch listener's failure to the error handler: every failure of every record is a
     * {@link BatchListenerFailedException} inside a {@link ListenerExecutionFailedException}, so the "root cause" by
     * which Spring Kafka renews a record's back-off has one class, whatever failed.
     */
    private final Exception databaseAway = asTheContainerHandsIt(new DataAccessResourceFailureException("I/O error",
            new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    private final Exception constraint = asTheContainerHandsIt(new DataIntegrityViolationException("refused",
            new SQLException("duplicate key value violates unique constraint", "23505")));

    private Exception asTheContainerHandsIt(Exception failure) {
        return new ListenerExecutionFailedException("Listener failed", "group",
                new BatchListenerFailedException("record failed", failure, record));
    }

    @Test
    void a_record_that_failed_while_the_database_was_away_and_then_for_itself_is_dead_lettered_after_its_retries() {
        for (int i = 0; i < 10; i++) {
            assertThat(handler.handleOne(databaseAway, record, null, null)).as("infrastructure attempt %d", i).isFalse();
        }
        assertThat(handler.handleOne(constraint, record, null, null)).isFalse();
        assertThat(handler.handleOne(constraint, record, null, null)).isFalse();
        assertThat(handler.handleOne(constraint, record, null, null)).as("after 2 retries").isTrue();
        assertThat(deadLettered).containsExactly(record);
    }

    @Test
    void an_infrastructure_failure_after_poison_ones_is_retried_without_limit_and_does_not_use_up_the_poison_retries() {
        assertThat(handler.handleOne(constraint, record, null, null)).isFalse();
        for (int i = 0; i < 10; i++) {
            assertThat(handler.handleOne(databaseAway, record, null, null)).as("infrastructure attempt %d", i).isFalse();
        }
        assertThat(handler.handleOne(constraint, record, null, null)).isFalse();
        assertThat(handler.handleOne(constraint, record, null, null)).isTrue();
        assertThat(deadLettered).containsExactly(record);
    }

    private static EventsProperties.Consumer settings() {
        var settings = new EventsProperties.Consumer();
        settings.setMaxRetries(2);
        settings.setInitialBackoff(Duration.ofMillis(1));
        settings.setMaxBackoff(Duration.ofMillis(1));
        settings.setInfrastructureMaxBackoff(Duration.ofMillis(1));
        return settings;
    }
}
