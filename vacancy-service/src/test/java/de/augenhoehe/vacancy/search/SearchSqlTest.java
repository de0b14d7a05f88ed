package de.augenhoehe.vacancy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The tsquery of a search: synthetic lexemes for filters and the grid cells of a radius (V6). */
class SearchSqlTest {

    @Test
    void every_place_within_the_radius_lies_in_one_of_the_cells_of_the_query() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 2_000; i++) {
            double lat = 47 + random.nextDouble() * 8;
            double lon = 6 + random.nextDouble() * 9;
            int radius = new int[] {1, 5, 10, 25, 50, 100, 200}[random.nextInt(7)];
            String cells = SearchSql.cells(lat, lon, radius);
            int level = Integer.parseInt(cells.substring(cells.indexOf("§g") + 2, cells.indexOf(':')));
            double[] grid = SearchSql.GRID[level - 1];
            for (int k = 0; k < 50; k++) {
                // a random point in the circle's bounding box; only those within the radius must be covered
                double pLat = lat + (random.nextDouble() * 2 - 1) * radius / 111.0;
                double pLon = lon + (random.nextDouble() * 2 - 1) * radius / (111.0 * Math.cos(Math.toRadians(lat)));
                if (SearchSql.distanceKm(lat, lon, pLat, pLon) <= radius) {
                    String cell = "'§g" + level + ":" + (int) Math.floor(pLat / grid[0]) + ":" + (int) Math.floor(pLon / grid[1]) + "'";
                    assertThat(cells).as("%s km around %s, %s: point %s, %s", radius, lat, lon, pLat, pLon).contains(cell);
                }
            }
        }
    }

    @Test
    void the_radius_picks_the_finest_grid_with_few_cells() {
        assertThat(SearchSql.cells(48.1255, 11.5591, 10)).startsWith("('§g1:");
        assertThat(SearchSql.cells(48.1255, 11.5591, 25)).startsWith("('§g2:");
        assertThat(SearchSql.cells(48.1255, 11.5591, 50)).startsWith("('§g2:");
        for (int radius : List.of(10, 25, 50)) {
            assertThat(SearchSql.cells(48.1255, 11.5591, radius).split("\\|")).hasSizeLessThanOrEqualTo(SearchSql.MAX_CELLS);
        }
    }

    @Test
    void selective_filters_become_lexemes_that_text_cannot_produce() {
        SearchCriteria c = new SearchCriteria("Pflege", List.of("JOB", "INTERNSHIP"), "261", null, null, List.of("08121"), null, null,
                List.of("PART_TIME"), Boolean.FALSE, "B1", true, null, SearchCriteria.Sort.RELEVANCE, 20, true);
        assertThat(SearchSql.tsquery(c, "'pfleg'")).isEqualTo(
                "('pfleg') & ('§w:PART_TIME') & ('§r:08121') & '§k:261'");
        // JOB (most postings) is checked on the column; rare types are lexemes
        assertThat(SearchSql.where(c, "'pfleg'", SearchSql.tsquery(c, "'pfleg'")).sql())
                .contains("s.type = any(").contains("s.fixed_term = ?").contains("s.german_level <= ?").contains("not s.temporary_agency");
        SearchCriteria internships = new SearchCriteria(null, List.of("INTERNSHIP"), null, null, null, List.of(), null, null,
                List.of(), null, null, false, null, SearchCriteria.Sort.DATE, 20, false);
        assertThat(SearchSql.tsquery(internships, null)).isEqualTo("('§t:INTERNSHIP')");
        SearchCriteria none = new SearchCriteria(null, List.of(), null, null, null, List.of(), null, null, List.of(), null, null, false,
                null, SearchCriteria.Sort.DATE, 20, false);
        assertThat(SearchSql.tsquery(none, null)).isNull();
    }

    @Test
    void words_in_a_circle_on_the_pair_grid_become_word_cell_pairs_and_are_checked_exactly_on_the_row() {
        SearchCriteria wide = new SearchCriteria("Führerschein", List.of(), null, new SearchCriteria.Origin("21698", 53.4667, 9.45), 50,
                List.of(), null, null, List.of(), null, null, false, null, SearchCriteria.Sort.RELEVANCE, 20, true);
        List<String> cells = SearchSql.touchingCells(53.4667, 9.45, 50, SearchSql.PAIR_LEVEL);
        String tsquery = SearchSql.tsquery(wide, "'fuhrerschein' & 'klass' <-> 'ce'");
        assertThat(tsquery).doesNotContain("§g").doesNotContain("<->")
                .contains("'fuhrerschein§" + cells.get(0) + "'").contains("'ce§" + cells.get(cells.size() - 1) + "'");
        assertThat(tsquery.split("\\|")).hasSize(3 * cells.size() - 2);
        assertThat(SearchSql.where(wide, "'fuhrerschein'", tsquery).sql()).contains("(s.terms @@ ?::tsquery) is true");

        assertThat(SearchSql.tsquery(wide, "!'zeitarbeit'")).as("nothing to look up: cells").startsWith("(!'zeitarbeit') & ('§g2:");
        SearchCriteria near = new SearchCriteria("Führerschein", List.of(), null, new SearchCriteria.Origin("21698", 53.4667, 9.45), 10,
                List.of(), null, null, List.of(), null, null, false, null, SearchCriteria.Sort.RELEVANCE, 20, true);
        assertThat(SearchSql.tsquery(near, "'fuhrerschein'")).as("the fine grid: words and cells").isEqualTo(
                "('fuhrerschein') & " + SearchSql.cells(53.4667, 9.45, 10));
        assertThat(SearchSql.where(near, "'fuhrerschein'", "x").sql()).doesNotContain("is true");

        SearchCriteria kiel = new SearchCriteria("Führerschein", List.of(), null, new SearchCriteria.Origin("24103", 54.3213, 10.1349), 50,
                List.of(), null, null, List.of(), null, null, false, null, SearchCriteria.Sort.RELEVANCE, 20, true);
        assertThat(SearchSql.cells(54.3213, 10.1349, 50)).as("too many g2 cells for the cell query").startsWith("('§g3:");
        assertThat(SearchSql.tsquery(kiel, "'fuhrerschein'")).as("but few enough for pairs").startsWith("(('fuhrerschein§")
                .doesNotContain("§g");
        SearchCriteria wider = new SearchCriteria("Führerschein", List.of(), null, new SearchCriteria.Origin("24103", 54.3213, 10.1349), 100,
                List.of(), null, null, List.of(), null, null, false, null, SearchCriteria.Sort.RELEVANCE, 20, true);
        assertThat(SearchSql.usesPairs(wider, "'fuhrerschein'")).isFalse();
    }

    @Test
    void a_query_matches_the_empty_posting_only_through_negation() {
        assertThat(SearchSql.matchesEmpty("'a'")).isFalse();
        assertThat(SearchSql.matchesEmpty("!'a'")).isTrue();
        assertThat(SearchSql.matchesEmpty("'a' & !'b'")).isFalse();
        assertThat(SearchSql.matchesEmpty("'a' | !'b'")).isTrue();
        assertThat(SearchSql.matchesEmpty("!( 'a' <-> 'b' ) & !'c'")).isTrue();
        assertThat(SearchSql.matchesEmpty("!!'a'")).isFalse();
        assertThat(SearchSql.matchesEmpty("'it''s' <2> 'x'")).isFalse();
    }

    @Test
    void by_relevance_the_scan_stops_after_the_sample_and_date_and_distance_order_every_match() {
        SearchCriteria.Origin heilbronn = new SearchCriteria.Origin("74072", 49.14, 9.22);
        for (SearchCriteria.Sort sort : SearchCriteria.Sort.values()) {
            for (boolean facets : List.of(true, false)) {
                SearchCriteria c = new SearchCriteria("Mechatroniker", List.of(), null, heilbronn, 200, List.of(), null, null,
                        List.of(), null, null, false, null, sort, 20, facets);
                String sql = SearchSql.page(c, "'mechatron'", null, 1_000).sql();
                String every = SearchSql.page(c, "'mechatron'", null, SearchSql.EVERY_MATCH).sql();
                boolean relevance = sort == SearchCriteria.Sort.RELEVANCE;
                assertThat(SearchSql.ranksSample(c, 1_000)).isEqualTo(relevance);
                assertThat(SearchSql.ranksSample(c, SearchSql.EVERY_MATCH)).isFalse();
                assertThat(sql.contains(" limit 1001), f as")).as("%s, facets %s: %s", sort, facets, sql).isEqualTo(relevance);
                assertThat(sql.contains("from f where true")).as("the page from the sample: %s", sql).isEqualTo(relevance);
                assertThat(every).doesNotContain("limit 1001), f as").doesNotContain("from f ");
            }
        }
    }
}
