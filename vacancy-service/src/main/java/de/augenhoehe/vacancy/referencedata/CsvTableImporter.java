package de.augenhoehe.vacancy.referencedata;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.platform.referencedata.CsvRecords;
import de.augenhoehe.platform.referencedata.MalformedReferenceFile;

/**
 * The import of one CSV file into one table, in two steps. First the whole file is read and every record checked
 * (nothing is written yet): a malformed record stops the import with its line; duplicates and rows outside the
 * dataset are skipped with a reason. Then, in one transaction, the rows are copied (PostgreSQL COPY) into a temporary
 * table and upserted into the target: new keys are inserted, changed rows updated, equal rows left alone — importing
 * the same file twice changes nothing. Rows of the table that the file does not contain are kept. Imports of the same
 * dataset are serialised by a transaction-scoped advisory lock (several instances, start-up and operator at once).
 */
abstract class CsvTableImporter {

    private static final Logger log = LoggerFactory.getLogger(CsvTableImporter.class);

    /** A record that is not imported, with the reason counted in the summary. */
    static final class Skip extends RuntimeException {
        final String reason;
        final String detail;

        Skip(String reason, String detail) {
            super(reason, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }

    /** A record that makes the whole file unusable. */
    static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int progressEvery;

    CsvTableImporter(JdbcTemplate jdbc, TransactionTemplate tx, int progressEvery) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.progressEvery = progressEvery;
    }

    /** Name of the dataset, e.g. "postal codes". */
    abstract String dataset();

    abstract char separator();

    /** Checks the header and remembers where the columns are; throws {@link Malformed} if it is not this format. */
    abstract void readHeader(List<String> header);

    /** The values of one staging row, in staging column order; throws {@link Skip} or {@link Malformed}. */
    abstract String[] toRow(CsvRecords.Row row);

    /** The unique key of a staging row (duplicates in the file are skipped, the first occurrence wins). */
    abstract String keyOf(String[] row);

    /** Creates the temporary table {@code staging} (dropped at commit). */
    abstract String stagingDdl();

    /**
     * Upserts {@code staging} into the target and returns one row per inserted or changed row, with a boolean column
     * {@code inserted}.
     */
    abstract String upsertReturningInserted();

    /** Something about the imported rows worth a note in the summary (e.g. rows without a Kreis). */
    List<String> notes(Map<String, String[]> rows) {
        return List.of();
    }

    ImportSummary importFrom(Reader reader, String source) {
        long started = System.nanoTime();
        log.info("Importing {} from {}", dataset(), source);
        CsvRecords csv = new CsvRecords(reader, separator());
        Map<String, String[]> rows = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        Map<String, Integer> skippedReasons = new TreeMap<>();
        List<String> skippedExamples = new ArrayList<>();
        int read = 0;
        try {
            CsvRecords.Row header = csv.next();
            if (header == null) {
                throw new MalformedReferenceFile(source, 1, "the file is empty, a header line is expected");
            }
            try {
                readHeader(header.fields().stream().map(String::strip).toList());
            } catch (Malformed e) {
                throw new MalformedReferenceFile(source, header.line(), e.getMessage());
            }
            for (CsvRecords.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.isBlank()) {
                    continue;
                }
                read++;
                try {
                    String[] values = toRow(row);
                    String key = keyOf(values);
                    Integer earlier = firstLine.putIfAbsent(key, row.line());
                    if (earlier != null) {
                        throw new Skip("duplicate", "same key as line " + earlier);
                    }
                    rows.put(key, values);
                } catch (Skip s) {
                    skippedReasons.merge(s.reason, 1, Integer::sum);
                    if (skippedExamples.size() < ImportSummary.MAX_EXAMPLES) {
                        skippedExamples.add("line " + row.line() + ": " + s.reason + (s.detail == null ? "" : " (" + s.detail + ")"));
                    }
                } catch (Malformed m) {
                    throw new MalformedReferenceFile(source, row.line(), m.getMessage());
                }
                if (read % progressEvery == 0) {
                    log.info("{}: {} rows read from {}", dataset(), read, source);
                }
            }
        } catch (CsvRecords.MalformedCsvException e) {
            throw new MalformedReferenceFile(source, e.line(), e.getMessage());
        }
        log.info("{}: {} rows read from {}, {} to upsert", dataset(), read, source, rows.size());
        int[] written = tx.execute(status -> write(rows));
        int skipped = skippedReasons.values().stream().mapToInt(Integer::intValue).sum();
        ImportSummary summary = new ImportSummary(dataset(), source, read, written[0], written[1],
                rows.size() - written[0] - written[1], skipped, skippedReasons, skippedExamples, notes(rows),
                (System.nanoTime() - started) / 1_000_000);
        log.info("{}", summary);
        return summary;
    }

    private int[] write(Map<String, String[]> rows) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "augenhoehe.reference-data." + dataset());
        jdbc.execute(stagingDdl());
        long copied = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy staging from stdin (format csv)", new StringReader(toCsv(rows.values())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into staging failed", e);
            }
        });
        log.info("{}: {} rows copied to staging, upserting", dataset(), copied);
        return jdbc.queryForObject("with up as (" + upsertReturningInserted() + ") "
                + "select count(*) filter (where inserted), count(*) filter (where not inserted) from up",
                (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)});
    }

    /** CSV for COPY: every value quoted, null as an unquoted empty field. */
    private static String toCsv(Iterable<String[]> rows) {
        StringBuilder out = new StringBuilder(1 << 16);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (row[i] != null) {
                    out.append('"').append(row[i].replace("\"", "\"\"")).append('"');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The index of a header column by name; {@link Malformed} when it is missing. */
    static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new Malformed("the header lacks the column '" + name + "' (found " + header + ")");
        }
        return i;
    }

    static String field(CsvRecords.Row row, int index, int headerSize) {
        if (row.size() < index + 1 || row.size() > headerSize) {
            throw new Malformed("expected " + headerSize + " fields, found " + row.size());
        }
        return row.get(index).strip();
    }
}
