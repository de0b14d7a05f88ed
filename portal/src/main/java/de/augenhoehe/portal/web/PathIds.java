package de.augenhoehe.portal.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The API's ids in the portal's addresses and forms. A path segment that is no id names no page: 404, and it never
 * reaches the API (where it would be a 400 the person cannot make sense of). Only the canonical form counts —
 * {@link UUID#fromString} would also take "1-1-1-1-1".
 */
public final class PathIds {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    /** Whether a value (a form field, a query parameter) is an id. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The id a path segment names, or the 404 page. */
    public static UUID uuid(String segment) {
        if (!isId(segment)) {
            throw ApiProblem.notFound("not an id");
        }
        return UUID.fromString(segment);
    }

    /** {@link #uuid} as the API writes it (lower case). */
    public static String id(String segment) {
        return uuid(segment).toString();
    }
}
