package de.augenhoehe.vacancy.referencedata;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.platform.referencedata.CsvRecords;

/**
 * GeoNames postal codes in the zauberware CSV format ({@code zipcodes.de.csv}): comma separated, header line, columns
 * {@code country_code, zipcode, place, state, state_code, province, province_code, community, community_code,
 * latitude, longitude}. One row per (code, place). The Kreis is {@code community_code}, the Land its first two digits
 * ({@code state_code} mixes letters and digits and is not used). Rows of other countries are skipped; a row without a
 * Kreis (87491 Jungholz, a German postal code in Austria) is kept without Kreis and noted.
 */
final class PostalCodeImporter extends CsvTableImporter {

    private static final Pattern CODE = Pattern.compile("[0-9]{5}");

    private int country;
    private int zipcode;
    private int place;
    private int kreisName;
    private int kreisCode;
    private int latitude;
    private int longitude;
    private int size;

    PostalCodeImporter(JdbcTemplate jdbc, TransactionTemplate tx, int progressEvery) {
        super(jdbc, tx, progressEvery);
    }

    @Override
    String dataset() {
        return "postal codes";
    }

    @Override
    char separator() {
        return ',';
    }

    @Override
    void readHeader(List<String> header) {
        country = column(header, "country_code");
        zipcode = column(header, "zipcode");
        place = column(header, "place");
        kreisName = column(header, "community");
        kreisCode = column(header, "community_code");
        latitude = column(header, "latitude");
        longitude = column(header, "longitude");
        size = header.size();
    }

    @Override
    String[] toRow(CsvRecords.Row row) {
        String countryCode = field(row, country, size);
        if (!"DE".equals(countryCode)) {
            throw new Skip("not a German postal code", "country_code '" + countryCode + "'");
        }
        String code = field(row, zipcode, size);
        String placeName = field(row, place, size);
        String kreis = field(row, kreisCode, size);
        String name = field(row, kreisName, size);
        String lat = coordinate(field(row, latitude, size), "latitude", 90);
        String lon = coordinate(field(row, longitude, size), "longitude", 180);
        if (!CODE.matcher(code).matches()) {
            throw new Malformed("zipcode '" + code + "' is not five digits");
        }
        if (placeName.isEmpty()) {
            throw new Malformed("place is empty");
        }
        if (!kreis.isEmpty() && !CODE.matcher(kreis).matches()) {
            throw new Malformed("community_code '" + kreis + "' is not a five-digit Kreis key");
        }
        boolean noKreis = kreis.isEmpty();
        return new String[] {code, placeName, noKreis ? null : kreis.substring(0, 2), noKreis ? null : kreis,
                noKreis || name.isEmpty() ? null : name, lat, lon};
    }

    private static String coordinate(String value, String what, double limit) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isNaN(d) || Math.abs(d) > limit) {
                throw new Malformed(what + " '" + value + "' is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Malformed(what + " '" + value + "' is not a number");
        }
    }

    @Override
    String keyOf(String[] row) {
        return row[0] + "|" + row[1];
    }

    @Override
    String stagingDdl() {
        return """
                create temp table staging (code text, place text, land_code text, kreis_code text, kreis_name text,
                    latitude double precision, longitude double precision) on commit drop""";
    }

    @Override
    String upsertReturningInserted() {
        return """
                insert into postal_code as p (code, place, land_code, kreis_code, kreis_name, latitude, longitude)
                select code, place, land_code, kreis_code, kreis_name, latitude, longitude from staging
                on conflict (code, place) do update set land_code = excluded.land_code, kreis_code = excluded.kreis_code,
                    kreis_name = excluded.kreis_name, latitude = excluded.latitude, longitude = excluded.longitude
                where (p.land_code, p.kreis_code, p.kreis_name, p.latitude, p.longitude)
                    is distinct from (excluded.land_code, excluded.kreis_code, excluded.kreis_name, excluded.latitude, excluded.longitude)
                returning (xmax = 0) as inserted""";
    }

    @Override
    List<String> notes(Map<String, String[]> rows) {
        List<String> withoutKreis = rows.values().stream().filter(r -> r[3] == null).map(r -> r[0] + " " + r[1]).toList();
        return withoutKreis.isEmpty() ? List.of()
                : List.of(withoutKreis.size() + " row(s) without Kreis, kept without Kreis: "
                        + String.join(", ", withoutKreis.subList(0, Math.min(5, withoutKreis.size()))));
    }
}
