package de.augenhoehe.partner.kreise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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
        Set<String> known = wellFormed.isEmpty() ? Set.of() : new HashSet<>(jdbc.queryForList(
                "select schluessel from kreis where schluessel = any(string_to_array(?, ','))", String.class, String.join(",", wellFormed)));
        List<String> out = new ArrayList<>();
        for (String k : asked) {
            if (!known.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public List<String> kreiseOfPostalCode(String postalCode) {
        if (postalCode == null || !postalCode.matches("[0-9]{5}")) {
            return List.of();
        }
        return jdbc.queryForList("select kreis from postal_code_kreis where postal_code = ? order by places desc, kreis",
                String.class, postalCode);
    }

    /** Every Kreis with its name, by key; those of one Land (its two digits) when {@code land} is not null. */
    List<KreisController.Kreis> names(String land) {
        return jdbc.query("select schluessel, name from kreis where ?::text is null or left(schluessel, 2) = ? order by schluessel",
                (rs, n) -> new KreisController.Kreis(rs.getString(1), rs.getString(2)), land, land);
    }

    long postalCodes() {
        return jdbc.queryForObject("select count(distinct postal_code) from postal_code_kreis", Long.class);
    }

    /**
     * Replaces every postal code -> Kreis pair by the given ones (postal code -> Kreis -> places) as coming from
     * {@code source}; pairs naming a Kreis not in the table are left out. Returns how many pairs were written.
     */
    @Transactional
    int replacePostalCodes(Map<String, Map<String, Integer>> postalCodes, String source) {
        jdbc.update("delete from postal_code_kreis");
        List<Object[]> rows = new ArrayList<>();
        postalCodes.forEach((code, kreise) -> kreise.forEach((kreis, places) -> rows.add(new Object[] { code, kreis, places, source })));
        int[][] written = jdbc.batchUpdate("insert into postal_code_kreis (postal_code, kreis, places, source) "
                + "select ?, schluessel, ?, ? from kreis where schluessel = ?", rows, 1000, (ps, r) -> {
                    ps.setString(1, (String) r[0]);
                    ps.setInt(2, (Integer) r[2]);
                    ps.setString(3, (String) r[3]);
                    ps.setString(4, (String) r[1]);
                });
        int n = 0;
        for (int[] chunk : written) {
            for (int w : chunk) {
                n += Math.max(w, 0);
            }
        }
        return n;
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
