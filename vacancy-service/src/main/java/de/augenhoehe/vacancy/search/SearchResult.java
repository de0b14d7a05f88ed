package de.augenhoehe.vacancy.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of the public search: a page of hits, the cursor of the next page, on request facet counts, and whether the
 * order is that of a sample (issue #21: a search by relevance over thousands of matches ranks the first 1,000 found).
 */
record SearchResult(List<Hit> items,
        @Schema(description = "Pass as cursor (with the same parameters) for the next page; null on the last page") String next,
        @Schema(description = "Only with facets=true: counts for the current filter") Facets facets,
        @Schema(description = "true: more postings match than the sample of 1,000, and the relevance order ranks the first "
                + "1,000 matches found, not every match; its pages end there. Narrower words, place, radius or filters rank "
                + "every match; sort=date and sort=distance always order every match") boolean rankedFromSample) {

    /** One published posting as a hit; the full text is at /api/vacancies/{id}. */
    record Hit(UUID id, UUID employerId, String employerName, String title, String type, String kldb,
            String occupationGroup, String postalCode, String place, String kreis, double latitude, double longitude,
            String workingTime, int remoteShare, boolean fixedTerm, LocalDate startDate, LocalDate validThrough,
            String germanLevel, boolean temporaryAgency, BigDecimal salaryMin, BigDecimal salaryMax, String salaryPeriod,
            Instant publishedAt,
            @Schema(description = "Great-circle distance from the postalCode's centre in km (one decimal); only with postalCode")
            Double distanceKm) {
    }

    /**
     * A wide search is counted over a bounded sample of its matches (issue #21: counting every match of a frequent word
     * in a dense area cost more than the page): then {@code countsAreLowerBounds}, {@code total} is the sample's size and
     * more postings match ("1.000+"), and every count is the count within the sample, so at least that many match.
     */
    record Facets(List<Count> type, List<Count> occupationGroup, List<Count> kreis, List<Count> workingTime,
            @Schema(description = "Postings counted: all matches, or the sample's size when countsAreLowerBounds") long total,
            @Schema(description = "true: more postings match than were counted (shown as \"1.000+\"): total and every count "
                    + "are lower bounds, counted over the first total matches") boolean countsAreLowerBounds) {
    }

    /** {@code label}: the KldB title of an occupation group, the name of a Kreis, the German name of a type or working time. */
    record Count(String value, String label, long count) {
    }
}
