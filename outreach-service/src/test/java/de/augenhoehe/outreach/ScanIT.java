package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class ScanIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    @Test
    void a_scan_is_counted_and_redirected_with_attribution_and_typos_are_forgiven() {
        UUID campaign = UUID.randomUUID();
        jdbc.update("insert into tracking_code (code, campaign_id) values ('K7Q2', ?)", campaign);
        var scan = get("/r/k7q2");
        assertThat(scan.statusCode()).isEqualTo(303);
        assertThat(scan.headers().firstValue("Location")).hasValue("/rueckkehr?campaign=" + campaign + "&code=K7Q2");
        get("/r/K7Q2");
        assertThat(jdbc.queryForObject("select scans from tracking_code where code = 'K7Q2'", Long.class)).isEqualTo(2);
        var unknown = get("/r/ZZZZ");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:augenhoehe:problem:unknown-code");
    }

    @Test
    void the_served_openapi_document_is_the_committed_contract() {
        de.augenhoehe.testing.OpenApiContract.assertServedMatchesCommitted(port);
    }
}
