package de.augenhoehe.partner.kreise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.KreisDirectory;

/** The reference table of Kreise: answers {@link KreisDirectory} and takes the rows of the demo subset and the import. */
@Component
class KreisTable implements KreisDirectory {

    static final String KEY = "(0[1-9]|1[0-6])[0-9]{3}";

    private final JdbcTemplate jdbc;

    KreisTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> unknown(Collection<String> schluessel) {
        Set<String> asked = new LinkedHashSet<>();
        for (String k : schluessel) {
            if (k != null) {
                asked.add(k);
            }
        }
        if (asked.isEmpty()) {
            return List.of();
        }
        List<String> wellFormed = asked.stream().filter(k -> k.matches(KEY)).toList();
        Set<String> known = wellFormed.isEmpty() ? Set.of() : new java.util.HashSet<>(jdbc.queryForList(
                "select schluessel from kreis where schluessel = any(string_to_array(?, ','))", String.class, String.join(",", wellFormed)));
        List<String> out = new ArrayList<>();
        for (String k : asked) {
            if (!known.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    long count() {
        return jdbc.queryForObject("select count(*) from kreis", Long.class);
    }

    /** Inserts or renames the given Kreise (key → name) as coming from {@code source}; returns how many were written. */
    @Transactional
    int upsert(Map<String, String> kreise, String source) {
        List<Object[]> rows = kreise.entrySet().stream().map(e -> new Object[] { e.getKey(), e.getValue(), source }).toList();
        jdbc.batchUpdate("""
                insert into kreis (schluessel, name, source) values (?, ?, ?)
                on conflict (schluessel) do update set name = excluded.name, source = excluded.source, updated_at = now()""", rows);
        return rows.size();
    }
}
