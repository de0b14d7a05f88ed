package de.augenhoehe.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * One kind of refusal: its status, its slug (the {@code type} {@code urn:augenhoehe:problem:<slug>}) and its title,
 * declared once as a constant and thrown with a detail. A slug has one title across the whole platform (checked over
 * every service's sources by {@code ProblemCatalogueTest}); the kinds every service shares are declared here.
 */
public record ProblemType(HttpStatus status, String slug, String title) {

    public static final ProblemType NOT_FOUND = new ProblemType(HttpStatus.NOT_FOUND, "not-found", "Nicht gefunden / Not found");
    public static final ProblemType UNAUTHENTICATED = new ProblemType(HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Anmeldung erforderlich / Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType(HttpStatus.FORBIDDEN, "forbidden", "Keine Berechtigung / Forbidden");
    public static final ProblemType INVALID_PARAMETER = new ProblemType(HttpStatus.BAD_REQUEST, "invalid-parameter",
            "Ungültiger Parameter / Invalid parameter");
    public static final ProblemType VALIDATION_FAILED = new ProblemType(HttpStatus.BAD_REQUEST, "validation-failed",
            "Ungültige Eingabe / Invalid input");
    public static final ProblemType INVALID_VALUE = new ProblemType(HttpStatus.BAD_REQUEST, "invalid-value",
            "Ungültiger Wert / Invalid value");
    public static final ProblemType MALFORMED_REQUEST = new ProblemType(HttpStatus.BAD_REQUEST, "malformed-request",
            "Fehlerhafte Anfrage / Malformed request");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
            "Anfrage zu groß / Payload too large");
    public static final ProblemType PRECONDITION_REQUIRED = new ProblemType(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
            "Version fehlt / Precondition required");
    public static final ProblemType PRECONDITION_FAILED = new ProblemType(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
            "Veraltete Version / Precondition failed");
    public static final ProblemType CONCURRENT_MODIFICATION = new ProblemType(HttpStatus.CONFLICT, "concurrent-modification",
            "Gleichzeitige Änderung / Concurrent modification");
    public static final ProblemType CONSTRAINT_VIOLATED = new ProblemType(HttpStatus.CONFLICT, "constraint-violated", "Konflikt / Conflict");
    public static final ProblemType OVERLOADED = new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Überlastet / Overloaded");
    public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
            "Datenbank nicht erreichbar / Database unavailable");
    public static final ProblemType MAIL_UNAVAILABLE = new ProblemType(HttpStatus.SERVICE_UNAVAILABLE, "mail-unavailable",
            "Mailversand gestört / Mail unavailable");
    public static final ProblemType INTERNAL_ERROR = new ProblemType(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
            "Interner Fehler / Internal error");

    /** Titles of the kinds a service names by slug only ({@link ProblemException#conflict}, {@link ProblemException#invalid}). */
    static final String CONFLICT_TITLE = "Konflikt / Conflict";
    static final String INVALID_TITLE = "Ungültige Eingabe / Invalid input";

    /** A service's own kind of refusal; keep it in a constant beside the rule that refuses. */
    public static ProblemType of(HttpStatus status, String slug, String title) {
        return new ProblemType(status, slug, title);
    }

    /**
     * The kind of a status the platform declares no constant for (405, 415 … answered by Spring or Tomcat): its
     * slug from the status name ({@code method-not-allowed}), its title the reason phrase.
     */
    public static ProblemType forStatus(HttpStatus status) {
        return new ProblemType(status, status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), status.getReasonPhrase());
    }

    public ProblemException exception(String detail) {
        return new ProblemException(this, detail, Map.of());
    }

    /** With extension members (RFC 9457 §3.2); never personal data. */
    public ProblemException exception(String detail, Map<String, Object> properties) {
        return new ProblemException(this, detail, properties);
    }

    /** The answer itself, for code that writes it without throwing (filters, exception handlers). */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(slug));
        problem.setTitle(title);
        return problem;
    }
}
