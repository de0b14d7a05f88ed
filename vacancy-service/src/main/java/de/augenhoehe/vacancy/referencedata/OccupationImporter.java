package de.augenhoehe.vacancy.referencedata;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.platform.referencedata.CsvRecords;

/**
 * The KldB 2010 V. 2020 as exported by the Bundesagentur für Arbeit ({@code kldb2010.csv}): semicolon separated,
 * UTF-8 with byte-order mark, header line {@code Schlüssel KldB 2010, V. 2020; Ebene; Titel; Kurztitel; …notes}.
 * Leading zeros of the key are stripped in the file; the key is padded to its level's number of digits. The notes
 * columns are not imported.
 */
final class OccupationImporter extends CsvTableImporter {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    private int key;
    private int level;
    private int title;
    private int shortTitle;
    private int size;

    OccupationImporter(JdbcTemplate jdbc, TransactionTemplate tx, int progressEvery) {
        super(jdbc, tx, progressEvery);
    }

    @Override
    String dataset() {
        return "occupations";
    }

    @Override
    char separator() {
        return ';';
    }

    @Override
    void readHeader(List<String> header) {
        key = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith("Schlüssel KldB 2010")) {
                key = i;
            }
        }
        if (key < 0) {
            throw new Malformed("the header lacks the column 'Schlüssel KldB 2010, V. 2020' (found " + header + ")");
        }
        level = column(header, "Ebene");
        title = column(header, "Titel");
        shortTitle = column(header, "Kurztitel");
        size = header.size();
    }

    @Override
    String[] toRow(CsvRecords.Row row) {
        String k = field(row, key, size);
        String e = field(row, level, size);
        String t = field(row, title, size);
        String s = field(row, shortTitle, size);
        if (!e.matches("[1-5]")) {
            throw new Malformed("Ebene '" + e + "' is not a level 1–5");
        }
        int digits = Integer.parseInt(e);
        if (!DIGITS.matcher(k).matches() || k.length() > digits) {
            throw new Malformed("key '" + k + "' is not a KldB key of level " + digits);
        }
        if (t.isEmpty()) {
            throw new Malformed("Titel is empty");
        }
        return new String[] {"0".repeat(digits - k.length()) + k, e, t, s.isEmpty() ? null : s};
    }

    @Override
    String keyOf(String[] row) {
        return row[0];
    }

    @Override
    String stagingDdl() {
        return "create temp table staging (key text, level smallint, title text, short_title text) on commit drop";
    }

    @Override
    String upsertReturningInserted() {
        return """
                insert into occupation as o (key, level, title, short_title)
                select key, level, title, short_title from staging
                on conflict (key) do update set level = excluded.level, title = excluded.title, short_title = excluded.short_title
                where (o.level, o.title, o.short_title) is distinct from (excluded.level, excluded.title, excluded.short_title)
                returning (xmax = 0) as inserted""";
    }
}
