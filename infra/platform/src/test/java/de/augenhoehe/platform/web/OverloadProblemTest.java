package de.augenhoehe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** An exhausted connection pool or a statement time-out is overload: 503 with Retry-After, never a 500. */
class OverloadProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void pool_exhaustion_and_query_timeouts_are_503_with_retry_after() {
        var pool = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        for (RuntimeException e : new RuntimeException[] {pool, new CannotCreateTransactionException("no connection", pool),
                new QueryTimeoutException("cancelled")}) {
            var answer = advice.overloaded(e);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(answer.getBody().getType().toString()).isEqualTo("urn:augenhoehe:problem:overloaded");
        }
    }
}
