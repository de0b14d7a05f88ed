package de.augenhoehe.vacancy.search;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A validated public search: every field is either null/empty (no filter) or a value the SQL can use as it is.
 *
 * @param text         the words as typed (websearch syntax: "…" phrases, -word, or); null without text
 * @param origin       the postal code's centre when a postal code was given (distance in every hit)
 * @param radiusKm     only with an origin
 * @param kldbPrefix   2–5 digits, a known KldB prefix
 * @param maxGermanLevel A1…C2: postings requiring at most this level (or none)
 */
record SearchCriteria(String text, List<String> types, String kldbPrefix, Origin origin, Integer radiusKm,
        List<String> kreise, UUID network, LocalDate startFrom, List<String> workingTimes, Boolean fixedTerm,
        String maxGermanLevel, boolean withoutTemporaryAgencies, Integer publishedWithinDays, Sort sort, int size,
        boolean facets) {

    record Origin(String postalCode, double latitude, double longitude) {
    }

    enum Sort {
        RELEVANCE, DATE, DISTANCE
    }

    /**
     * What a cursor is bound to: every criterion that decides the hit list and its order (not the page size, not
     * the facets). A cursor of another search is refused rather than silently giving a wrong page.
     */
    String fingerprint() {
        return String.join("|", String.valueOf(text), String.valueOf(types), String.valueOf(kldbPrefix),
                origin == null ? "-" : origin.postalCode(), String.valueOf(radiusKm), String.valueOf(kreise),
                String.valueOf(network), String.valueOf(startFrom), String.valueOf(workingTimes), String.valueOf(fixedTerm),
                String.valueOf(maxGermanLevel), String.valueOf(withoutTemporaryAgencies),
                String.valueOf(publishedWithinDays), sort.name());
    }
}
