package de.augenhoehe.vacancy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.augenhoehe.vacancy.employers.MemberCompanies;

/**
 * The SQL of one search, built from {@link SearchCriteria}, over the narrow table {@code search_posting} (V6): the
 * words, the place and the selective filters become ONE tsquery against ONE GIN index (synthetic lexemes, see V6), so
 * the plan does not depend on the planner's estimates; the exact distance, the dates and the network are filters on
 * the few rows GIN leaves. Values are bind parameters or lexemes built from validated values (digits, enum names);
 * only fixed SQL fragments are concatenated.
 */
final class SearchSql {

    static final double EARTH_RADIUS_KM = 6371.0088;
    /**
     * The first statement of a search: its transaction's settings and the words as a tsquery (null without text), in
     * one round trip. Settings: each search is planned with its own values (a generic plan of a prepared statement
     * cannot tell a date order that stops early in the (published_at, id) index from one that must read every match).
     * No parallel workers: at 50 searches a second on two cores the planner's parallel plans for the wide circles
     * forked two workers per search and doubled the p95 (benchmark README). No nested loop: the only join of a search
     * is the semi-join on a network's members, and with the estimates of a word-cell pair query (39 rows for 389) the
     * planner compared 4,000 members with every match (250 ms; a hash join 6 ms). The words: websearch syntax
     * ("phrase", -word, or) never fails on user input; then combined with the synthetic lexemes into the one tsquery
     * of the search.
     */
    static final String START = "select set_config('plan_cache_mode', 'force_custom_plan', true),"
            + " set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_nestloop', 'off', true),"
            + " websearch_to_tsquery('german'::regconfig, search_fold(?))::text as words";
    static final String DISTANCE = "search_distance_km(?, ?, s.latitude, s.longitude)";
    /** The expression of the word-cell pair index of V7 (exactly as there, or the planner cannot use it). */
    static final String LOCATED = "search_located(s.terms, s.latitude, s.longitude)";
    static final String EPOCH_MICROS = "(extract(epoch from s.published_at) * 1000000)::bigint";

    /** Grid resolutions in degrees (latitude, longitude) of the lexemes §g1…§g4; equal to search_lexemes in V6. */
    static final double[][] GRID = {{0.1, 0.15}, {0.25, 0.375}, {0.6, 0.9}, {1.6, 2.4}};
    /**
     * Values most postings have: as a GIN entry their posting list (≈ 700,000 items per million postings) costs more to
     * decode than checking the column on the few rows the other entries leave, so a filter including them is a column
     * check (fixed-term, agency and German level always are: V6 has no lexemes for them).
     */
    static final String FREQUENT_TYPE = "JOB";
    static final String FREQUENT_WORKING_TIME = "FULL_TIME";
    /**
     * The finest resolution whose cells touching the circle are at most this many is used. 20 puts 50 km on g2 (16–19
     * cells covering 1.5–1.8 times the circle's area) instead of g3 (2–5 times): fewer rows to check in the searches
     * that were slowest. Finer still (32: 25 km on g1, 26–32 cells) measured no better (service p95 58 ms, SQL 46 ms).
     */
    static final int MAX_CELLS = 20;
    /** The resolution of the word-cell pairs of V7 (§g2; search_located there must use the same cell size). */
    static final int PAIR_LEVEL = 1;
    /**
     * Pairs are looked up for circles wider than the finest grid while they need at most this many §g2 cells: each
     * pair's list is short, so more cells cost little — 50 km in northern Germany needs 21–30 (the coarse §g3 cells
     * left 2–5 times the circle's area to check); 100 km and more stay with words AND cells.
     */
    static final int MAX_PAIR_CELLS = 40;
    /** A lexeme of a tsquery's text: quoted, quotes inside doubled. */
    static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')+)'");
    /** Phrase operators (followed by, at distance N): AND in the pair query. */
    static final Pattern PHRASE = Pattern.compile("<(?:-|\\d+)>");

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
     * The one tsquery of the search: the words (as the database resolved them; "" = only stop words) and a lexeme or
     * an OR of lexemes per selective filter; null when there is nothing to look up in the index.
     */
    static String tsquery(SearchCriteria c, String words) {
        List<String> parts = new ArrayList<>();
        boolean byPairs = usesPairs(c, words);
        if (byPairs) {
            parts.add(pairs(words, c.origin().latitude(), c.origin().longitude(), c.radiusKm()));
        } else if (words != null) {
            parts.add("(" + words + ")");
        }
        if (!c.types().isEmpty() && !c.types().contains(FREQUENT_TYPE)) {
            parts.add(anyOf("t", c.types()));
        }
        if (!c.workingTimes().isEmpty() && !c.workingTimes().contains(FREQUENT_WORKING_TIME)) {
            parts.add(anyOf("w", c.workingTimes()));
        }
        if (!c.kreise().isEmpty()) {
            parts.add(anyOf("r", c.kreise()));
        }
        if (c.kldbPrefix() != null) {
            parts.add(lexeme("k", c.kldbPrefix()));
        }
        if (c.radiusKm() != null && !byPairs) {
            parts.add(cells(c.origin().latitude(), c.origin().longitude(), c.radiusKm()));
        }
        return parts.isEmpty() ? null : String.join(" & ", parts);
    }

