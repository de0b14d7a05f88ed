package de.augenhoehe.platform.web;

/**
 * Optimistic locking over HTTP, the same for every resource of the platform: the ETag is the row version, a change
 * must name the version it was based on in {@code If-Match}.
 */
public final class Versions {

    private Versions() {
    }

    /** The longest If-Match that can name a version: {@code W/"9223372036854775807"}; a longer one is refused (412). */
    public static final int MAX_IF_MATCH = 23;

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version named in {@code If-Match}: 428 when missing (a blind overwrite), 412 when unreadable. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemType.PRECONDITION_REQUIRED.exception("Send If-Match with the ETag of the version you changed");
        }
        String v = ifMatch.strip();
        if (v.length() > MAX_IF_MATCH) {
            throw stale();
        }
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        try {
            return Long.parseLong(v.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** The version named in {@code If-Match}, null when it is absent (where a change may be blind); 412 when unreadable. */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : required(ifMatch);
    }

    /** 412 unless {@code If-Match} names the current version (428 when it is missing). */
    public static void check(String ifMatch, long current) {
        if (required(ifMatch) != current) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return ProblemType.PRECONDITION_FAILED.exception("The resource was changed since you read it; read it again and retry");
    }
}
