package de.augenhoehe.measures.places;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code POST /internal/reference-data/postal-codes/import} (operations role, as all of {@code /internal/**}):
 * imports {@code zipcodes.de.csv} from the configured directory {@code augenhoehe.reference-data.directory} — never
 * from a path a client sends.
 */
@RestController
@Tag(name = "reference data")
class PostalCodeImportController {

    static final String FILE = "zipcodes.de.csv";

    private final PostalCodeImporter importer;
    private final String directory;

    PostalCodeImportController(PostalCodeImporter importer, @Value("${augenhoehe.reference-data.directory:}") String directory) {
        this.importer = importer;
        this.directory = directory;
    }

    @PostMapping("/internal/reference-data/postal-codes/import")
    @Operation(summary = "Import the GeoNames postal codes (postal code → Kreis) from the configured directory")
    @ApiResponse(responseCode = "200", description = "Imported")
    @ApiResponse(responseCode = "409", description = "reference-data-missing: no " + FILE + " in the configured directory",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    PostalCodeImporter.Summary importPostalCodes() throws IOException {
        if (directory == null || directory.isBlank() || !Files.isRegularFile(Path.of(directory, FILE))) {
            throw ProblemException.conflict("reference-data-missing",
                    "No " + FILE + " in the configured directory (augenhoehe.reference-data.directory)");
        }
        try (InputStream in = Files.newInputStream(Path.of(directory, FILE))) {
            return importer.importFile(FILE, in);
        }
    }
}