    /**
     * Whether the words are looked up as word-cell pairs (V7's index over {@link #LOCATED}) instead of words AND cells: for
     * a circle wider than the finest grid (see {@link #MAX_PAIR_CELLS}) and words that a match must contain (not only
     * "-word"). The pair query is a necessary condition for a posting
     * inside the circle (its cell is one of the circle's, and it has a word exactly when it has the word's pair in its
     * cell); phrases become AND there, so {@link #where} checks the words exactly on the rows GIN leaves.
     */
    static boolean usesPairs(SearchCriteria c, String words) {
        if (c.radiusKm() == null || words == null || words.isEmpty() || words.contains(":") || matchesEmpty(words)) {
            return false;
        }
        double lat = c.origin().latitude();
        double lon = c.origin().longitude();
        return touchingCells(lat, lon, c.radiusKm(), PAIR_LEVEL).size() <= MAX_PAIR_CELLS
                && cellLevel(lat, lon, c.radiusKm()) >= PAIR_LEVEL;
    }

    /** The words' tsquery with every lexeme replaced by an OR of its pairs with the circle's cells. */
    static String pairs(String words, double lat, double lon, int radiusKm) {
        List<String> cells = touchingCells(lat, lon, radiusKm, PAIR_LEVEL);
        String anded = PHRASE.matcher(words).replaceAll("&");
        return "(" + LEXEME.matcher(anded).replaceAll(m -> Matcher.quoteReplacement("(" + String.join(" | ",
                cells.stream().map(cell -> "'" + m.group(1) + "§" + cell + "'").toList()) + ")")) + ")";
    }

    /**
     * Whether a posting with none of the words would match (the query is only negations, e.g. "-Zeitarbeit"): such
     * words give GIN nothing to look up, so the cells stay in the index query.
     */
    static boolean matchesEmpty(String words) {
        String expression = LEXEME.matcher(PHRASE.matcher(words).replaceAll("&")).replaceAll("F").replaceAll("\\s+", "");
        int[] at = {0};
        return anyOf(expression, at);
    }

    private static boolean anyOf(String e, int[] at) {
        boolean value = allOf(e, at);
        while (at[0] < e.length() && e.charAt(at[0]) == '|') {
            at[0]++;
            value = allOf(e, at) | value;
        }
        return value;
    }

    private static boolean allOf(String e, int[] at) {
        boolean value = operand(e, at);
        while (at[0] < e.length() && e.charAt(at[0]) == '&') {
            at[0]++;
            value = operand(e, at) & value;
        }
        return value;
    }

    private static boolean operand(String e, int[] at) {
        char ch = e.charAt(at[0]++);
        return switch (ch) {
            case '!' -> !operand(e, at);
            case '(' -> {
                boolean value = anyOf(e, at);
                at[0]++; // ')'
                yield value;
            }
            case 'F' -> false;
            default -> throw new IllegalArgumentException("unexpected '" + ch + "' in tsquery " + e);
        };
    }

    /**
     * The grid cells that touch the circle, at the finest resolution that needs at most {@link #MAX_CELLS} of them
     * (10 km: g1, 25 km and 50 km: g2), as an OR. A cell touches when its point nearest to the centre is within the
     * radius (with a margin for the flat approximation of that point); the exact distance is checked per row anyway.
     */
    static String cells(double lat, double lon, int radiusKm) {
        int level = cellLevel(lat, lon, radiusKm);
        return "(" + String.join(" | ", touchingCells(lat, lon, radiusKm, level).stream()
                .map(cell -> "'§g" + (level + 1) + ":" + cell + "'").toList()) + ")";
    }

    /** The index into {@link #GRID} of the finest resolution with at most {@link #MAX_CELLS} cells touching the circle. */
    static int cellLevel(double lat, double lon, int radiusKm) {
        for (int level = 0; level < GRID.length - 1; level++) {
            if (touchingCells(lat, lon, radiusKm, level).size() <= MAX_CELLS) {
                return level;
            }
        }
        return GRID.length - 1;
    }

