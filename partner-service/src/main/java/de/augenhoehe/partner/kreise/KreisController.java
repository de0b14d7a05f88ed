package de.augenhoehe.partner.kreise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code GET /api/kreise}: the Kreise by Kreisschlüssel with their names, public reference data (what pages show
 * instead of a key). {@code POST /internal/kreise/import} (operations role, like every {@code /internal/**} path):
 * imports the Kreise from the GeoNames file in the configured reference-data directory — the directory only, never a
 * path from the request.
 */
@RestController
@Validated
@Tag(name = "kreise")
class KreisController {

    private final KreisImport importer;
    private final KreisTable table;
    private final String directory;

    KreisController(KreisImport importer, KreisTable table, @Value("${augenhoehe.reference-data.directory:}") String directory) {
        this.importer = importer;
        this.table = table;
        this.directory = directory;
    }

    /** A Kreis as the list answers it. */
    record Kreis(@Schema(example = "08125") String schluessel, @Schema(example = "Landkreis Heilbronn") String name) {
    }

    @GetMapping("/api/kreise")
    @Operation(summary = "Every Kreis with its name, by Kreisschlüssel, or those of one Land (public; changes only with an import, so caches may keep it an hour)")
    ResponseEntity<List<Kreis>> kreise(@Parameter(description = "the Land's two digits (01–16), e.g. 08 for Baden-Württemberg; default: all")
            @RequestParam(required = false) @BoundedPattern(regexp = "0[1-9]|1[0-6]", max = 2) String land) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(table.names(land));
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

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicKreise() {
            return PublicEndpoints.readOnly("/api/kreise");
        }
    }
}
