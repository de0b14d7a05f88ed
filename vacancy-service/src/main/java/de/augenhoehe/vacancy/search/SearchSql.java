package de.augenhoehe.vacancy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of one search, built from {@link SearchCriteria}: the filter (shared by hits and facets), the sort key
 * and the keyset condition. Values are always bind parameters; only fixed SQL fragments are concatenated.
 * Every statement says {@code status = 'PUBLISHED'} literally, so the partial indexes of V5 apply.
 */
final class SearchSql {

    static final double EARTH_RADIUS_KM = 6371.0088;
    /** The search text as the database understands it, resolved once per request (see {@link #TO_TSQUERY}). */
    static final String TSQUERY = "?::tsquery";
    /**
     * websearch syntax ("phrase", -word, or) never fails on user input. Resolved in its own statement so that the
     * hit and facet queries get the tsquery as a constant: the planner then estimates its selectivity from the
     * statistics of search_vector and picks between the GIN, GiST and date indexes accordingly.
     */
    static final String TO_TSQUERY = "select websearch_to_tsquery('german'::regconfig, search_fold(?))::text";
    static final String RANK = "ts_rank(p.search_vector, " + TSQUERY + ")::float8";
    static final String DISTANCE = "search_distance_km(?, ?, p.latitude, p.longitude)";
    static final String EPOCH_MICROS = "(extract(epoch from p.published_at) * 1000000)::bigint";

    static final String COLUMNS = """
            p.id, p.employer_id, p.title, p.type, p.kldb, p.occupation_group, p.postal_code, p.place, p.kreis,
            p.latitude, p.longitude, p.working_time, p.remote_share, p.fixed_term, p.start_date, p.valid_through,
            p.german_level, p.temporary_agency, p.salary_min, p.salary_max, p.salary_period, p.published_at""";

    /** A fragment of SQL with its bind values in order. */
    record Statement(String sql, List<Object> args) {
    }

    private SearchSql() {
    }

    /**
     * The filter of the search; {@code tsquery} the resolved text (null: no text), {@code networkMembers} the active
     * members of the network filter (null: no filter).
     */
    static Statement where(SearchCriteria c, String tsquery, UUID[] networkMembers) {
        StringBuilder w = new StringBuilder("p.status = 'PUBLISHED' and p.valid_through >= current_date");
        List<Object> args = new ArrayList<>();
        if (tsquery != null) {
            w.append(" and p.search_vector @@ ").append(TSQUERY);
            args.add(tsquery);
        }
        if (!c.types().isEmpty()) {
            w.append(" and p.type = any(?::text[])");
            args.add(c.types().toArray(String[]::new));
        }
        if (c.kldbPrefix() != null) {
            w.append(" and p.kldb like ?"); // digits only: no escaping needed
            args.add(c.kldbPrefix() + "%");
        }
        if (c.radiusKm() != null) {
            // bounding box first (btree on latitude, longitude), then the exact great-circle distance
            double lat = c.origin().latitude();
            double lon = c.origin().longitude();
            double angular = c.radiusKm() / EARTH_RADIUS_KM;
            double dLat = Math.toDegrees(angular);
            double dLon = Math.toDegrees(Math.asin(Math.min(1, Math.sin(angular) / Math.cos(Math.toRadians(lat)))));
            w.append(" and p.latitude between ? and ? and p.longitude between ? and ?");
            args.addAll(List.of(lat - dLat, lat + dLat, lon - dLon, lon + dLon));
            w.append(" and ").append(DISTANCE).append(" <= ?");
            args.addAll(List.of(lat, lon, (double) c.radiusKm()));
        }
        if (!c.kreise().isEmpty()) {
            w.append(" and p.kreis = any(?::text[])");
            args.add(c.kreise().toArray(String[]::new));
        }
        if (networkMembers != null) {
            w.append(" and p.employer_id = any(?::uuid[])");
            args.add(networkMembers);
        }
        if (c.startFrom() != null) {
            // no start date = "ab sofort / nach Vereinbarung": fits every wish
            w.append(" and (p.start_date is null or p.start_date >= ?)");
            args.add(c.startFrom());
        }
        if (!c.workingTimes().isEmpty()) {
            w.append(" and p.working_time = any(?::text[])");
            args.add(c.workingTimes().toArray(String[]::new));
        }
        if (c.fixedTerm() != null) {
            w.append(" and p.fixed_term = ?");
            args.add(c.fixedTerm());
        }
        if (c.maxGermanLevel() != null) {
            // A1 < A2 < B1 < B2 < C1 < C2 also as text; no level = no requirement
            w.append(" and (p.german_level is null or p.german_level <= ?)");
            args.add(c.maxGermanLevel());
        }
        if (c.withoutTemporaryAgencies()) {
            w.append(" and not p.temporary_agency");
        }
        if (c.publishedWithinDays() != null) {
            w.append(" and p.published_at >= now() - make_interval(days => ?)");
            args.add(c.publishedWithinDays());
        }
        return new Statement(w.toString(), args);
    }

