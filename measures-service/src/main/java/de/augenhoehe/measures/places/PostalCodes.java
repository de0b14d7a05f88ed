package de.augenhoehe.measures.places;

import java.util.Optional;

import de.augenhoehe.platform.architecture.FeatureApi;

/** Postal code → Kreis (5-digit Kreisschlüssel), from the reference table of this feature. */
@FeatureApi
public interface PostalCodes {

    /**
     * The Kreis of a postal code; empty for an unknown one. A code that spans several Kreise answers the one with the
     * most places under that code (ties: the lower key), so the answer is stable.
     */
    Optional<String> kreisOf(String postalCode);
}
