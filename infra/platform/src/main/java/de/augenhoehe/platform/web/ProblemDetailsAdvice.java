package de.augenhoehe.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolationException;

import de.augenhoehe.platform.persistence.Causes;

/**
 * Every error as an RFC 9457 problem with a stable type. Client mistakes are 4xx with a detail they can act on;
 * anything unexpected is a 500 that says nothing about the inside and is logged with its trace id.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String NO_SUCH_PATH = "There is nothing at this path";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return ResponseEntity.status(e.status()).body(e.toProblem());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemType.PAYLOAD_TOO_LARGE.problem(e.getMessage()));
    }

    /**
     * No database connection within the pool's time-out, or a statement cancelled by its time-out: the service is
     * overloaded, not broken — a 503 the client may retry, and it sheds load instead of queueing without end.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> overloaded(RuntimeException e) {
        log.warn("Overloaded, answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemType.OVERLOADED.problem("The service is busy; retry in a moment"));
    }

    /**
     * The database went away during the request (its connection broke: a crash, a restart, a failover), also when the
     * rollback on the broken connection then failed and Spring reports that instead: unavailable for a moment, not
     * broken — a 503 the client may retry, never a 500 (found by infra/chaos: a PostgreSQL SIGKILL). A pool time-out
     * stays {@link #overloaded} (the more specific handler); any other transaction failure stays unexpected.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseLost(RuntimeException e) {
        if (e instanceof TransactionSystemException t && !jdbcFailure(t) && !lostConnection(t.getApplicationException())) {
            return unexpected(e);
        }
        log.warn("Database unavailable, answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemType.DATABASE_UNAVAILABLE.problem("The service lost its database; retry in a moment"));
    }

    /**
     * The commit or rollback itself failed in JDBC (the driver or the pool: HikariCP's "Connection is closed" carries
     * no SQLSTATE), e.g. a rollback on the connection a failed commit just broke.
     */
    private static boolean jdbcFailure(Throwable failure) {
        return Causes.any(failure, t -> t instanceof SQLException || t instanceof DataAccessResourceFailureException);
    }

    /** A broken connection somewhere in the chain: SQLSTATE class 08 (connection exception) or a resource failure. */
    private static boolean lostConnection(Throwable failure) {
        return Causes.any(failure, t -> t instanceof DataAccessResourceFailureException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException || sqlStateClass(t, "08"));
    }

    private static boolean sqlStateClass(Throwable t, String stateClass) {
        return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        ProblemDetail p = ProblemType.VALIDATION_FAILED.problem("The request has invalid fields");
        p.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage())).toList());
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(ProblemType.INVALID_PARAMETER.problem("Parameter '" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemType.CONCURRENT_MODIFICATION.problem("The resource was changed concurrently; read it again and retry"));
    }

    /**
     * A constraint refused the change: 409. But Spring files SQLSTATE class 22 (data exception: a NUL character,
     * a value out of the column's range or length) under the same exception, and that is the request's own value the
     * database cannot hold, not a conflict with existing data: 400 (endpoint fuzzer, #16: {@code ?code=%00} was 409).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        if (dataException(e)) {
            log.info("Value refused by the database: SQLSTATE class 22");
            return ResponseEntity.badRequest().body(ProblemType.INVALID_VALUE.problem("A value of the request cannot be stored or searched for"));
        }
        log.info("Write refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemType.CONSTRAINT_VIOLATED.problem("The change conflicts with existing data"));
    }

    private static boolean dataException(Throwable failure) {
        return Causes.any(failure, t -> sqlStateClass(t, "22"));
    }

    /** A method-level check (e.g. {@code @PreAuthorize}) refused: the same 403 as a refused route. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemType.FORBIDDEN.problem("Your roles do not allow this request"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemType.INTERNAL_ERROR.problem("Something went wrong on our side; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemType.PAYLOAD_TOO_LARGE.problem(tooLarge.getMessage()));
        }
        String detail = "The request body is not valid JSON of the expected shape";
        if (findCause(ex, UnrecognizedPropertyException.class) instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (findCause(ex, WholeStrings.LoneSurrogate.class) instanceof WholeStrings.LoneSurrogate lone) {
            detail = lone.getOriginalMessage();
        }
        return ResponseEntity.badRequest().body(ProblemType.MALFORMED_REQUEST.problem(detail));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemType.VALIDATION_FAILED.problem("The request has invalid fields");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // A body's fields by their own names, as without method validation: a header's constraint beside a @Valid body
        // turns the body's field errors into these results, and clients show them at their fields.
        ProblemDetail p = ProblemType.VALIDATION_FAILED.problem("The request has invalid parameters");
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        ex.getBeanResults().forEach(body -> body.getFieldErrors().forEach(f ->
                errors.add(Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))));
        ex.getValueResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", String.valueOf(r.getMethodParameter().getParameterName()),
                "message", String.valueOf(err.getDefaultMessage())))));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    /** An unknown path: a plain 404, without Spring's "No static resource …" that tells how the service looks inside. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemType.NOT_FOUND.problem(NO_SUCH_PATH));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemType.NOT_FOUND.problem(NO_SUCH_PATH));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // Spring's own problems (404 of an unknown path, 405, 415 …) get our stable type too.
        if (body instanceof ProblemDetail p && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            HttpStatus s = HttpStatus.resolve(statusCode.value());
            p.setType(Problems.type(s == null ? "http-" + statusCode.value() : ProblemType.forStatus(s).slug()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static Throwable findCause(Throwable t, Class<? extends Throwable> type) {
        return Causes.of(t).filter(type::isInstance).findFirst().orElse(null);
    }
}