    /** One page of hits (size + 1 rows, to know whether there is a next one) after {@code after} (null: first page). */
    static Statement hits(SearchCriteria c, String tsquery, UUID[] networkMembers, SearchCursor.Position after) {
        Statement where = where(c, tsquery, networkMembers);
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS);
        if (c.origin() != null) {
            sql.append(", ").append(DISTANCE).append(" as distance_km");
            args.addAll(List.of(c.origin().latitude(), c.origin().longitude()));
        }
        String key = switch (c.sort()) {
            case RELEVANCE -> RANK;
            case DATE -> EPOCH_MICROS;
            case DISTANCE -> DISTANCE;
        };
        sql.append(", ").append(key).append(" as sort_key from posting p where ").append(where.sql());
        addKeyArgs(c, tsquery, args);
        args.addAll(where.args());
        if (after != null) {
            switch (c.sort()) {
                case RELEVANCE -> {
                    sql.append(" and (").append(RANK).append(", p.id) < (?, ?)");
                    addKeyArgs(c, tsquery, args);
                }
                case DATE -> sql.append(" and (p.published_at, p.id) < (timestamptz 'epoch' + ? * interval '1 microsecond', ?)");
                case DISTANCE -> {
                    sql.append(" and (").append(DISTANCE).append(", p.id) > (?, ?)");
                    addKeyArgs(c, tsquery, args);
                }
            }
            args.add(c.sort() == SearchCriteria.Sort.DATE ? (Object) (long) after.key() : (Object) after.key());
            args.add(after.id());
        }
        sql.append(switch (c.sort()) {
            case RELEVANCE -> " order by sort_key desc, p.id desc";
            case DATE -> " order by p.published_at desc, p.id desc";
            case DISTANCE -> " order by sort_key, p.id";
        });
        sql.append(" limit ?");
        args.add(c.size() + 1);
        return new Statement(sql.toString(), args);
    }

    /** Counts per type, occupation group, Kreis and working time for the same filter, in one pass. */
    static Statement facets(SearchCriteria c, String tsquery, UUID[] networkMembers) {
        Statement where = where(c, tsquery, networkMembers);
        return new Statement("""
                select p.type, p.occupation_group, p.kreis, p.working_time,
                       grouping(p.type) as g_type, grouping(p.occupation_group) as g_group,
                       grouping(p.kreis) as g_kreis, grouping(p.working_time) as g_time, count(*) as n
                from posting p where %s
                group by grouping sets ((p.type), (p.occupation_group), (p.kreis), (p.working_time))"""
                .formatted(where.sql()), where.args());
    }

    private static void addKeyArgs(SearchCriteria c, String tsquery, List<Object> args) {
        switch (c.sort()) {
            case RELEVANCE -> args.add(tsquery);
            case DISTANCE -> args.addAll(List.of(c.origin().latitude(), c.origin().longitude()));
            case DATE -> {
            }
        }
    }
}
