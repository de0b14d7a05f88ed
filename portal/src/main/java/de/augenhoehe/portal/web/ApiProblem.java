package de.augenhoehe.portal.web;

import java.util.Map;

/**
 * An RFC 9457 answer of the platform's API, as the portal received it. Pages turn it into German text at the field
 * or an error page; it never reaches the browser as JSON.
 *
 * @param slug the problem type's last path segment ({@code validation-failed}, {@code not-found}, …), empty when the
 *             answer had no problem body
 * @param fieldErrors the API's field errors by field name (its {@code errors} member), when it sent them
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final transient Map<String, String> fieldErrors;

    public ApiProblem(int status, String slug, String detail, Map<String, String> fieldErrors) {
        super(status + " " + slug + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.slug = slug == null ? "" : slug;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** What a page answers for an address that names nothing (a malformed or unknown id): the 404 page. */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean is(int status, String slug) {
        return this.status == status && this.slug.equals(slug);
    }

    /** The platform could not answer (down, overloaded, timed out): the page says "try again later". */
    public boolean unavailable() {
        return status == 502 || status == 503 || status == 504 || status == 0;
    }
}
