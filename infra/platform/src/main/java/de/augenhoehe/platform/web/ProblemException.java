package de.augenhoehe.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal a client can act on, answered as an RFC 9457 problem. Services throw it from their domain logic through
 * a {@link ProblemType} or one of the factories here; the message must never contain personal data, it is logged and
 * returned.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    protected ProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.type = type;
        this.properties = properties;
    }

    public static ProblemException notFound(String what) {
        return ProblemType.NOT_FOUND.exception(what + " was not found");
    }

    /** No token where an endpoint needs one: the same problem the platform's security answers with. */
    public static ProblemException unauthenticated(String detail) {
        return ProblemType.UNAUTHENTICATED.exception(detail);
    }

    /** A role or object the caller lacks: the same problem the platform's security answers a refused request with. */
    public static ProblemException forbidden(String detail) {
        return ProblemType.FORBIDDEN.exception(detail);
    }

    /** A query parameter out of its range or format. */
    public static ProblemException invalidParameter(String detail) {
        return ProblemType.INVALID_PARAMETER.exception(detail);
    }

    /** A state that does not allow the change; the slug names which (one title for all: {@code Konflikt}). */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemType(HttpStatus.CONFLICT, slug, ProblemType.CONFLICT_TITLE).exception(detail);
    }

    /** Content that breaks a rule of the domain; the slug names which (one title for all: {@code Ungültige Eingabe}). */
    public static ProblemException invalid(String slug, String detail) {
        return new ProblemType(HttpStatus.UNPROCESSABLE_CONTENT, slug, ProblemType.INVALID_TITLE).exception(detail);
    }

    public HttpStatus status() {
        return type.status();
    }

    public ProblemType type() {
        return type;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = type.problem(getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
