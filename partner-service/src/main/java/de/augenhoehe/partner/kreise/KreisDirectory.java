package de.augenhoehe.partner.kreise;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import de.augenhoehe.platform.architecture.FeatureApi;
import de.augenhoehe.platform.web.ProblemType;

/**
 * What other features may ask the kreise feature: which Kreisschlüssel name real Kreise, and in which Kreis a postal
 * code lies. Network regions are validated against it and partner addresses get their Kreis from it (the feature's
 * API, {@code @FeatureApi}).
 */
@FeatureApi
public interface KreisDirectory {

    ProblemType UNKNOWN_KREIS = ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-kreis", "Unbekannter Kreis / Unknown Kreis");
    ProblemType UNKNOWN_POSTAL_CODE = ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-postal-code", "Unbekannte Postleitzahl / Unknown postal code");
    ProblemType KREIS_CONTRADICTS_POSTAL_CODE = ProblemType.of(HttpStatus.BAD_REQUEST, "kreis-contradicts-postal-code",
            "Kreis passt nicht zur Postleitzahl / Kreis contradicts the postal code");

    /** The given keys that are no known Kreis, distinct, in the given order. */
    List<String> unknown(Collection<String> schluessel);

    /** 400 {@code unknown-kreis} naming the keys that are no known Kreis; nothing when all are known. */
    default void requireKnown(Collection<String> schluessel) {
        List<String> unknown = unknown(schluessel);
        if (!unknown.isEmpty()) {
            throw UNKNOWN_KREIS.exception("No Kreis has the Kreisschlüssel " + String.join(", ", unknown), Map.of("kreise", unknown));
        }
    }

    /** The Kreise the postal code lies in, the one with most places first; empty for a postal code the service does not know. */
    List<String> kreiseOfPostalCode(String postalCode);

    /**
     * The Kreis of an address: derived from its postal code. An entered Kreis must be one of the postal code's Kreise
     * (where a code spans several, it chooses among them); without one the Kreis with most places is taken.
     * 400 {@code unknown-postal-code} for a postal code in no known Kreis, 400 {@code kreis-contradicts-postal-code}
     * (with the postal code's Kreise in {@code kreise}) for an entered Kreis the postal code does not lie in.
     */
    default String kreisOf(String postalCode, String entered) {
        List<String> kreise = kreiseOfPostalCode(postalCode);
        if (kreise.isEmpty()) {
            throw UNKNOWN_POSTAL_CODE.exception("No known Kreis has the postal code " + postalCode, Map.of("postalCode", postalCode));
        }
        if (entered == null) {
            return kreise.getFirst();
        }
        if (!kreise.contains(entered)) {
            throw KREIS_CONTRADICTS_POSTAL_CODE.exception(
                    "The postal code " + postalCode + " lies in " + String.join(", ", kreise) + ", not in " + entered,
                    Map.of("postalCode", postalCode, "kreis", entered, "kreise", kreise));
        }
        return entered;
    }
}
