package de.augenhoehe.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal a client can act on, answered as an RFC 9457 problem. Services throw it (or a subclass) from their
 * domain logic; the message must never contain personal data, it is logged and returned.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ProblemException(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = properties;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Nicht gefunden / Not found", what + " was not found");
    }

    /** No token where an endpoint needs one: the same problem the platform's security answers with. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Anmeldung erforderlich / Authentication required", detail);
    }

    /** A role or object the caller lacks: the same problem the platform's security answers a refused request with. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Keine Berechtigung / Forbidden", detail);
    }

    /** A query parameter out of its range or format. */
    public static ProblemException invalidParameter(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Ungültiger Parameter / Invalid parameter", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Konflikt / Conflict", detail);
    }

    public static ProblemException invalid(String slug, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Ungültige Eingabe / Invalid input", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = Problems.of(status, slug, title, getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
