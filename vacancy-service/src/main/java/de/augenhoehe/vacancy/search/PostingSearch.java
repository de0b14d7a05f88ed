package de.augenhoehe.vacancy.search;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.posting.Postings;
import de.augenhoehe.vacancy.referencedata.ReferenceData;

/** Runs a validated search against the published postings: hits with keyset pagination, and facet counts. */
@Component
class PostingSearch {

    private final JdbcTemplate jdbc;
    private final SearchCursor cursors;
    private final MemberCompanies members;
    private final ReferenceData referenceData;
    private final int sample;

    /**
     * How many matches the facets count and the relevance order ranks at most; 0: every match. A frequent word in a dense
     * area matches 10,000 postings and more, most of them with the same rank, and fetching every one was the whole cost
     * of such a search (issue #21).
     */
    static final String SAMPLE_PROPERTY = "augenhoehe.search.sample";
    static final int DEFAULT_SAMPLE = 1_000;

    PostingSearch(JdbcTemplate jdbc, SearchCursor cursors, MemberCompanies members, ReferenceData referenceData,
            @Value("${" + SAMPLE_PROPERTY + ":" + DEFAULT_SAMPLE + "}") int sample) {
        if (sample < 0) {
            throw new IllegalArgumentException(SAMPLE_PROPERTY + " is 0 (count every match) or the number of matches counted, not " + sample);
        }
        this.sample = sample;
        this.jdbc = jdbc;
        this.cursors = cursors;
        this.members = members;
        this.referenceData = referenceData;
    }

    /**
     * Hits and facets come from one statement, so the counts describe the same data as the page. The page's details
     * are read by id in a second statement of the same (read committed) transaction: a posting changed in between shows
     * its newer fields, one deleted in between is left out. Repeatable read would cost three round trips of its own
     * (read, set and reset the connection's isolation), for a difference nobody could see. By relevance a search with
     * more matches than the sample ranks the sample (see {@link SearchSql#page}), and its cursor pages end with it.
     */
    @Transactional(readOnly = true)
    public SearchResult search(SearchCriteria c, String cursor) { // public: proxied for the transaction
        SearchCursor.Position after = cursor == null ? null : cursors.decode(cursor, c);
        String words = jdbc.queryForObject(SearchSql.START, (rs, n) -> rs.getString("words"), c.text());

        SearchSql.Statement page = SearchSql.page(c, words, after, sample);
        List<UUID> ids = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        Facets facets = new Facets();
        jdbc.query(page.sql(), rs -> {
            int kind = rs.getInt("kind");
            if (kind == 0) {
                ids.add(rs.getObject("id", UUID.class));
                keys.add(rs.getDouble("sort_key"));
            } else if (kind == 2) {
                facets.counted(rs.getLong("n"), sample);
            } else {
                facets.add(rs);
            }
        }, page.args().toArray());

        boolean more = ids.size() > c.size();
        List<UUID> pageIds = more ? ids.subList(0, c.size()) : ids;
        Map<UUID, SearchResult.Hit> byId = new HashMap<>();
        if (!pageIds.isEmpty()) {
            SearchSql.Statement details = SearchSql.details(c, pageIds.toArray(UUID[]::new));
            jdbc.query(details.sql(), rs -> {
                SearchResult.Hit h = hit(rs, c.origin() != null);
                byId.put(h.id(), h);
            }, details.args().toArray());
        }
        Map<UUID, String> names = members.namesOf(byId.values().stream().map(SearchResult.Hit::employerId).distinct().toList());
        List<SearchResult.Hit> items = pageIds.stream().map(byId::get).filter(Objects::nonNull).map(h -> withName(h, names)).toList();
        String next = null;
        if (more) {
            next = cursors.encode(c, new SearchCursor.Position(keys.get(c.size() - 1), pageIds.getLast()));
        }
        boolean rankedSample = SearchSql.ranksSample(c, sample) && facets.lowerBounds;
        return new SearchResult(items, next, c.facets() ? facets.result(referenceData) : null, rankedSample);
    }

    /** The facet rows of the page statement: one grouping set per dimension. */
    private static final class Facets {
        final List<SearchResult.Count> types = new ArrayList<>();
        final List<SearchResult.Count> groups = new ArrayList<>();
        final List<SearchResult.Count> kreise = new ArrayList<>();
        final List<SearchResult.Count> times = new ArrayList<>();
        long total;
        boolean lowerBounds;

