package de.augenhoehe.vacancy.referencedata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the importers: on the official files in a directory ({@value #POSTAL_CODES_FILE}, {@value #OCCUPATIONS_FILE};
 * each file in its own transaction), or on the demo subset on the class path.
 */
@Service
public class ReferenceDataImport {

    static final String POSTAL_CODES_FILE = "zipcodes.de.csv";
    static final String OCCUPATIONS_FILE = "kldb2010.csv";
    static final String DEMO_POSTAL_CODES = "reference-data/demo-postal-codes.csv";
    static final String DEMO_OCCUPATIONS = "reference-data/demo-kldb.csv";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int progressEvery;
    private final ReferenceCache cache;

    ReferenceDataImport(JdbcTemplate jdbc, TransactionTemplate tx,
            @Value("${augenhoehe.reference-data.progress-every:5000}") int progressEvery, ReferenceCache cache) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.progressEvery = progressEvery;
        this.cache = cache;
    }

    /** An import commits before it returns: the reference data in memory is then out of date. */
    private ImportSummary forgettingCache(ImportSummary summary) {
        cache.forget();
        return summary;
    }

    /** Imports the files of {@code directory} that exist; at least one must. */
    public List<ImportSummary> importDirectory(Path directory) {
        Path postal = directory.resolve(POSTAL_CODES_FILE);
        Path occupations = directory.resolve(OCCUPATIONS_FILE);
        if (!Files.isRegularFile(postal) && !Files.isRegularFile(occupations)) {
            throw new IllegalArgumentException("Neither " + POSTAL_CODES_FILE + " nor " + OCCUPATIONS_FILE + " in " + directory.toAbsolutePath());
        }
        List<ImportSummary> result = new ArrayList<>();
        if (Files.isRegularFile(postal)) {
            result.add(importPostalCodes(postal));
        }
        if (Files.isRegularFile(occupations)) {
            result.add(importOccupations(occupations));
        }
        return result;
    }

    public ImportSummary importPostalCodes(Path file) {
        try (Reader r = reader(Files.newInputStream(file))) {
            return forgettingCache(postalCodes().importFrom(r, file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportSummary importOccupations(Path file) {
        try (Reader r = reader(Files.newInputStream(file))) {
            return forgettingCache(occupations().importFrom(r, file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo subset of each table that is empty; returns what was imported. */
    public List<ImportSummary> importDemoWhereEmpty() {
        List<ImportSummary> result = new ArrayList<>();
        if (isEmpty("postal_code")) {
            result.add(fromClasspath(DEMO_POSTAL_CODES, postalCodes()));
        }
        if (isEmpty("occupation")) {
            result.add(fromClasspath(DEMO_OCCUPATIONS, occupations()));
        }
        return result;
    }

    private boolean isEmpty(String table) {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table + ")", Boolean.class));
    }

    private ImportSummary fromClasspath(String resource, CsvTableImporter importer) {
        try (Reader r = reader(new ClassPathResource(resource).getInputStream())) {
            return forgettingCache(importer.importFrom(r, "classpath:" + resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PostalCodeImporter postalCodes() {
        return new PostalCodeImporter(jdbc, tx, progressEvery);
    }

    private OccupationImporter occupations() {
        return new OccupationImporter(jdbc, tx, progressEvery);
    }

    /** Strict UTF-8: a file in another encoding fails instead of importing garbled names. */
    private static Reader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }
}
