package de.augenhoehe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionSystemException;

/** What is retried until the infrastructure is back and what may be poison (dead-lettered after its retries). */
class InfrastructureFailuresTest {

    static Exception asTheErrorHandlerSeesIt(Exception failure) {
        return new ListenerExecutionFailedException("Listener failed",
                new BatchListenerFailedException("event at t-0@1 failed", failure, 0));
    }

    @Test
    void a_rollback_that_failed_after_the_connection_broke_is_infrastructure() {
        // the database went away mid-transaction: the statement failed, then the rollback on the broken connection
        var statement = new DataAccessResourceFailureException("insert into consumed_event",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new IOException("Broken pipe")));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(statement);
        assertThat(InfrastructureFailures.isInfrastructure(asTheErrorHandlerSeesIt(rollback))).isTrue();
    }

    @Test
    void a_commit_that_failed_in_jdbc_without_a_sqlstate_is_infrastructure() {
        var commit = new TransactionSystemException("JDBC commit failed", new SQLException("Connection is closed"));
        assertThat(InfrastructureFailures.isInfrastructure(asTheErrorHandlerSeesIt(commit))).isTrue();
    }

    @Test
    void the_events_own_failures_stay_poison_also_when_a_rollback_fails() {
        assertThat(InfrastructureFailures.isInfrastructure(asTheErrorHandlerSeesIt(new IllegalStateException("cannot apply")))).isFalse();
        var violation = new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505"));
        assertThat(InfrastructureFailures.isInfrastructure(asTheErrorHandlerSeesIt(violation))).isFalse();
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("rollback refused", "XX000"));
        rollback.initApplicationException(new IllegalStateException("cannot apply"));
        assertThat(InfrastructureFailures.isInfrastructure(asTheErrorHandlerSeesIt(rollback))).isFalse();
    }
}
