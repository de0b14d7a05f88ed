package de.augenhoehe.vacancy.referencedata;

import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.ProblemException;

/**
 * Public reads of the reference data (under {@code /api/vacancies/**}, public for GET) and the operator's import
 * ({@code /internal/**}: operations role), which reads the files of the configured directory only.
 */
@RestController
@Tag(name = "reference-data")
class ReferenceDataController {

    static final int MAX_LIMIT = 200;

    /** A page of occupations; {@code next} is the {@code after} of the next page, null on the last. */
    record OccupationPage(List<ReferenceData.Occupation> items, String next) {
    }

    private final ReferenceData referenceData;
    private final ReferenceDataImport importer;
    private final String directory;

    ReferenceDataController(ReferenceData referenceData, ReferenceDataImport importer,
            @Value("${augenhoehe.reference-data.directory:}") String directory) {
        this.referenceData = referenceData;
        this.importer = importer;
        this.directory = directory;
    }

    @GetMapping("/api/vacancies/reference/postal-codes/{code}")
    @Operation(summary = "A postal code: place, Kreis, Land and centre coordinates (GeoNames, CC BY 4.0)")
    ReferenceData.PostalCodeArea postalCode(@Parameter(schema = @Schema(pattern = "[0-9]{5}", maxLength = 5)) @PathVariable String code) {
        if (!JdbcReferenceData.POSTAL_CODE.matcher(code).matches()) {
            throw ProblemException.invalidParameter("A postal code has five digits, not '" + abbreviate(code) + "'");
        }
        return referenceData.postalCode(code).orElseThrow(() -> ProblemException.notFound("Postal code " + code));
    }

    @GetMapping("/api/vacancies/reference/occupations/{key}")
    @Operation(summary = "A KldB 2010 (V. 2020) position by its key of 1–5 digits (© Bundesagentur für Arbeit)")
    ReferenceData.Occupation occupation(@Parameter(schema = @Schema(pattern = "[0-9]{1,5}", maxLength = 5)) @PathVariable String key) {
        if (!JdbcReferenceData.OCCUPATION_KEY.matcher(key).matches()) {
            throw ProblemException.invalidParameter("A KldB key has 1 to 5 digits, not '" + abbreviate(key) + "'");
        }
        return referenceData.occupation(key).orElseThrow(() -> ProblemException.notFound("KldB position " + key));
    }

    @GetMapping("/api/vacancies/reference/occupations")
    @Operation(summary = "KldB positions whose key starts with a prefix, by key; page on with after=next")
    OccupationPage occupations(@Parameter(schema = @Schema(pattern = "[0-9]{1,5}", maxLength = 5)) @RequestParam String prefix,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "5")) @RequestParam(required = false) Integer level,
            @Parameter(schema = @Schema(pattern = "[0-9]{1,5}", maxLength = 5)) @RequestParam(required = false) String after,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_LIMIT)) @RequestParam(defaultValue = "50") int limit) {
        if (!JdbcReferenceData.OCCUPATION_KEY.matcher(prefix).matches()) {
            throw ProblemException.invalidParameter("prefix has 1 to 5 digits, not '" + abbreviate(prefix) + "'");
        }
        if (level != null && (level < 1 || level > 5)) {
            throw ProblemException.invalidParameter("level is 1 to 5");
        }
        if (after != null && !JdbcReferenceData.OCCUPATION_KEY.matcher(after).matches()) {
            throw ProblemException.invalidParameter("after is a KldB key of 1 to 5 digits");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidParameter("limit is 1 to " + MAX_LIMIT);
        }
        List<ReferenceData.Occupation> page = referenceData.occupationsStartingWith(prefix, level, after, limit + 1);
        boolean more = page.size() > limit;
        List<ReferenceData.Occupation> items = more ? page.subList(0, limit) : page;
        return new OccupationPage(items, more ? items.getLast().key() : null);
    }

    @PostMapping("/internal/reference-data/import")
    @Operation(summary = "Imports zipcodes.de.csv and kldb2010.csv from the configured directory (operations)")
    @ApiResponse(responseCode = "200", description = "Imported, per file")
    @ApiResponse(responseCode = "409", description = "reference-data-directory-not-configured, reference-data-files-missing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    List<ImportSummary> importFiles() {
        if (directory.isBlank()) {
            throw ProblemException.conflict("reference-data-directory-not-configured",
                    "No import directory is configured (augenhoehe.reference-data.directory)");
        }
        try {
            return importer.importDirectory(Path.of(directory));
        } catch (IllegalArgumentException e) {
            throw ProblemException.conflict("reference-data-files-missing",
                    "The configured import directory holds neither " + ReferenceDataImport.POSTAL_CODES_FILE + " nor "
                            + ReferenceDataImport.OCCUPATIONS_FILE);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
