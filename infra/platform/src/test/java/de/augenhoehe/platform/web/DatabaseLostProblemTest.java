package de.augenhoehe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * A database that goes away during a request (killed, restarted, failed over) is a 503 with Retry-After, never a 500 —
 * also when the rollback on the broken connection fails and Spring reports that instead (infra/chaos, PostgreSQL
 * SIGKILL: vacancy-service answered 500 with "JDBC rollback failed"). Resolved as Spring resolves the advice's handlers.
 */
class DatabaseLostProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class);

    private static final SQLException IO_ERROR = new SQLException("An I/O error occurred while sending to the backend.", "08006");

    @Test
    void a_connection_broken_during_a_statement_is_503() throws Exception {
        var answer = answer(new DataAccessResourceFailureException("PreparedStatementCallback; I/O error", IO_ERROR));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:augenhoehe:problem:database-unavailable");
    }

    @Test
    void a_failed_rollback_on_the_broken_connection_is_503() throws Exception {
        var rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("This connection has been closed.", "08003"));
        rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback", IO_ERROR));
        assertThat(answer(rollback).getStatusCode().value()).isEqualTo(503);
    }

    /** A failed commit whose rollback then failed on the pool's closed connection (HikariCP: no SQLSTATE). */
    @Test
    void a_failed_commit_then_rollback_on_a_closed_pool_connection_is_503() throws Exception {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(answer(rollback).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void a_transaction_failure_of_another_kind_stays_a_500_and_the_pool_time_out_stays_overload() throws Exception {
        assertThat(answer(new TransactionSystemException("commit refused", new IllegalStateException("bug")))
                .getStatusCode().value()).isEqualTo(500);
        var pool = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        assertThat(answer(pool).getBody().getType().toString()).isEqualTo("urn:augenhoehe:problem:overloaded");
    }

    /** SQLSTATE class 22 (here 22021, a NUL in a query parameter: endpoint fuzzer, #16) is the request's value: 400. */
    @Test
    void a_value_the_database_cannot_hold_is_400_and_a_constraint_stays_409() throws Exception {
        var nul = new org.springframework.dao.DataIntegrityViolationException("PreparedStatementCallback",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        assertThat(answer(nul).getStatusCode().value()).isEqualTo(400);
        assertThat(answer(nul).getBody().getType().toString()).isEqualTo("urn:augenhoehe:problem:invalid-value");
        var unique = new org.springframework.dao.DuplicateKeyException("PreparedStatementCallback",
                new SQLException("ERROR: duplicate key value violates unique constraint", "23505"));
        assertThat(answer(unique).getStatusCode().value()).isEqualTo(409);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<ProblemDetail> answer(Exception e) throws Exception {
        Method handler = resolver.resolveMethod(e);
        handler.setAccessible(true);
        return (ResponseEntity<ProblemDetail>) handler.invoke(advice, e);
    }
}
