package de.augenhoehe.vacancy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.RealInfrastructure;

/**
 * Issue #21: a wide search (more matches than the facet sample, here 5) counts only a sample and says so; its pages are
 * exactly those of an exact search — the first page by rank, and the cursor pages after it without a hit repeated or lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.search.facet-sample=5")
@RealInfrastructure(isolatedDatabase = true)
class WideSearchIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    TestPostings postings;
    SearchClient search;

    @BeforeEach
    void empty() {
        search = new SearchClient(port);
        jdbc.update("delete from posting");
        postings = new TestPostings(jdbc);
    }

    @Test
    void a_search_with_more_matches_than_the_sample_counts_a_sample_as_lower_bounds_and_keeps_its_exact_pages() {
        List<UUID> inDescription = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inDescription.add(postings.posting("Fachkraft Elektrotechnik " + i).description("Auch Mechatroniker willkommen")
                    .type(i % 2 == 0 ? "JOB" : "APPRENTICESHIP").kldb("26302").insert());
        }
        // the best hit by relevance (title) is inserted last: a sample of the first matches would not contain it
        UUID inTitle = postings.posting("Mechatroniker").description("Mechatroniker für die Instandhaltung").kldb("26112").insert();
        String query = "q=Mechatroniker&postalCode=74072&radiusKm=50&facets=true&size=3";

        JsonNode first = get(query);
        assertThat(first.get("facets").get("countsAreLowerBounds").asBoolean()).isTrue();
        assertThat(first.get("facets").get("total").asLong()).isEqualTo(5);
        assertThat(first.get("facets").get("type").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
                .as("the counts are those of the sample").isEqualTo(5);
        assertThat(ids(first).getFirst()).as("the first page by rank over every match").isEqualTo(inTitle);

        List<UUID> all = new ArrayList<>(inDescription);
        all.add(inTitle);
        List<UUID> pages = allPages(query);
        assertThat(pages).as("every match once over the cursor pages").containsExactlyInAnyOrderElementsOf(all);
        assertThat(pages).as("the same pages as without facets (no sample there)").isEqualTo(allPages(query.replace("&facets=true", "")));
    }

    @Test
    void a_search_within_the_sample_is_counted_exactly() {
        postings.posting("Mechatroniker A").insert();
        postings.posting("Mechatroniker B").type("APPRENTICESHIP").insert();
        postings.posting("Lagerhelfer").kldb("51311").insert();

        JsonNode facets = get("q=Mechatroniker&facets=true").get("facets");
        assertThat(facets.get("countsAreLowerBounds").asBoolean()).isFalse();
        assertThat(facets.get("total").asLong()).isEqualTo(2);
        assertThat(facets.get("type").toString())
                .isEqualTo("[{\"value\":\"APPRENTICESHIP\",\"label\":\"Ausbildung\",\"count\":1},{\"value\":\"JOB\",\"label\":\"Arbeitsstelle\",\"count\":1}]");
        assertThat(get("sort=date&facets=true").get("facets").get("total").asLong()).isEqualTo(3);
    }

    private List<UUID> allPages(String query) {
        return search.allPages(query);
    }

    private JsonNode get(String query) {
        return search.get(query);
    }

    private static List<UUID> ids(JsonNode result) {
        return SearchClient.ids(result);
    }
}
