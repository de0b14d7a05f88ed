package de.augenhoehe.vacancy.referencedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link ReferenceData} from the tables the importers fill. */
@Component
class JdbcReferenceData implements ReferenceData {

    static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    static final Pattern OCCUPATION_KEY = Pattern.compile("[0-9]{1,5}");

    private final JdbcTemplate jdbc;
    private final ReferenceCache cache;

    JdbcReferenceData(JdbcTemplate jdbc, ReferenceCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public Optional<PostalCodeArea> postalCode(String code) {
        if (code == null || !POSTAL_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return cache.area(code, this::readArea);
    }

    private Optional<PostalCodeArea> readArea(String code) {
        List<Place> places = jdbc.query(
                "select place, kreis_code, kreis_name, latitude, longitude from postal_code where code = ? order by place",
                (rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)), code);
        if (places.isEmpty()) {
            return Optional.empty();
        }
        double lat = places.stream().mapToDouble(Place::latitude).average().orElseThrow();
        double lon = places.stream().mapToDouble(Place::longitude).average().orElseThrow();
        double cos = Math.cos(Math.toRadians(lat));
        Place central = places.getFirst();
        double best = Double.MAX_VALUE;
        for (Place p : places) { // ordered by place: the first of equally near places wins
            double dy = p.latitude() - lat;
            double dx = (p.longitude() - lon) * cos;
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                central = p;
            }
        }
        String kreis = central.kreisCode();
        return Optional.of(new PostalCodeArea(code, central.place(), kreis == null ? null : kreis.substring(0, 2), kreis,
                central.kreisName(), round(lat), round(lon), List.copyOf(places)));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    @Override
    public Optional<Occupation> occupation(String key) {
        if (key == null || !OCCUPATION_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return jdbc.query("select key, level, title, short_title from occupation where key = ?", JdbcReferenceData::occupation, key)
                .stream().findFirst();
    }

    @Override
    public Map<String, String> kreisNames(Collection<String> kreisCodes) {
        return subset(cache.kreisNames(), kreisCodes);
    }

    @Override
    public Map<String, String> occupationTitles(Collection<String> keys) {
        return subset(cache.occupationTitles(), keys);
    }

    private static Map<String, String> subset(Map<String, String> all, Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        for (String key : keys) {
            String value = key == null ? null : all.get(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public boolean isOccupationPrefix(String prefix) {
        if (prefix == null || !OCCUPATION_KEY.matcher(prefix).matches()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from occupation where key like ?)",
                Boolean.class, prefix + "%"));
    }

    @Override
    public List<Occupation> occupationsStartingWith(String prefix, Integer level, String after, int limit) {
        if (prefix == null || !OCCUPATION_KEY.matcher(prefix).matches()) {
            return List.of();
        }
        return jdbc.query("""
                select key, level, title, short_title from occupation
                where key like ? and (?::smallint is null or level = ?::smallint) and (?::text is null or key > ?::text)
                order by key limit ?""", JdbcReferenceData::occupation,
                prefix + "%", level, level, after, after, limit);
    }

    private static Occupation occupation(ResultSet rs, int n) throws SQLException {
        return new Occupation(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4));
    }
}
