package de.augenhoehe.vacancy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.RealInfrastructure;

/** The public search on real PostgreSQL: text with umlauts and stems, every filter, the sorts, facets, cursors, problems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class PublicSearchIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    TestPostings postings;
    SearchClient search;

    @BeforeEach
    void empty() {
        search = new SearchClient(port);
        jdbc.update("delete from posting");
        jdbc.update("delete from employer_membership");
        postings = new TestPostings(jdbc);
    }

    @Test
    void umlauts_and_sharp_s_match_their_ascii_spellings_and_stems_match_inflected_forms() {
        UUID baker = postings.posting("Bäcker (m/w/d) für unsere Backstube").kldb("29222").insert();
        UUID street = postings.posting("Fahrer/in im Nahverkehr").description("Einsatz an der Hauptstraße in Heilbronn").kldb("52122").insert();
        UUID care = postings.posting("Pflegekraft in der Altenpflege").kldb("82102").insert();
        UUID mechatronics = postings.posting("Mechatroniker/in").description("Wir bilden Mechatronikerinnen und Mechatroniker aus.").insert();

        assertThat(ids("q=Bäcker")).containsExactly(baker);
        assertThat(ids("q=Baecker")).containsExactly(baker);
        assertThat(ids("q=BAECKER")).containsExactly(baker);
        assertThat(ids("q=Hauptstrasse")).containsExactly(street);
        assertThat(ids("q=Hauptstraße")).containsExactly(street);
        assertThat(ids("q=Pflegekräfte")).as("plural with umlaut").containsExactly(care);
        assertThat(ids("q=Fahrers")).as("genitive").containsExactly(street);
        assertThat(ids("q=Mechatronikern")).containsExactly(mechatronics);
        assertThat(ids("q=Quelle")).isEmpty();
        assertThat(ids("q=Bäcker -Backstube")).as("websearch syntax: minus excludes").isEmpty();
        assertThat(ids("q=Bäcker or Pflegekraft")).containsExactlyInAnyOrder(baker, care);
    }

    @Test
    void relevance_weighs_the_title_above_the_description_and_date_sort_is_newest_first() {
        UUID inDescription = postings.posting("Helfer/in im Lager").description("Auch Quereinsteiger aus dem Schweißen willkommen").kldb("51311").publishedDaysAgo(1).insert();
        UUID inTitle = postings.posting("Schweißer/in").description("Metallbau, Montage").kldb("24422").publishedDaysAgo(5).insert();
        assertThat(ids("q=Schweißen")).containsExactly(inTitle, inDescription);
        assertThat(ids("q=Schweißen&sort=date")).containsExactly(inDescription, inTitle);
        assertThat(ids("sort=date")).containsExactly(inDescription, inTitle);
    }

    @Test
    void only_published_and_still_valid_postings_are_found() {
        UUID published = postings.posting("Lagerist").kldb("51312").insert();
        for (String status : List.of("DRAFT", "FILLED", "EXPIRED", "WITHDRAWN")) {
            postings.posting("Lagerist").kldb("51312").status(status).insert();
        }
        postings.posting("Lagerist").kldb("51312").validThrough(LocalDate.now().minusDays(1)).insert();
        assertThat(ids("q=Lagerist")).containsExactly(published);
        assertThat(ids("")).containsExactly(published);
    }

    @Test
    void the_search_table_follows_every_change_of_a_posting() {
        // V6: search_posting is kept by triggers on posting; the write path knows nothing of it
        UUID draft = postings.posting("Lagerist").kldb("51312").status("DRAFT").insert();
        assertThat(ids("q=Lagerist")).isEmpty();
        jdbc.update("update posting set status = 'PUBLISHED', published_at = now(), closed_at = null, close_reason = null where id = ?", draft);
        assertThat(ids("q=Lagerist")).containsExactly(draft);

        jdbc.update("update posting set title = 'Staplerfahrer (m/w/d)', type = 'INTERNSHIP', kldb = '26102' where id = ?", draft);
        assertThat(ids("q=Lagerist")).isEmpty();
        assertThat(ids("q=Staplerfahrer&type=INTERNSHIP&kldb=261")).containsExactly(draft);
        assertThat(ids("q=Staplerfahrer&type=APPRENTICESHIP")).isEmpty();

        String terms = jdbc.queryForObject("select terms::text from search_posting where id = ?", String.class, draft);
        jdbc.update("update posting set views = views + 1 where id = ?", draft); // no search column: the trigger does not fire
        assertThat(jdbc.queryForObject("select terms::text from search_posting where id = ?", String.class, draft)).isEqualTo(terms);

        jdbc.update("update posting set status = 'WITHDRAWN', closed_at = now(), close_reason = 'WITHDRAWN' where id = ?", draft);
        assertThat(ids("q=Staplerfahrer")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from search_posting", Integer.class)).isZero();

        UUID deleted = postings.posting("Lagerist").kldb("51312").insert();
        assertThat(ids("q=Lagerist")).containsExactly(deleted);
        jdbc.update("delete from posting where id = ?", deleted);
        assertThat(jdbc.queryForObject("select count(*) from search_posting", Integer.class)).isZero();
    }

    @Test
    void every_filter_narrows_the_hits() {
        UUID member = UUID.randomUUID();
        UUID network = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000001");
        jdbc.update("""
                insert into employer_membership (partner_id, network_id, membership_id, partner_kind, status, applied_at, step_at, last_event)
                values (?, ?, ?, 'COMPANY', 'ACTIVE', now(), now(), 'test'), (?, ?, ?, 'COMPANY', 'SUSPENDED', now(), now(), 'test')""",
                member, network, UUID.randomUUID(), UUID.randomUUID(), network, UUID.randomUUID());

        UUID job = postings.posting("Mechatroniker").employer(member).insert();
        UUID apprenticeship = postings.posting("Ausbildung Mechatroniker").type("APPRENTICESHIP").kldb("26102")
                .startDate(LocalDate.now().plusMonths(8)).insert();
        UUID partTime = postings.posting("Lagerhelfer").kldb("51311").workingTime("PART_TIME").fixedTerm(true)
                .at("74172", "Neckarsulm", "08125", TestPostings.NECKARSULM).insert();
        UUID agency = postings.posting("Berufskraftfahrer").kldb("52122").temporaryAgency(true).germanLevel("B2")
                .startDate(LocalDate.now().plusDays(10)).at("26789", "Leer (Ostfriesland)", "03457", TestPostings.LEER).insert();
        UUID old = postings.posting("Altenpfleger").kldb("82102").germanLevel("C1").publishedDaysAgo(40).insert();

        assertThat(ids("type=APPRENTICESHIP")).containsExactly(apprenticeship);
        assertThat(ids("type=APPRENTICESHIP,JOB&sort=date")).containsExactlyInAnyOrder(apprenticeship, job, partTime, agency, old);
        assertThat(ids("type=INTERNSHIP")).isEmpty();
        assertThat(ids("kldb=261")).containsExactlyInAnyOrder(job, apprenticeship);
        assertThat(ids("kldb=26102")).containsExactly(apprenticeship);
        assertThat(ids("kldb=51")).containsExactly(partTime);
        assertThat(ids("kreis=08125")).containsExactly(partTime);
        assertThat(ids("kreis=08125&kreis=03457")).containsExactlyInAnyOrder(partTime, agency);
        assertThat(ids("network=" + network)).as("active members only, not the suspended one").containsExactly(job);
        assertThat(ids("network=" + UUID.randomUUID())).isEmpty();
        assertThat(ids("startFrom=" + LocalDate.now().plusMonths(6))).as("no start date = any time")
                .containsExactlyInAnyOrder(job, apprenticeship, partTime, old);
        assertThat(ids("workingTime=PART_TIME")).containsExactly(partTime);
        assertThat(ids("fixedTerm=true")).containsExactly(partTime);
        assertThat(ids("fixedTerm=false")).containsExactlyInAnyOrder(job, apprenticeship, agency, old);
        assertThat(ids("maxGermanLevel=B1")).containsExactlyInAnyOrder(job, apprenticeship, partTime);
        assertThat(ids("maxGermanLevel=B2")).containsExactlyInAnyOrder(job, apprenticeship, partTime, agency);
        assertThat(ids("withoutTemporaryAgencies=true")).containsExactlyInAnyOrder(job, apprenticeship, partTime, old);
        assertThat(ids("publishedWithinDays=30")).containsExactlyInAnyOrder(job, apprenticeship, partTime, agency);
        assertThat(ids("q=Mechatroniker&type=JOB&kreis=08121&workingTime=FULL_TIME")).containsExactly(job);
    }

    @Test
    void a_radius_around_a_postal_code_gives_distances_and_sorts_by_them() {
        UUID neckarsulm = postings.posting("Lagerhelfer Neckarsulm").kldb("51311").at("74172", "Neckarsulm", "08125", TestPostings.NECKARSULM).insert();
        UUID heilbronn = postings.posting("Lagerhelfer Heilbronn").kldb("51311").insert();
        UUID leer = postings.posting("Lagerhelfer Leer").kldb("51311").at("26789", "Leer (Ostfriesland)", "03457", TestPostings.LEER).insert();

        JsonNode near = get("postalCode=74072&radiusKm=25&sort=distance");
        assertThat(ids(near)).containsExactly(heilbronn, neckarsulm);
        assertThat(near.get("items").get(0).get("distanceKm").asDouble()).isEqualTo(0.0);
        assertThat(near.get("items").get(1).get("distanceKm").asDouble()).isBetween(5.0, 5.5); // 49.1423 → 49.1891 N
        assertThat(ids("postalCode=74072&radiusKm=4")).containsExactly(heilbronn);
        JsonNode all = get("postalCode=26789&sort=distance");
        assertThat(ids(all)).as("without radius: all, nearest first").containsExactly(leer, neckarsulm, heilbronn);
        assertThat(all.get("items").get(2).get("distanceKm").asDouble()).isBetween(468.0, 474.0); // Δφ 4.09° = 455 km, Δλ 1.75° · cos 51.2° = 122 km
        assertThat(get("q=Lagerhelfer").get("items").get(0).get("distanceKm").isNull()).as("no postal code, no distance").isTrue();
    }

    @Test
    void words_in_a_wide_circle_are_found_through_their_word_cell_pairs_exactly_as_without_a_circle() {
        UUID heilbronn = postings.posting("Berufskraftfahrer/in").description("Führerschein Klasse CE erforderlich").kldb("52122").insert();
        UUID neckarsulm = postings.posting("Lagerhelfer/in").description("Führerschein von Vorteil, Klasse B").kldb("51311")
                .at("74172", "Neckarsulm", "08125", TestPostings.NECKARSULM).insert();
        UUID leer = postings.posting("Berufskraftfahrer/in").description("Führerschein Klasse CE erforderlich").kldb("52122")
                .at("26789", "Leer (Ostfriesland)", "03457", TestPostings.LEER).insert();
        String circle = "&postalCode=74072&radiusKm=50";

        assertThat(ids("q=Fuehrerschein" + circle)).containsExactlyInAnyOrder(heilbronn, neckarsulm);
        assertThat(ids("q=Führerschein")).containsExactlyInAnyOrder(heilbronn, neckarsulm, leer);
        assertThat(ids("q=\"Klasse CE\"" + circle)).as("a phrase: AND in the index, exact on the row").containsExactly(heilbronn);
        assertThat(ids("q=\"CE Klasse\"" + circle)).as("the words, but not as this phrase").isEmpty();
        assertThat(ids("q=Führerschein -Lagerhelfer" + circle)).containsExactly(heilbronn);
        assertThat(ids("q=-Lagerhelfer" + circle)).as("only a negation: the cells stay in the index query").containsExactly(heilbronn);
        assertThat(ids("q=Lagerhelfer or Berufskraftfahrer" + circle)).containsExactlyInAnyOrder(heilbronn, neckarsulm);

        // a posting that moves takes its pairs along
        jdbc.update("update posting set postal_code = '74072', place = 'Heilbronn', kreis = '08121', latitude = ?, longitude = ?"
                + " where id = ?", TestPostings.HEILBRONN[0], TestPostings.HEILBRONN[1], leer);
        assertThat(ids("q=Fuehrerschein" + circle)).containsExactlyInAnyOrder(heilbronn, neckarsulm, leer);
    }

    @Test
    void facets_count_the_current_filter_with_titles_and_kreis_names() {
        postings.posting("Mechatroniker A").insert();
        postings.posting("Mechatroniker B").type("APPRENTICESHIP").kldb("26102").workingTime("PART_TIME").insert();
        postings.posting("Mechatroniker C").at("74172", "Neckarsulm", "08125", TestPostings.NECKARSULM).insert();
        postings.posting("Lagerhelfer").kldb("51311").insert();

        JsonNode result = get("q=Mechatroniker&facets=true&size=1");
        JsonNode facets = result.get("facets");
        assertThat(facets.get("type").toString()).isEqualTo("[{\"value\":\"JOB\",\"label\":\"Arbeitsstelle\",\"count\":2},{\"value\":\"APPRENTICESHIP\",\"label\":\"Ausbildung\",\"count\":1}]");
        assertThat(facets.get("occupationGroup").get(0).get("value").asString()).isEqualTo("261");
        assertThat(facets.get("occupationGroup").get(0).get("label").asString()).isEqualTo("Mechatronik und Automatisierungstechnik");
        assertThat(facets.get("occupationGroup").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(facets.get("kreis").toString()).contains("{\"value\":\"08121\",\"label\":\"Heilbronn\",\"count\":2}",
                "{\"value\":\"08125\",\"label\":\"Landkreis Heilbronn\",\"count\":1}");
        assertThat(facets.get("workingTime").toString()).contains("\"FULL_TIME\",\"label\":\"Vollzeit\",\"count\":2", "\"PART_TIME\",\"label\":\"Teilzeit\",\"count\":1");
        assertThat(get("q=Mechatroniker").get("facets").isNull()).as("facets on request only").isTrue();
        assertThat(get("type=INTERNSHIP&facets=true").get("facets").get("type").size()).isZero();
    }

    @Test
    void cursor_pages_neither_repeat_nor_skip_a_hit_while_postings_are_added() {
        for (String sort : List.of("date", "relevance", "distance")) {
            jdbc.update("delete from posting");
            Set<UUID> original = new HashSet<>();
            Instant sameTime = Instant.parse("2026-11-01T10:00:00Z");
            for (int i = 0; i < 23; i++) {
                // equal sort keys on purpose (same time, same text, same place): the id decides
                original.add(postings.posting("Mechatroniker").publishedAt(i % 2 == 0 ? sameTime : sameTime.plusSeconds(i)).insert());
            }
            String query = "q=Mechatroniker&postalCode=74072&radiusKm=50&size=5&sort=" + sort;
            List<UUID> seen = new ArrayList<>();
            JsonNode page = get(query);
            int pages = 1;
            while (true) {
                seen.addAll(ids(page));
                // new postings arrive between pages, before and after the reader's position
                postings.posting("Mechatroniker").publishedAt(Instant.now()).insert();
                postings.posting("Mechatroniker").publishedAt(sameTime.minusSeconds(3600)).insert();
                if (page.get("next").isNull()) {
                    break;
                }
                page = get(query + "&cursor=" + SearchClient.enc(page.get("next").asString()));
                pages++;
            }
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsAll(original);
            assertThat(pages).as(sort).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void a_changed_or_foreign_cursor_is_refused() {
        for (int i = 0; i < 3; i++) {
            postings.posting("Mechatroniker").insert();
        }
        String next = get("q=Mechatroniker&size=1").get("next").asString();
        assertThat(status("q=Mechatroniker&size=1&cursor=" + SearchClient.enc(next))).isEqualTo(200);
        assertThat(status("q=Mechatroniker&size=2&cursor=" + SearchClient.enc(next))).as("page size may change").isEqualTo(200);
        String tampered = (next.charAt(3) == 'A' ? "B" : "A");
        tampered = next.substring(0, 3) + tampered + next.substring(4);
        assertProblem("q=Mechatroniker&size=1&cursor=" + SearchClient.enc(tampered), "invalid-cursor");
        assertProblem("q=Mechatroniker&size=1&cursor=garbage", "invalid-cursor");
        assertProblem("q=Mechatroniker&size=1&cursor=" + SearchClient.enc(next.substring(0, next.indexOf('.'))), "invalid-cursor");
        assertProblem("q=Lagerhelfer&size=1&cursor=" + SearchClient.enc(next), "invalid-cursor");
        assertProblem("q=Mechatroniker&sort=date&size=1&cursor=" + SearchClient.enc(next), "invalid-cursor");
    }

    @Test
    void bad_parameters_are_400_problems() {
        assertProblem("postalCode=99999", "invalid-parameter");
        assertProblem("postalCode=7407", "invalid-parameter");
        assertProblem("radiusKm=10", "invalid-parameter");
        assertProblem("postalCode=74072&radiusKm=0", "invalid-parameter");
        assertProblem("postalCode=74072&radiusKm=201", "invalid-parameter");
        assertProblem("kldb=2", "invalid-parameter");
        assertProblem("kldb=26a", "invalid-parameter");
        assertProblem("kldb=123456", "invalid-parameter");
        assertProblem("kldb=99", "invalid-parameter");
        assertProblem("type=FREELANCE", "invalid-parameter");
        assertProblem("workingTime=SOMETIMES", "invalid-parameter");
        assertProblem("kreis=8121", "invalid-parameter");
        assertProblem("network=heilbronn", "invalid-parameter");
        assertProblem("startFrom=01.12.2026", "invalid-parameter");
        assertProblem("fixedTerm=yes", "invalid-parameter");
        assertProblem("maxGermanLevel=B3", "invalid-parameter");
        assertProblem("publishedWithinDays=0", "invalid-parameter");
        assertProblem("size=101", "invalid-parameter");
        assertProblem("size=0", "invalid-parameter");
        assertProblem("sort=price", "invalid-parameter");
        assertProblem("sort=relevance", "invalid-parameter");
        assertProblem("sort=distance", "invalid-parameter");
        assertProblem("q=" + "x".repeat(201), "invalid-parameter");
        assertThat(status("size=100")).isEqualTo(200);
        assertThat(status("q=und")).as("only a stop word: no error").isEqualTo(200);
        assertThat(status("q=" + SearchClient.enc("\"offene Klammer ( & | ! :*"))).as("websearch syntax never fails").isEqualTo(200);
    }

    @Test
    void the_page_size_is_capped_and_hits_carry_what_a_list_shows() {
        UUID employer = UUID.randomUUID();
        jdbc.update("insert into employer (partner_id, name, kind, known_since, last_event) values (?, 'Neckar Mechatronik GmbH', 'COMPANY', ?, 'test')",
                employer, Timestamp.from(Instant.now()));
        postings.posting("Mechatroniker").employer(employer).salary(3200, 3900, "MONTH").germanLevel("B1").insert();
        JsonNode hit = get("q=Mechatroniker").get("items").get(0);
        assertThat(hit.get("employerName").asString()).isEqualTo("Neckar Mechatronik GmbH");
        assertThat(hit.get("occupationGroup").asString()).isEqualTo("261");
        assertThat(hit.get("salaryMin").asInt()).isEqualTo(3200);
        assertThat(hit.get("germanLevel").asString()).isEqualTo("B1");
        assertThat(hit.has("description")).isFalse();
        assertThat(get("size=100").get("items").size()).isEqualTo(1);
    }

    // --- helpers

    private JsonNode get(String query) {
        return search.get(query);
    }

    private List<UUID> ids(String query) {
        return search.ids(query);
    }

    private static List<UUID> ids(JsonNode result) {
        return SearchClient.ids(result);
    }

    private int status(String query) {
        return search.send(query).statusCode();
    }

    private void assertProblem(String query, String slug) {
        HttpResponse<String> response = search.send(query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).as(query).contains("urn:augenhoehe:problem:" + slug);
    }
}
