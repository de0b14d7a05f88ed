package de.augenhoehe.outreach.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import de.augenhoehe.platform.referencedata.ReferenceFile;

/**
 * Imports the GeoNames postal-code file (as converted to CSV: {@code country_code, zipcode, place, state, state_code,
 * province, province_code, community, community_code, latitude, longitude}; read by the platform's
 * {@link ReferenceFile}, columns by name) into {@code postal_code}, one row per code. The file is not part of the
 * repository: an operator points {@code augenhoehe.outreach.postal-codes.file} at the official download; without it
 * the demo subset of the migration is what the service knows. Re-importing updates.
 */
@Component
class PostalCodeImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PostalCodeImport.class);
    /** A few codes are bulk-recipient codes with rows named after companies; the place row is preferred. */
    private static final Pattern COMPANY = Pattern.compile("(?i).*\\b(gmbh|ag|kg|se|mbh|e\\.v\\.|bank|versicherung|insurance|services?)\\b.*");
    private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");
    private static final List<String> COLUMNS = List.of("zipcode", "place", "community_code", "latitude", "longitude");

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
        Map<String, Row> byCode;
        try (InputStream in = Files.newInputStream(path)) {
            byCode = rows(path.toString(), in);
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

    /**
     * One row per code: records without a 5-digit code or without a position are skipped, the Kreis is optional, and
     * a place row wins over a bulk recipient's company row of the same code.
     */
    static Map<String, Row> rows(String source, InputStream in) {
        Map<String, Row> byCode = new LinkedHashMap<>();
        ReferenceFile.read(source, in, ',', COLUMNS, record -> {
            String code = record.get("zipcode");
            String latitude = record.get("latitude");
            String longitude = record.get("longitude");
            if (!FIVE_DIGITS.matcher(code).matches() || latitude.isEmpty() || longitude.isEmpty()) {
                return;
            }
            String kreis = record.get("community_code");
            Row row;
            try {
                row = new Row(code, record.get("place"), FIVE_DIGITS.matcher(kreis).matches() ? kreis : null,
                        Double.parseDouble(latitude), Double.parseDouble(longitude));
            } catch (NumberFormatException e) {
                throw record.malformed("latitude and longitude must be numbers");
            }
            Row known = byCode.get(code);
            if (known == null || (COMPANY.matcher(known.place()).matches() && !COMPANY.matcher(row.place()).matches())) {
                byCode.put(code, row);
            }
        });
        return byCode;
    }
}
