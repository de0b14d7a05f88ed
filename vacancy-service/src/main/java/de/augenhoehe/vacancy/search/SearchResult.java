package de.augenhoehe.vacancy.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of the public search: a page of hits, the cursor of the next page and, on request, facet counts. */
record SearchResult(List<Hit> items,
        @Schema(description = "Pass as cursor (with the same parameters) for the next page; null on the last page") String next,
        @Schema(description = "Only with facets=true: counts for the current filter") Facets facets) {

    /** One published posting as a hit; the full text is at /api/vacancies/{id}. */
    record Hit(UUID id, UUID employerId, String employerName, String title, String type, String kldb,
            String occupationGroup, String postalCode, String place, String kreis, double latitude, double longitude,
            String workingTime, int remoteShare, boolean fixedTerm, LocalDate startDate, LocalDate validThrough,
            String germanLevel, boolean temporaryAgency, BigDecimal salaryMin, BigDecimal salaryMax, String salaryPeriod,
            Instant publishedAt,
            @Schema(description = "Great-circle distance from the postalCode's centre in km (one decimal); only with postalCode")
            Double distanceKm) {
    }

    record Facets(List<Count> type, List<Count> occupationGroup, List<Count> kreis, List<Count> workingTime) {
    }

    /** {@code label}: the KldB title of an occupation group, the name of a Kreis, the German name of a type or working time. */
    record Count(String value, String label, long count) {
    }
}
