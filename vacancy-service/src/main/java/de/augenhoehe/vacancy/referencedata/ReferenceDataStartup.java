package de.augenhoehe.vacancy.referencedata;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the service reports ready: with {@code augenhoehe.reference-data.import=DIR} the command-line
 * import — import the files of DIR, print the summaries, exit (0 on success, 1 on failure); otherwise the demo subset
 * into each reference table that is empty (off with {@code augenhoehe.reference-data.demo-when-empty=false}), so that
 * the service works offline with no import.
 */
@Component
class ReferenceDataStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataStartup.class);

    private final ReferenceDataImport importer;
    private final ConfigurableApplicationContext context;
    private final String importDirectory;
    private final boolean demoWhenEmpty;

    ReferenceDataStartup(ReferenceDataImport importer, ConfigurableApplicationContext context,
            @Value("${augenhoehe.reference-data.import:}") String importDirectory,
            @Value("${augenhoehe.reference-data.demo-when-empty:true}") boolean demoWhenEmpty) {
        this.importer = importer;
        this.context = context;
        this.importDirectory = importDirectory;
        this.demoWhenEmpty = demoWhenEmpty;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!importDirectory.isBlank()) {
            int status = 0;
            try {
                importer.importDirectory(Path.of(importDirectory)).forEach(s -> System.out.println(s));
            } catch (RuntimeException e) {
                log.error("Reference-data import from {} failed: {}", importDirectory, e.getMessage());
                System.err.println("Reference-data import failed: " + e.getMessage());
                status = 1;
            }
            int exit = status;
            System.exit(SpringApplication.exit(context, () -> exit));
        }
        if (demoWhenEmpty) {
            importer.importDemoWhereEmpty().forEach(s -> log.info("Demo reference data loaded: {}", s));
        }
    }
}
