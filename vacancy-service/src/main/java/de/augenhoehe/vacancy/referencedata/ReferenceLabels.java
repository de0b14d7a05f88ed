package de.augenhoehe.vacancy.referencedata;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names of every Kreis and the titles of every KldB key, held in memory: every search with facets labels up to a
 * few dozen of each, and reading them per search cost two round trips (the Kreis names' one sorting a few thousand
 * postal-code rows). The whole set is small (about 400 names, 2,200 titles). Reloaded after {@link #MAX_AGE} and at
 * once after an import in this process; an import run by another process shows up within {@link #MAX_AGE} — labels
 * only, never what a search finds.
 */
@Component
class ReferenceLabels {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Labels(Map<String, String> kreisNames, Map<String, String> occupationTitles, long loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private volatile Labels labels;

    ReferenceLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> kreisNames() {
        return current().kreisNames();
    }

    Map<String, String> occupationTitles() {
        return current().occupationTitles();
    }

    /** After an import: the next caller reads the tables again. */
    void forget() {
        labels = null;
    }

    private Labels current() {
        Labels l = labels;
        if (l == null || System.nanoTime() - l.loadedAt() > MAX_AGE.toNanos()) {
            l = load();
            labels = l;
        }
        return l;
    }

    private Labels load() {
        long loadedAt = System.nanoTime();
        Map<String, String> kreise = new HashMap<>();
        jdbc.query("select distinct on (kreis_code) kreis_code, kreis_name from postal_code"
                + " where kreis_code is not null and kreis_name is not null order by kreis_code, kreis_name",
                rs -> { kreise.put(rs.getString(1), rs.getString(2)); });
        Map<String, String> titles = new HashMap<>();
        jdbc.query("select key, title from occupation", rs -> { titles.put(rs.getString(1), rs.getString(2)); });
        return new Labels(Map.copyOf(kreise), Map.copyOf(titles), loadedAt);
    }
}