    /** The cells ("y:x") of one resolution that touch the circle. */
    static List<String> touchingCells(double lat, double lon, int radiusKm, int level) {
        double angular = radiusKm / EARTH_RADIUS_KM;
        double dLat = Math.toDegrees(angular);
        double dLon = Math.toDegrees(Math.asin(Math.min(1, Math.sin(angular) / Math.cos(Math.toRadians(Math.min(89, Math.abs(lat)))))));
        double h = GRID[level][0];
        double w = GRID[level][1];
        List<String> cells = new ArrayList<>();
        for (int y = (int) Math.floor((lat - dLat) / h); y <= (int) Math.floor((lat + dLat) / h); y++) {
            for (int x = (int) Math.floor((lon - dLon) / w); x <= (int) Math.floor((lon + dLon) / w); x++) {
                double nearLat = Math.max(y * h, Math.min(lat, (y + 1) * h));
                double nearLon = Math.max(x * w, Math.min(lon, (x + 1) * w));
                if (distanceKm(lat, lon, nearLat, nearLon) <= radiusKm * 1.01 + 0.5) {
                    cells.add(y + ":" + x);
                }
            }
        }
        return cells;
    }

    /** The filter over search_posting s; {@code tsquery} from {@link #tsquery} (null: none). */
    static Statement where(SearchCriteria c, String words, String tsquery) {
        StringBuilder w = new StringBuilder("s.valid_through >= current_date");
        List<Object> args = new ArrayList<>();
        boolean byPairs = usesPairs(c, words);
        if (words != null && words.isEmpty()) {
            w.append(" and false"); // only stop words: nothing matches (as "search_vector @@ ''" answered before)
        } else if (tsquery != null) {
            w.append(byPairs ? " and " + LOCATED + " @@ ?::tsquery" : " and s.terms @@ ?::tsquery");
            args.add(tsquery);
        }
        if (byPairs) {
            // the exact words (phrases too) on the rows the pairs left; "is true" keeps it out of the index condition
            w.append(" and (s.terms @@ ?::tsquery) is true");
            args.add(words);
        }
        if (c.radiusKm() != null) {
            w.append(" and ").append(DISTANCE).append(" <= ?");
            args.addAll(List.of(c.origin().latitude(), c.origin().longitude(), (double) c.radiusKm()));
        }
        if (c.types().contains(FREQUENT_TYPE)) {
            w.append(" and s.type = any(?::text[])");
            args.add(c.types().toArray(String[]::new));
        }
        if (c.workingTimes().contains(FREQUENT_WORKING_TIME)) {
            w.append(" and s.working_time = any(?::text[])");
            args.add(c.workingTimes().toArray(String[]::new));
        }
        if (c.fixedTerm() != null) {
            w.append(" and s.fixed_term = ?");
            args.add(c.fixedTerm());
        }
        if (c.maxGermanLevel() != null) {
            // A1 < A2 < B1 < B2 < C1 < C2 also as text; no level = no requirement
            w.append(" and (s.german_level is null or s.german_level <= ?)");
            args.add(c.maxGermanLevel());
        }
        if (c.withoutTemporaryAgencies()) {
            w.append(" and not s.temporary_agency");
        }
        if (c.network() != null) {
            // a semi-join on the members' table: neither a round trip for 4,000 ids nor a constant array of them to plan
            w.append(" and s.employer_id in (").append(MemberCompanies.ACTIVE_MEMBER_IDS).append(")");
            args.add(c.network());
        }
        if (c.startFrom() != null) {
            // no start date = "ab sofort / nach Vereinbarung": fits every wish
            w.append(" and (s.start_date is null or s.start_date >= ?)");
            args.add(c.startFrom());
        }
        if (c.publishedWithinDays() != null) {
            // written so that the (published_at, id) index cannot serve it: ANDed into the GIN bitmap, its 300,000
            // rows of the last 30 days made the bitmap lossy and cost 64 ms of a 160 ms search (measured, 1M postings)
            w.append(" and s.published_at + make_interval(days => ?) >= now()");
            args.add(c.publishedWithinDays());
        }
        return new Statement(w.toString(), args);
    }

    /** {@code sample} of {@link #page} for ranking and counting every match (the behaviour before issue #21). */
    static final int EVERY_MATCH = 0;

    /**
     * Whether {@link #page} ranks only a sample: the relevance order of a search with more than {@code sample} matches
     * ranks the first {@code sample} matches found, not every match. Date and distance order every match.
     */
    static boolean ranksSample(SearchCriteria c, int sample) {
        return sample != EVERY_MATCH && c.sort() == SearchCriteria.Sort.RELEVANCE;
    }

