package de.augenhoehe.vacancy.referencedata;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * The reference data other features use: postal codes (GeoNames) and occupations (KldB 2010 V. 2020). This interface
 * and its records are the public API of the feature.
 */
@FeatureApi
public interface ReferenceData {

    /**
     * A postal code as one place of work. Several places may share a code (26409: Wittmund and 14 of its villages):
     * the coordinates are the centroid of all of the code's places, the place, Kreis and Land are those of the place
     * nearest to that centroid (ties: alphabetically first). {@code kreisCode} and {@code landCode} are null for the
     * one German postal code outside Germany (87491 Jungholz, Austria).
     */
    record PostalCodeArea(String code, String place, String landCode, String kreisCode, String kreisName,
            double latitude, double longitude, List<Place> places) {
    }

    /** One (code, place) row as the source has it. */
    record Place(String place, String kreisCode, String kreisName, double latitude, double longitude) {
    }

    /** A KldB 2010 position; {@code key} padded to {@code level} digits. */
    record Occupation(String key, int level, String title, String shortTitle) {
    }

    /** @return empty when the code is unknown or not five digits */
    Optional<PostalCodeArea> postalCode(String code);

    /** @return empty when the key is unknown or not 1–5 digits */
    Optional<Occupation> occupation(String key);

    /** A known KldB position of any level (e.g. "26112" or "261"). */
    default boolean isOccupation(String key) {
        return occupation(key).isPresent();
    }

    /** Kreis names by 5-digit Kreisschlüssel (unknown keys are missing from the map). */
    Map<String, String> kreisNames(Collection<String> kreisCodes);

    /** Titles of KldB positions by key (unknown keys are missing from the map). */
    Map<String, String> occupationTitles(Collection<String> keys);

    /** A prefix of 1–5 digits that at least one KldB position starts with ("2611" → true, "2699" → false). */
    boolean isOccupationPrefix(String prefix);

    /**
     * Positions whose key starts with {@code prefix}, ordered by key, after the key {@code after} (null: from the
     * start), at most {@code limit}; {@code level} null for every level.
     */
    List<Occupation> occupationsStartingWith(String prefix, Integer level, String after, int limit);
}
