package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CatalogueIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    @Test
    void the_catalogue_is_public_paged_and_ordered_by_start() {
        jdbc.update("insert into measure (id, title, type, starts_on) values (?, 'Techniktag mit der Handwerkskammer', 'TECHNOLOGY_DAY', date '2027-03-10')", UUID.randomUUID());
        jdbc.update("insert into measure (id, title, type, starts_on) values (?, 'Projekttag Ems-Achse', 'PROJECT_DAY', date '2027-02-01')", UUID.randomUUID());
        var page = get("/api/measures?size=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Projekttag Ems-Achse").doesNotContain("Techniktag");
        assertThat(get("/api/measures?size=1&page=1").body()).contains("Techniktag");
        var tooBig = get("/api/measures?size=1000");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("urn:augenhoehe:problem:validation-failed");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    /** Issue #16: a page of the catalogue says how many measures the filter finds in all, like every other list. */
    @Test
    void a_page_of_the_catalogue_tells_its_total() {
        UUID network = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into measure (id, title, type, starts_on, network_id) values (?, 'Netzwerktag', 'PROJECT_DAY', date '2027-04-01', ?)",
                    UUID.randomUUID(), network);
        }
        var page = get("/api/measures?size=2&network=" + network);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"total\":3").contains("\"size\":2");
        assertThat(get("/api/measures?size=2&page=5&network=" + network).body()).contains("\"total\":3").contains("\"items\":[]");
    }

    @Test
    void the_served_openapi_document_is_the_committed_contract() {
        de.augenhoehe.testing.OpenApiContract.assertServedMatchesCommitted(port);
    }
}