        /** The matches counted: with a sample, sample + 1 says there are more than were counted. */
        void counted(long n, int sample) {
            lowerBounds = sample != SearchSql.EVERY_MATCH && n > sample;
            total = lowerBounds ? sample : n;
        }

        void add(ResultSet rs) throws SQLException {
            long n = rs.getLong("n");
            if (rs.getInt("g_type") == 0) {
                types.add(new SearchResult.Count(rs.getString("type"), null, n));
            } else if (rs.getInt("g_group") == 0) {
                groups.add(new SearchResult.Count(rs.getString("occupation_group"), null, n));
            } else if (rs.getInt("g_kreis") == 0) {
                if (rs.getString("kreis") != null) { // postings placed by coordinates alone have no Kreis
                    kreise.add(new SearchResult.Count(rs.getString("kreis"), null, n));
                }
            } else {
                times.add(new SearchResult.Count(rs.getString("working_time"), null, n));
            }
        }

        SearchResult.Facets result(ReferenceData referenceData) {
            Map<String, String> titles = referenceData.occupationTitles(groups.stream().map(SearchResult.Count::value).toList());
            Map<String, String> kreisNames = referenceData.kreisNames(kreise.stream().map(SearchResult.Count::value).toList());
            return new SearchResult.Facets(sorted(types, TYPE_LABELS), sorted(groups, titles), sorted(kreise, kreisNames),
                    sorted(times, WORKING_TIME_LABELS), total, lowerBounds);
        }
    }

    /** The German name of each posting type, for facets like the Kreis and occupation-group names (issue #16). */
    static final Map<String, String> TYPE_LABELS = Arrays.stream(Postings.Type.values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, t -> switch (t) {
                case JOB -> "Arbeitsstelle";
                case APPRENTICESHIP -> "Ausbildung";
                case DUAL_STUDY -> "Duales Studium";
                case INTERNSHIP -> "Praktikum";
                case PROJECT_DAY -> "Projekttag";
                case WORKING_STUDENT -> "Werkstudententätigkeit";
            }));
    static final Map<String, String> WORKING_TIME_LABELS = Arrays.stream(Postings.WorkingTime.values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, t -> switch (t) {
                case FULL_TIME -> "Vollzeit";
                case PART_TIME -> "Teilzeit";
                case MINI_JOB -> "Minijob";
            }));

    /** Most frequent first, then by value; with the label where one is known. */
    private static List<SearchResult.Count> sorted(List<SearchResult.Count> counts, Map<String, String> labels) {
        return counts.stream()
                .map(k -> labels == null ? k : new SearchResult.Count(k.value(), labels.get(k.value()), k.count()))
                .sorted(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value))
                .toList();
    }

    private static SearchResult.Hit withName(SearchResult.Hit h, Map<UUID, String> names) {
        return new SearchResult.Hit(h.id(), h.employerId(), names.get(h.employerId()), h.title(), h.type(), h.kldb(),
                h.occupationGroup(), h.postalCode(), h.place(), h.kreis(), h.latitude(), h.longitude(), h.workingTime(),
                h.remoteShare(), h.fixedTerm(), h.startDate(), h.validThrough(), h.germanLevel(), h.temporaryAgency(),
                h.salaryMin(), h.salaryMax(), h.salaryPeriod(), h.publishedAt(), h.distanceKm());
    }

    private static SearchResult.Hit hit(ResultSet rs, boolean withDistance) throws SQLException {
        Date start = rs.getDate("start_date");
        Double distance = withDistance ? Math.round(rs.getDouble("distance_km") * 10) / 10.0 : null;
        return new SearchResult.Hit(rs.getObject("id", UUID.class), rs.getObject("employer_id", UUID.class), null,
                rs.getString("title"), rs.getString("type"), rs.getString("kldb"), rs.getString("occupation_group"),
                rs.getString("postal_code"), rs.getString("place"), rs.getString("kreis"), rs.getDouble("latitude"),
                rs.getDouble("longitude"), rs.getString("working_time"), rs.getInt("remote_share"), rs.getBoolean("fixed_term"),
                start == null ? null : start.toLocalDate(), rs.getDate("valid_through").toLocalDate(), rs.getString("german_level"),
                rs.getBoolean("temporary_agency"), rs.getBigDecimal("salary_min"), rs.getBigDecimal("salary_max"),
                rs.getString("salary_period"), rs.getTimestamp("published_at").toInstant(), distance);
    }
}
