package de.augenhoehe.partner.kreise;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before anything else runs (demo data included): the demo subset into an empty Kreis table, so the
 * service validates offline; then, when {@code augenhoehe.reference-data.directory} holds the GeoNames file, the real
 * list (idempotent). A missing or broken file is logged and the service keeps what it has.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KreisStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KreisStartup.class);

    private final KreisImport importer;
    private final String directory;

    KreisStartup(KreisImport importer, @Value("${augenhoehe.reference-data.directory:}") String directory) {
        this.importer = importer;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        var demo = importer.demoWhenEmpty();
        if (demo != null) {
            log.info("Kreise: demo subset loaded ({} Kreise)", demo.kreise());
        }
        var postalCodes = importer.demoPostalCodesWhenEmpty();
        if (postalCodes != null) {
            log.info("Postal codes: demo subset loaded ({} postal codes)", postalCodes.totalPostalCodes());
        }
        if (!directory.isBlank() && Files.isRegularFile(Path.of(directory, KreisImport.GEONAMES_FILE))) {
            try {
                log.info("Kreise: imported {}", importer.fromDirectory(Path.of(directory)));
            } catch (RuntimeException e) {
                log.warn("Kreise: import from {} failed, keeping the current list: {}", directory, e.getMessage());
            }
        }
    }
}
