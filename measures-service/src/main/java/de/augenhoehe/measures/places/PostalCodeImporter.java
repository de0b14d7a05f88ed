package de.augenhoehe.measures.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.referencedata.MalformedReferenceFile;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * Imports the GeoNames postal-code file ({@code zipcodes.de.csv}: comma separated, UTF-8, header line, RFC 4180
 * quotes; columns found by name: {@code zipcode}, {@code community_code} = Kreis) into {@code postal_code_kreis}.
 * Records without a Kreis are skipped and counted. The whole file is read and checked first; a malformed record refuses the import (422 with its line) and changes
 * nothing. Rows are counted per (postal code, Kreis) — a code repeated for several places of one Kreis counts each,
 * which decides a code that spans Kreise. The table is replaced in one transaction, so lookups never see half.
 */
@Component
class PostalCodeImporter {

    /** {@code withoutKreis}: records with an empty Kreis (e.g. Jungholz, an Austrian enclave with a German code), skipped. */
    record Summary(String source, int records, int postalCodes, int pairs, int withoutKreis) {
    }

    private final JdbcTemplate jdbc;

    PostalCodeImporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    Summary importFile(String source, InputStream in) throws IOException {
        Map<String, Integer> pairs = new TreeMap<>();
        int records = 0;
        int withoutKreis = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String header = reader.readLine();
            if (header == null) {
                throw malformed(source, 1, "the file is empty");
            }
            List<String> columns = fields(header.replace("\uFEFF", ""), source, 1);
            int zip = columns.indexOf("zipcode");
            int kreis = columns.indexOf("community_code");
            if (zip < 0 || kreis < 0) {
                throw malformed(source, 1, "the header lacks zipcode or community_code");
            }
            String line;
            int n = 1;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line, source, n);
                if (f.size() != columns.size()) {
                    throw malformed(source, n, "expected " + columns.size() + " fields, found " + f.size());
                }
                String code = f.get(zip).strip();
                String k = f.get(kreis).strip();
                if (k.isEmpty()) {
                    withoutKreis++;
                    continue;
                }
                if (!code.matches("[0-9]{5}") || !k.matches("[0-9]{5}")) {
                    throw malformed(source, n, "postal code and Kreis must be 5 digits");
                }
                pairs.merge(code + k, 1, Integer::sum);
                records++;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw malformed(source, 0, "the file is not UTF-8");
        }
        if (records == 0) {
            throw malformed(source, 1, "the file holds no postal codes");
        }
        jdbc.update("delete from postal_code_kreis");
        List<Object[]> rows = new ArrayList<>();
        pairs.forEach((key, count) -> rows.add(new Object[] {key.substring(0, 5), key.substring(5), count}));
        jdbc.batchUpdate("insert into postal_code_kreis (postal_code, kreis, places) values (?, ?, ?)", rows);
        long codes = pairs.keySet().stream().map(k -> k.substring(0, 5)).distinct().count();
        return new Summary(source, records, (int) codes, pairs.size(), withoutKreis);
    }

    /** One record, RFC 4180: fields in quotes may hold commas and doubled quotes. */
    static List<String> fields(String line, String source, int n) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw malformed(source, n, "unclosed quote");
        }
        out.add(cur.toString());
        return out;
    }

    static ProblemException malformed(String source, int line, String why) {
        return new MalformedReferenceFile(source, line, why);
    }
}
