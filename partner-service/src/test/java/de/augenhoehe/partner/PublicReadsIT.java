package de.augenhoehe.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.partner.networks.DemoNetworks;
import de.augenhoehe.testing.RealInfrastructure;

/**
 * The public reads the portal makes for every visitor (#17) stay stateless although this service also runs the
 * authorization server with sessions in PostgreSQL: no session row, no cookie, only the resource server's chain.
 * A guard, not a fix: the profile of #17 found them cheap (about 3-4 ms of CPU each, less than vacancy-service's
 * search) and this keeps them so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.demo.enabled=true")
@RealInfrastructure(isolatedDatabase = true)
class PublicReadsIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_portals_reads_of_networks_create_no_session_and_set_no_cookie() throws Exception {
        String network = "/api/networks/" + DemoNetworks.HEILBRONN;
        HttpClient client = HttpClient.newHttpClient();
        long sessions = jdbc.queryForObject("select count(*) from spring_session", Long.class);
        for (String path : new String[] {"/api/networks", network, network + "/partners?size=100", network + "/balance/summary"}) {
            for (int i = 0; i < 3; i++) {
                var answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "application/json").header("X-Forwarded-For", "10.0.0." + (i + 1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(sessions);
    }
}
