package de.augenhoehe.vacancy.referencedata;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reference data in memory: the names of every Kreis and the titles of every KldB key (every search with facets labels
 * up to a few dozen of each, and reading them per search cost two round trips, the Kreis names' one sorting a few
 * thousand postal-code rows; about 400 names and 2,200 titles), and each postal code's area once asked for (every
 * search around a postal code and every posting needs one; at most the 8,200 codes that exist — unknown codes are
 * not kept). Dropped after {@link #MAX_AGE} and at once after an import in this process; an import run by another
 * process shows up within {@link #MAX_AGE}.
 */
@Component
class ReferenceCache {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Snapshot(Map<String, String> kreisNames, Map<String, String> occupationTitles,
            Map<String, ReferenceData.PostalCodeArea> areas, long loadedAt, long generation) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    ReferenceCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> kreisNames() {
        return current().kreisNames();
    }

    Map<String, String> occupationTitles() {
        return current().occupationTitles();
    }

    /** The area of a postal code: from memory, else from {@code load} (empty: unknown, not kept). */
    Optional<ReferenceData.PostalCodeArea> area(String code, Function<String, Optional<ReferenceData.PostalCodeArea>> load) {
        Map<String, ReferenceData.PostalCodeArea> areas = current().areas();
        ReferenceData.PostalCodeArea known = areas.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ReferenceData.PostalCodeArea> loaded = load.apply(code);
        loaded.ifPresent(a -> areas.put(code, a));
        return loaded;
    }

    /** After an import: the next caller reads the tables again. */
    void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.generation() != generation.get() || System.nanoTime() - s.loadedAt() > MAX_AGE.toNanos()) {
            s = load();
            // a load that began before an import's forget() read the old tables: used once, never kept
            if (s.generation() == generation.get()) {
                snapshot = s;
            }
        }
        return s;
    }

    private Snapshot load() {
        long loadedGeneration = generation.get();
        long loadedAt = System.nanoTime();
        Map<String, String> kreise = new HashMap<>();
        jdbc.query("select distinct on (kreis_code) kreis_code, kreis_name from postal_code"
                + " where kreis_code is not null and kreis_name is not null order by kreis_code, kreis_name",
                rs -> { kreise.put(rs.getString(1), rs.getString(2)); });
        Map<String, String> titles = new HashMap<>();
        jdbc.query("select key, title from occupation", rs -> { titles.put(rs.getString(1), rs.getString(2)); });
        return new Snapshot(Map.copyOf(kreise), Map.copyOf(titles), new ConcurrentHashMap<>(), loadedAt, loadedGeneration);
    }
}
