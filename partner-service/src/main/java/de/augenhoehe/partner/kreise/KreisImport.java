package de.augenhoehe.partner.kreise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.referencedata.MalformedReferenceFile;

/**
 * Fills the Kreis and postal-code tables: the demo subsets shipped with the service (each only into an empty table),
 * and the real lists from the GeoNames postal-code file an operator points the service at. The import upserts the
 * Kreise and replaces the postal codes in one transaction, so running it again changes nothing and lookups never see
 * half a list; a malformed file is refused as a whole.
 */
@Service
class KreisImport {

    static final String GEONAMES_FILE = "zipcodes.de.csv";

    private final KreisTable table;

    KreisImport(KreisTable table) {
        this.table = table;
    }

    /** What an import wrote ({@code kreise}, {@code postalCodes} pairs) and what the tables hold now. */
    record Summary(String source, int kreise, long total, int postalCodes, long totalPostalCodes) {
    }

    /** The demo postal codes when there are none yet (after the demo Kreise); null when there were some already. */
    @Transactional
    Summary demoPostalCodesWhenEmpty() {
        if (table.postalCodes() > 0) {
            return null;
        }
        Map<String, Map<String, Integer>> codes = new TreeMap<>();
        for (String[] f : lines("kreise/demo-postal-codes.csv", 3)) {
            codes.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1], Integer.parseInt(f[2]));
        }
        int n = table.replacePostalCodes(codes, "DEMO");
        return new Summary("DEMO", 0, table.count(), n, table.postalCodes());
    }

    private static List<String[]> lines(String resource, int fields) {
        List<String[]> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split(";", fields);
                    for (int i = 0; i < f.length; i++) {
                        f[i] = f[i].strip();
                    }
                    out.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The demo subset when the table is empty; null when there was something already. */
    Summary demoWhenEmpty() {
        if (table.count() > 0) {
            return null;
        }
        Map<String, String> demo = new LinkedHashMap<>();
        for (String[] f : lines("kreise/demo-kreise.csv", 2)) {
            demo.put(f[0], f[1]);
        }
        int n = table.upsert(demo, "DEMO");
        return new Summary("DEMO", n, table.count(), 0, table.postalCodes());
    }

    /** Imports {@code zipcodes.de.csv} of {@code directory}: Kreise (upserted) and postal codes (replaced), in one transaction. */
    @Transactional
    Summary fromDirectory(Path directory) {
        Path file = directory.resolve(GEONAMES_FILE);
        if (!Files.isRegularFile(file)) {
            throw MalformedReferenceFile.TYPE.exception("no " + GEONAMES_FILE + " in the reference-data directory");
        }
        GeoNamesKreise.Reference read;
        try (InputStream in = Files.newInputStream(file)) {
            read = GeoNamesKreise.read(GEONAMES_FILE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read.kreise().isEmpty()) {
            throw MalformedReferenceFile.TYPE.exception(GEONAMES_FILE + " names no Kreis");
        }
        int n = table.upsert(read.kreise(), "GEONAMES");
        int codes = table.replacePostalCodes(read.postalCodes(), "GEONAMES");
        return new Summary("GEONAMES", n, table.count(), codes, table.postalCodes());
    }
}
