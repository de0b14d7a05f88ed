package de.augenhoehe.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import de.augenhoehe.platform.web.ProblemException;

/**
 * What other features may ask the kreise feature: which Kreisschlüssel name real Kreise. Network regions and partner
 * addresses are validated against it (a public query interface in the root package, like {@link NetworkDirectory}).
 */
public interface KreisDirectory {

    /** The given keys that are no known Kreis, distinct, in the given order. */
    List<String> unknown(Collection<String> schluessel);

    /** 400 {@code unknown-kreis} naming the keys that are no known Kreis; nothing when all are known. */
    default void requireKnown(Collection<String> schluessel) {
        List<String> unknown = unknown(schluessel);
        if (!unknown.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown-kreis", "Unbekannter Kreis / Unknown Kreis",
                    "No Kreis has the Kreisschlüssel " + String.join(", ", unknown), Map.of("kreise", unknown));
        }
    }
}
