package de.augenhoehe.platform.referencedata;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader of the platform's reference files (the GeoNames postal codes, KldB 2010 — see {@code shared/data}):
 * CSV with a header line, columns found by name, strict UTF-8. Every service imports into its own tables; how a record
 * becomes a row is the service's, how the file is read is this. A malformed file stops with
 * {@link MalformedReferenceFile} naming the line, before the caller wrote anything if it collects first.
 */
public final class ReferenceFile {

    /** What a service does with one record: take it, or skip it by returning normally. */
    @FunctionalInterface
    public interface RecordHandler {
        void accept(Record record);
    }

    /** One record of the file: its fields by column name, and the line it starts on (1-based). */
    public static final class Record {
        private final String source;
        private final Map<String, Integer> columns;
        private final CsvRecords.Row row;
        private final int width;

        Record(String source, Map<String, Integer> columns, CsvRecords.Row row, int width) {
            this.source = source;
            this.columns = columns;
            this.row = row;
            this.width = width;
        }

        public int line() {
            return row.line();
        }

        /** Whether the record has a field for every column of the header (a shorter one is often cut off). */
        public boolean complete() {
            return row.size() == width;
        }

        /** Whether the header names the column: for an optional one, which a file may lack. */
        public boolean has(String column) {
            return columns.containsKey(column);
        }

        /** The stripped value of a column the header named (required columns are checked up front). */
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw malformed("the header lacks the column '" + column + "'");
            }
            return i < row.size() ? row.get(i).strip() : "";
        }

        /** The file is unusable at this record: stop the whole import. */
        public MalformedReferenceFile malformed(String reason) {
            return new MalformedReferenceFile(source, line(), reason);
        }
    }

    private ReferenceFile() {
    }

    /** Reads UTF-8 bytes strictly (a file in another encoding is refused, never guessed). */
    public static int read(String source, InputStream in, char separator, List<String> required, RecordHandler handler) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return read(source, new InputStreamReader(in, decoder), separator, required, handler);
    }

    /**
     * Reads every record; blank lines are passed over, a record with more fields than the header or an unclosed quote
     * is malformed. Returns the number of records handed over.
     */
    public static int read(String source, Reader in, char separator, List<String> required, RecordHandler handler) {
        CsvRecords csv = new CsvRecords(in, separator);
        try {
            CsvRecords.Row header = csv.next();
            if (header == null) {
                throw new MalformedReferenceFile(source, 1, "the file is empty, a header line is expected");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip(), i);
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new MalformedReferenceFile(source, header.line(),
                            "the header lacks the column '" + column + "' (found " + header.fields() + ")");
                }
            }
            int records = 0;
            for (CsvRecords.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.isBlank()) {
                    continue;
                }
                if (row.size() > header.size()) {
                    throw new MalformedReferenceFile(source, row.line(), "expected " + header.size() + " fields, found " + row.size());
                }
                handler.accept(new Record(source, columns, row, header.size()));
                records++;
            }
            return records;
        } catch (CsvRecords.MalformedCsvException e) {
            throw new MalformedReferenceFile(source, e.line(), e.getMessage());
        }
    }
}
