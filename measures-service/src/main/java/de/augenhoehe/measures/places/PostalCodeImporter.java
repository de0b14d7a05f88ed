package de.augenhoehe.measures.places;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.referencedata.MalformedReferenceFile;
import de.augenhoehe.platform.referencedata.ReferenceFile;

/**
 * Imports the GeoNames postal-code file ({@code zipcodes.de.csv}: comma separated, UTF-8, header line, RFC 4180
 * quotes; columns found by name: {@code zipcode}, {@code community_code} = Kreis) into {@code postal_code_kreis}.
 * The file is read by the platform's {@link ReferenceFile}; records without a Kreis are skipped and counted. The whole
 * file is read and checked first; a malformed record refuses the import (422 with its line) and changes nothing. Rows
 * are counted per (postal code, Kreis) — a code repeated for several places of one Kreis counts each, which decides a
 * code that spans Kreise. The table is replaced in one transaction, so lookups never see half.
 */
@Component
class PostalCodeImporter {

    /** {@code withoutKreis}: records with an empty Kreis (e.g. Jungholz, an Austrian enclave with a German code), skipped. */
    record Summary(String source, int records, int postalCodes, int pairs, int withoutKreis) {
    }

    private static final String ZIPCODE = "zipcode";
    private static final String KREIS = "community_code";
    private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

    private final JdbcTemplate jdbc;

    PostalCodeImporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    Summary importFile(String source, InputStream in) {
        Map<String, Integer> pairs = new TreeMap<>();
        int[] withoutKreis = {0};
        // read and check the whole file before anything is written: a malformed record stops here, the table unchanged
        ReferenceFile.read(source, in, ',', List.of(ZIPCODE, KREIS), record -> {
            if (!record.complete()) {
                throw record.malformed("the record has fewer fields than the header");
            }
            String code = record.get(ZIPCODE);
            String kreis = record.get(KREIS);
            if (kreis.isEmpty()) {
                withoutKreis[0]++;
                return;
            }
            if (!FIVE_DIGITS.matcher(code).matches() || !FIVE_DIGITS.matcher(kreis).matches()) {
                throw record.malformed("postal code and Kreis must be 5 digits");
            }
            pairs.merge(code + kreis, 1, Integer::sum);
        });
        int records = pairs.values().stream().mapToInt(Integer::intValue).sum();
        if (records == 0) {
            throw new MalformedReferenceFile(source, 1, "the file holds no postal codes");
        }
        jdbc.update("delete from postal_code_kreis");
        List<Object[]> rows = new ArrayList<>();
        pairs.forEach((key, count) -> rows.add(new Object[] {key.substring(0, 5), key.substring(5), count}));
        jdbc.batchUpdate("insert into postal_code_kreis (postal_code, kreis, places) values (?, ?, ?)", rows);
        long codes = pairs.keySet().stream().map(k -> k.substring(0, 5)).distinct().count();
        return new Summary(source, records, (int) codes, pairs.size(), withoutKreis[0]);
    }
}
