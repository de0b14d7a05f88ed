package de.augenhoehe.partner.kreise;

import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code POST /internal/kreise/import} (operations role, like every {@code /internal/**} path): imports the Kreise from
 * the GeoNames file in the configured reference-data directory — the directory only, never a path from the request.
 */
@RestController
@Tag(name = "kreise")
class KreisController {

    private final KreisImport importer;
    private final String directory;

    KreisController(KreisImport importer, @Value("${augenhoehe.reference-data.directory:}") String directory) {
        this.importer = importer;
        this.directory = directory;
    }

    @PostMapping("/internal/kreise/import")
    @Operation(summary = "Import the Kreise from zipcodes.de.csv (GeoNames, CC BY 4.0) in augenhoehe.reference-data.directory (operations)")
    KreisImport.Summary importKreise() {
        if (directory.isBlank()) {
            throw ProblemException.conflict("no-reference-data",
                    "augenhoehe.reference-data.directory is not configured");
        }
        return importer.fromDirectory(Path.of(directory));
    }
}