    /**
     * One page of hits (size + 1 rows: is there a next one?) after {@code after} (null: first page) as rows
     * (kind 0, id, sort_key), with facets the counts per type, occupation group, Kreis and working time as rows
     * (kind 1, …, n), and the number of matches counted as one row (kind 2, n) — ONE index scan for all, through a
     * materialized CTE. The counts cover at most {@code sample} matches ({@link #EVERY_MATCH}: all); kind 2 then says
     * {@code sample + 1} when there are more, and every count is a lower bound. By relevance ({@link #ranksSample}) the
     * scan stops after {@code sample + 1} matches and the pages are those of the sample: a frequent word in a dense area
     * (8,000 matches and more) cost its every match fetched and ranked, though most share the top rank (issue #21).
     */
    static Statement page(SearchCriteria c, String words, SearchCursor.Position after, int sample) {
        String tsquery = tsquery(c, words);
        Statement where = where(c, words, tsquery);
        List<Object> args = new ArrayList<>();
        String key = switch (c.sort()) {
            case RELEVANCE -> "ts_rank(s.terms, ?::tsquery)::float8";
            case DATE -> EPOCH_MICROS;
            case DISTANCE -> DISTANCE;
        };
        addKeyArgs(c, words, args);
        args.addAll(where.args());
        String matched = "select s.id, s.published_at, " + key + " as sort_key, s.type, s.occupation_group, s.kreis, s.working_time"
                + " from search_posting s where " + where.sql();
        String order = switch (c.sort()) {
            case RELEVANCE -> " order by sort_key desc, id desc";
            case DATE -> " order by published_at desc, id desc";
            case DISTANCE -> " order by sort_key, id";
        };
        StringBuilder keyset = new StringBuilder();
        if (after != null) {
            keyset.append(switch (c.sort()) {
                case RELEVANCE -> " and (sort_key, id) < (?, ?)";
                case DATE -> " and (published_at, id) < (timestamptz 'epoch' + ? * interval '1 microsecond', ?)";
                case DISTANCE -> " and (sort_key, id) > (?, ?)";
            });
        }
        List<Object> keysetArgs = after == null ? List.of()
                : List.of(c.sort() == SearchCriteria.Sort.DATE ? (Object) (long) after.key() : (Object) after.key(), after.id());
        String hitColumns = "0 as kind, id, sort_key::float8 as sort_key, null::text as type, null::text as occupation_group,"
                + " null::text as kreis, null::text as working_time, 0 as g_type, 0 as g_group, 0 as g_kreis, 0 as g_time, 0::bigint as n";
        boolean sampled = ranksSample(c, sample);
        if (!c.facets() && !sampled) {
            // without facets a date order can stop early in the (published_at, id) index
            String sql = "select " + hitColumns + " from (" + matched + ") m where true" + keyset + order + " limit ?";
            args.addAll(keysetArgs);
            args.add(c.size() + 1);
            return new Statement(sql, args);
        }
        // m: every match, or by relevance the first sample + 1 found; f: the sample (issue #21)
        String sql = "with m as materialized (" + matched + (sampled ? " limit " + (sample + 1) : "") + ")"
                + (sample == EVERY_MATCH ? "" : ", f as materialized (select * from m limit " + sample + ")")
                + " (select " + hitColumns + " from " + (sampled ? "f" : "m") + " where true" + keyset + order + " limit ?)";
        if (c.facets()) {
            sql += " union all select 1, null, null, type, occupation_group, kreis, working_time, grouping(type), grouping(occupation_group),"
                    + " grouping(kreis), grouping(working_time), count(*) from " + (sample == EVERY_MATCH ? "m" : "f")
                    + " group by grouping sets ((type), (occupation_group), (kreis), (working_time))";
        }
        sql += " union all select 2, null, null, null, null, null, null, 0, 0, 0, 0, count(*) from "
                + (sample == EVERY_MATCH || sampled ? "m" : "(select 1 from m limit " + (sample + 1) + ") t");
        args.addAll(keysetArgs);
        args.add(c.size() + 1);
        return new Statement(sql, args);
    }

    /** The columns of the page's hits (by id; the caller keeps the page's order), with the distance from the origin. */
    static Statement details(SearchCriteria c, UUID[] ids) {
        List<Object> args = new ArrayList<>();
        String distance = "";
        if (c.origin() != null) {
            distance = ", search_distance_km(?, ?, p.latitude, p.longitude) as distance_km";
            args.addAll(List.of(c.origin().latitude(), c.origin().longitude()));
        }
        args.add(ids);
        return new Statement("select " + COLUMNS + distance + " from posting p where p.id = any(?::uuid[])", args);
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double a = Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static String anyOf(String kind, List<String> values) {
        return "(" + String.join(" | ", values.stream().map(v -> lexeme(kind, v)).toList()) + ")";
    }

    /** Values are validated enum names or digits; the lexeme is quoted for the tsquery syntax. */
    private static String lexeme(String kind, String value) {
        if (!value.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a validated filter value: " + value);
        }
        return "'§" + kind + ":" + value + "'";
    }

    private static void addKeyArgs(SearchCriteria c, String words, List<Object> args) {
        switch (c.sort()) {
            case RELEVANCE -> args.add(words);
            case DISTANCE -> args.addAll(List.of(c.origin().latitude(), c.origin().longitude()));
            case DATE -> {
            }
        }
    }
}
