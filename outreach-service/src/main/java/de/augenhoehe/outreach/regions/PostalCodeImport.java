package de.augenhoehe.outreach.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the GeoNames postal-code file (as converted to CSV: {@code country_code, zipcode, place, state, state_code,
 * province, province_code, community, community_code, latitude, longitude}) into {@code postal_code}, one row per
 * code. The file is not part of the repository: an operator points {@code augenhoehe.outreach.postal-codes.file} at
 * the official download; without it the demo subset of the migration is what the service knows. Re-importing updates.
 */
@Component
class PostalCodeImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PostalCodeImport.class);
    /** A few codes are bulk-recipient codes with rows named after companies; the place row is preferred. */
    private static final Pattern COMPANY = Pattern.compile("(?i).*\\b(gmbh|ag|kg|se|mbh|e\\.v\\.|bank|versicherung|insurance|services?)\\b.*");

    private final JdbcTemplate jdbc;
    private final String file;

    PostalCodeImport(JdbcTemplate jdbc, @Value("${augenhoehe.outreach.postal-codes.file:}") String file) {
        this.jdbc = jdbc;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!file.isBlank()) {
            int n = importFile(Path.of(file));
            log.info("Imported {} postal codes from {}", n, file);
        }
    }

    record Row(String code, String place, String kreis, double latitude, double longitude) {
    }

    @Transactional
    int importFile(Path path) {
        Map<String, Row> byCode = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.replace("\uFEFF", "").startsWith("country_code,zipcode,place")) {
                throw new IllegalArgumentException("not a GeoNames postal-code CSV: " + path);
            }
            for (String line; (line = in.readLine()) != null; ) {
                List<String> f = split(line);
                if (f.size() < 11 || !f.get(1).matches("[0-9]{5}")) {
                    continue;
                }
                String kreis = f.get(8).matches("[0-9]{5}") ? f.get(8) : null;
                Row row = new Row(f.get(1), f.get(2), kreis, Double.parseDouble(f.get(9)), Double.parseDouble(f.get(10)));
                Row known = byCode.get(row.code());
                if (known == null || (COMPANY.matcher(known.place()).matches() && !COMPANY.matcher(row.place()).matches())) {
                    byCode.put(row.code(), row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Object[]> batch = byCode.values().stream()
                .map(r -> new Object[] {r.code(), r.place(), r.kreis(), r.latitude(), r.longitude()}).toList();
        jdbc.batchUpdate("""
                insert into postal_code (code, place, kreis, latitude, longitude) values (?, ?, ?, ?, ?)
                on conflict (code) do update set place = excluded.place, kreis = excluded.kreis,
                    latitude = excluded.latitude, longitude = excluded.longitude""", batch);
        return batch.size();
    }

    /** One CSV line: comma separated, fields may be quoted (with "" for a quote). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
