package de.augenhoehe.vacancy.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.ProblemException;

/**
 * The public, anonymous search over published postings ({@code /api/vacancies/**} is public for GET, declared by the
 * employers feature) and every published posting as schema.org JSON-LD.
 */
@RestController
@Tag(name = "search")
class SearchController {

    static final String LD_JSON = "application/ld+json";

    private final SearchParameters parameters;
    private final PostingSearch search;
    private final JobPostingJsonLd jsonLd;

    SearchController(SearchParameters parameters, PostingSearch search, JobPostingJsonLd jsonLd) {
        this.parameters = parameters;
        this.search = search;
        this.jsonLd = jsonLd;
    }

    @GetMapping(value = "/api/vacancies", produces = "application/json")
    @Operation(summary = "Search published postings: German full text, filters, radius, facets, cursor pages")
    SearchResult search(
            @Parameter(description = "Words (German stemming; ä = ae, ö = oe, ü = ue, ß = ss; \"phrase\", -word, or)",
                    schema = @Schema(maxLength = SearchParameters.MAX_TEXT)) @RequestParam(required = false) String q,
            @Parameter(description = "JOB, APPRENTICESHIP, DUAL_STUDY, INTERNSHIP, PROJECT_DAY, WORKING_STUDENT; repeat or comma-separate",
                    array = @ArraySchema(maxItems = SearchParameters.MAX_VALUES, schema = @Schema(allowableValues = {"JOB", "APPRENTICESHIP",
                    "DUAL_STUDY", "INTERNSHIP", "PROJECT_DAY", "WORKING_STUDENT"}))) @RequestParam(required = false) List<String> type,
            @Parameter(description = "KldB 2010 code or prefix, 2 to 5 digits", schema = @Schema(pattern = "[0-9]{2,5}", maxLength = 5)) @RequestParam(required = false) String kldb,
            @Parameter(description = "Postal code to measure distances from", schema = @Schema(pattern = "[0-9]{5}", maxLength = 5)) @RequestParam(required = false) String postalCode,
            @Parameter(description = "Radius in km around postalCode, 1 to 200", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + SearchParameters.MAX_RADIUS_KM)) @RequestParam(required = false) String radiusKm,
            @Parameter(description = "5-digit Kreisschlüssel; repeat or comma-separate", array = @ArraySchema(maxItems = SearchParameters.MAX_VALUES,
                    schema = @Schema(pattern = "[0-9]{5}", maxLength = 5))) @RequestParam(required = false) List<String> kreis,
            @Parameter(description = "Network id: postings of its active member companies", schema = @Schema(format = "uuid", maxLength = 36)) @RequestParam(required = false) String network,
            @Parameter(description = "Starting on or after this date (postings without start date always match)",
                    schema = @Schema(format = "date", maxLength = 16)) @RequestParam(required = false) String startFrom,
            @Parameter(description = "FULL_TIME, PART_TIME, MINI_JOB; repeat or comma-separate", array = @ArraySchema(maxItems = SearchParameters.MAX_VALUES,
                    schema = @Schema(allowableValues = {"FULL_TIME", "PART_TIME", "MINI_JOB"}))) @RequestParam(required = false) List<String> workingTime,
            @Parameter(description = "true: fixed-term only; false: permanent only", schema = @Schema(type = "boolean")) @RequestParam(required = false) String fixedTerm,
            @Parameter(description = "A1…C2: German required at most at this level (or none)",
                    schema = @Schema(allowableValues = {"A1", "A2", "B1", "B2", "C1", "C2"})) @RequestParam(required = false) String maxGermanLevel,
            @Parameter(description = "true: no temporary-work agencies", schema = @Schema(type = "boolean")) @RequestParam(required = false) String withoutTemporaryAgencies,
            @Parameter(description = "Published within the last N days, 1 to 365", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "365")) @RequestParam(required = false) String publishedWithinDays,
            @Parameter(description = "relevance (default with q), date (default without q), distance (needs postalCode)",
                    schema = @Schema(allowableValues = {"relevance", "date", "distance"}))
            @RequestParam(required = false) String sort,
            @Parameter(description = "Hits per page, 1 to 100 (default 20)", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + SearchParameters.MAX_SIZE)) @RequestParam(required = false) String size,
            @Parameter(description = "The previous page's next", schema = @Schema(maxLength = SearchCursor.MAX_LENGTH)) @RequestParam(required = false) String cursor,
            @Parameter(description = "true: counts per type, occupation group, Kreis and working time", schema = @Schema(type = "boolean")) @RequestParam(required = false) String facets) {
        SearchCriteria criteria = parameters.parse(new SearchParameters.Raw(q, type, kldb, postalCode, radiusKm, kreis, network,
                startFrom, workingTime, fixedTerm, maxGermanLevel, withoutTemporaryAgencies, publishedWithinDays, sort, size, facets));
        return search.search(criteria, cursor == null || cursor.isBlank() ? null : cursor.trim());
    }

    @GetMapping(value = "/api/vacancies/{id}", produces = LD_JSON)
    @Operation(summary = "A published posting as schema.org JobPosting (Google for Jobs), with Accept: application/ld+json")
    Map<String, Object> jobPosting(@PathVariable UUID id) {
        return jsonLd.of(id).orElseThrow(() -> ProblemException.notFound("Published posting " + id));
    }
}
