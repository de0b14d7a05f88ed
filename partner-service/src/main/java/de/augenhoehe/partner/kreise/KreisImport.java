package de.augenhoehe.partner.kreise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Fills the Kreis table: the hand-written demo subset shipped with the service (only into an empty table), and the
 * real list from the GeoNames postal-code file an operator points the service at. The import upserts, so running it
 * again changes nothing; a malformed file is refused as a whole.
 */
@Service
class KreisImport {

    static final String GEONAMES_FILE = "zipcodes.de.csv";

    private final KreisTable table;

    KreisImport(KreisTable table) {
        this.table = table;
    }

    record Summary(String source, int kreise, long total) {
    }

    /** The demo subset when the table is empty; null when there was something already. */
    Summary demoWhenEmpty() {
        if (table.count() > 0) {
            return null;
        }
        Map<String, String> demo = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource("kreise/demo-kreise.csv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", 2);
                demo.put(f[0].strip(), f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = table.upsert(demo, "DEMO");
        return new Summary("DEMO", n, table.count());
    }

    /** Imports {@code zipcodes.de.csv} of {@code directory}. */
    Summary fromDirectory(Path directory) {
        Path file = directory.resolve(GEONAMES_FILE);
        if (!Files.isRegularFile(file)) {
            throw new GeoNamesKreise.MalformedFile("no " + GEONAMES_FILE + " in the reference-data directory");
        }
        Map<String, String> kreise;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            kreise = GeoNamesKreise.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kreise.isEmpty()) {
            throw new GeoNamesKreise.MalformedFile(GEONAMES_FILE + " names no Kreis");
        }
        int n = table.upsert(kreise, "GEONAMES");
        return new Summary("GEONAMES", n, table.count());
    }
}
