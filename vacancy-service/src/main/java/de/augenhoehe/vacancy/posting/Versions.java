package de.augenhoehe.vacancy.posting;

import org.springframework.http.HttpStatus;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/** Optimistic locking over HTTP: the ETag is the row version; a change names the version it was based on in If-Match. */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 428 when missing (a blind overwrite), 412 when unreadable. */
    static long required(String ifMatch) {
        Long v = optional(ifMatch);
        if (v == null) {
            throw ProblemType.PRECONDITION_REQUIRED.exception("Send If-Match with the ETag of the version you changed");
        }
        return v;
    }

    /** null when absent; 412 when it names no version of ours. */
    static Long optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        try {
            return Long.parseLong(v.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw PostingService.stale();
        }
    }
}
