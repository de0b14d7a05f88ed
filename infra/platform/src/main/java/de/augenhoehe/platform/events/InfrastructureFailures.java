package de.augenhoehe.platform.events;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

import de.augenhoehe.platform.persistence.Causes;

/**
 * Tells a failure of the infrastructure (no database connection, a time-out, a serialization conflict, a server
 * shutting down) from a failure of the event itself. The first will succeed once the infrastructure is back, so
 * it is retried without limit and never dead-lettered; only the second can be poison.
 */
final class InfrastructureFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention, system error. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private InfrastructureFailures() {
    }

    static boolean isInfrastructure(Throwable failure) {
        return Causes.any(failure, InfrastructureFailures::infrastructureItself);
    }

    private static boolean infrastructureItself(Throwable t) {
        if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransactionTimedOutException || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException
                || t instanceof SocketException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
            return true;
        }
        // A commit or rollback that failed in JDBC: the connection broke under the transaction (HikariCP's
        // "Connection is closed" carries no SQLSTATE). When a rollback fails, the failure that caused it is
        // not in the cause chain but the "application exception" ("overridden by rollback exception").
        return t instanceof TransactionSystemException tx
                && (tx.getApplicationException() != null && isInfrastructure(tx.getApplicationException())
                        || tx.getCause() instanceof SQLException sql && sql.getSQLState() == null);
    }
}
