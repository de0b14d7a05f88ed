package de.augenhoehe.vacancy.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/** The demo subset loaded at start-up into the empty tables, the public reads and the operator's import. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.reference-data.directory=src/test/resources/reference-data/import")
@RealInfrastructure(isolatedDatabase = true)
class ReferenceDataEndpointsIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_demo_subset_covers_both_regions_after_start_up() {
        assertThat(jdbc.queryForList("select distinct kreis_code from postal_code where kreis_code is not null order by 1", String.class))
                .containsExactly("03402", "03452", "03454", "03456", "03457", "03462", "08121", "08125");
        assertThat(jdbc.queryForList("select distinct level from occupation order by 1", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(jdbc.queryForObject("select count(*) from occupation", Integer.class)).isGreaterThanOrEqualTo(36);
        for (String code : new String[] {"74072", "74074", "74076", "74172", "26789", "26871", "49716", "48529", "26603", "26721", "26409"}) {
            assertThat(get("/api/vacancies/reference/postal-codes/" + code).statusCode()).as(code).isEqualTo(200);
        }
    }

    @Test
    void a_postal_code_is_read_publicly_with_404_for_unknown_and_400_for_malformed() {
        HttpResponse<String> heilbronn = get("/api/vacancies/reference/postal-codes/74072");
        assertThat(heilbronn.statusCode()).isEqualTo(200);
        assertThat(heilbronn.body()).contains("\"place\":\"Heilbronn\"", "\"kreisCode\":\"08121\"", "\"landCode\":\"08\"",
                "\"latitude\":49.1423", "\"longitude\":9.2234");
        assertThat(get("/api/vacancies/reference/postal-codes/74172").body()).contains("Neckarsulm", "08125");
        HttpResponse<String> unknown = get("/api/vacancies/reference/postal-codes/00000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:augenhoehe:problem:not-found");
        HttpResponse<String> malformed = get("/api/vacancies/reference/postal-codes/7407x");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("urn:augenhoehe:problem:invalid-parameter");
    }

    @Test
    void an_occupation_is_read_by_key_and_searched_by_prefix_in_pages() {
        HttpResponse<String> mechatronics = get("/api/vacancies/reference/occupations/26112");
        assertThat(mechatronics.statusCode()).isEqualTo(200);
        assertThat(mechatronics.body()).contains("\"level\":5", "Mechatronik");
        assertThat(get("/api/vacancies/reference/occupations/99999").statusCode()).isEqualTo(404);
        assertThat(get("/api/vacancies/reference/occupations/123456").statusCode()).isEqualTo(400);
        assertThat(get("/api/vacancies/reference/occupations/26a").statusCode()).isEqualTo(400);

        HttpResponse<String> page1 = get("/api/vacancies/reference/occupations?prefix=261&limit=2");
        assertThat(page1.statusCode()).isEqualTo(200);
        assertThat(page1.body()).contains("\"key\":\"261\"", "\"key\":\"2610\"", "\"next\":\"2610\"");
        HttpResponse<String> page2 = get("/api/vacancies/reference/occupations?prefix=261&limit=2&after=2610");
        assertThat(page2.body()).contains("\"key\":\"26102\"", "\"key\":\"2611\"").doesNotContain("\"key\":\"2610\"");
        assertThat(get("/api/vacancies/reference/occupations?prefix=261&level=5&limit=200").body())
                .contains("26102", "26112", "26113", "26114", "\"next\":null").doesNotContain("\"key\":\"2611\"");
        assertThat(get("/api/vacancies/reference/occupations?prefix=261&limit=201").statusCode()).isEqualTo(400);
        assertThat(get("/api/vacancies/reference/occupations?prefix=x").statusCode()).isEqualTo(400);
        assertThat(get("/api/vacancies/reference/occupations?prefix=7").body()).contains("\"items\":[]");
    }

    @Test
    void the_import_endpoint_is_for_operations_and_reads_the_configured_directory() {
        TestHttp http = new TestHttp(port);
        assertThat(http.send("POST", "/internal/reference-data/import", null, null).statusCode()).isEqualTo(401);
        String coordinator = TestTokens.subject("c").roles("coordinator").sign();
        assertThat(http.send("POST", "/internal/reference-data/import", coordinator, null).statusCode()).isEqualTo(403);
        HttpResponse<String> done = http.send("POST", "/internal/reference-data/import", TestTokens.operations(), null);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"dataset\":\"postal codes\"", "\"dataset\":\"occupations\"", "\"rowsRead\":8", "\"rowsRead\":7");
        assertThat(get("/api/vacancies/reference/occupations/01104").statusCode()).isEqualTo(200);
        assertThat(get("/api/vacancies/reference/postal-codes/87491").body()).contains("\"kreisCode\":null");
    }

    private HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }
}
