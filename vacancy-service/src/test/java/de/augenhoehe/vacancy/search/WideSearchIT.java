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
 * Issue #21: a wide search (more matches than the sample, here 5) counts only a sample and says so; by relevance it ranks
 * the sample and says so too — its pages are the sample's, best first — while date and distance order every match, and a
 * narrower search within the sample ranks every match.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.search.sample=5")
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
    void a_search_by_relevance_with_more_matches_than_the_sample_ranks_and_counts_the_sample_and_says_so() {
        List<UUID> inTitle = new ArrayList<>();
        inTitle.add(postings.posting("Mechatroniker").description("Mechatroniker für die Montage").kldb("26112").insert());
        List<UUID> inDescription = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inDescription.add(postings.posting("Fachkraft Elektrotechnik " + i).description("Auch Mechatroniker willkommen")
                    .type(i % 2 == 0 ? "JOB" : "APPRENTICESHIP").kldb("26302").insert());
        }
        inTitle.add(postings.posting("Mechatroniker").description("Mechatroniker für die Instandhaltung").kldb("26112")
                .type("DUAL_STUDY").insert());
        String query = "q=Mechatroniker&postalCode=74072&radiusKm=50&facets=true&size=2";

        JsonNode first = get(query);
        assertThat(first.get("rankedFromSample").asBoolean()).isTrue();
        assertThat(first.get("facets").get("countsAreLowerBounds").asBoolean()).isTrue();
        assertThat(first.get("facets").get("total").asLong()).isEqualTo(5);
        assertThat(first.get("facets").get("type").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
                .as("the counts are those of the sample").isEqualTo(5);

        List<UUID> pages = allPages(query);
        assertThat(pages).as("the pages are the sample's: five matches, none twice").hasSize(5).doesNotHaveDuplicates()
                .isSubsetOf(union(inTitle, inDescription));
        List<UUID> titlesInSample = pages.stream().filter(inTitle::contains).toList();
        assertThat(pages.subList(0, titlesInSample.size())).as("the sample's title matches rank first").isEqualTo(titlesInSample);
        assertThat(pages).as("the same pages without facets").isEqualTo(allPages(query.replace("&facets=true", "")));

        String nearest = "q=Mechatroniker&postalCode=74072&radiusKm=50&sort=distance&size=2";
        assertThat(get(nearest).get("rankedFromSample").asBoolean()).isFalse();
        assertThat(allPages(nearest)).as("by distance every match is ordered").containsExactlyInAnyOrderElementsOf(union(inTitle, inDescription));

        JsonNode narrower = get("q=Mechatroniker&postalCode=74072&radiusKm=50&type=DUAL_STUDY,APPRENTICESHIP");
        assertThat(narrower.get("rankedFromSample").asBoolean()).as("4 matches: within the sample").isFalse();
        assertThat(ids(narrower).getFirst()).as("within the sample every match is ranked: the title match inserted last first")
                .isEqualTo(inTitle.getLast());
    }

    private static List<UUID> union(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void a_search_within_the_sample_is_counted_exactly() {
        postings.posting("Mechatroniker A").insert();
        postings.posting("Mechatroniker B").type("APPRENTICESHIP").insert();
        postings.posting("Lagerhelfer").kldb("51311").insert();

        JsonNode result = get("q=Mechatroniker&facets=true");
        assertThat(result.get("rankedFromSample").asBoolean()).isFalse();
        JsonNode facets = result.get("facets");
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
