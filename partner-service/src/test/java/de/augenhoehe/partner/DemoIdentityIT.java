package de.augenhoehe.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import de.augenhoehe.partner.networks.DemoNetworks;
import de.augenhoehe.testing.RealInfrastructure;

/** Demo mode: the documented demo accounts and the demo HR client get real tokens from the authorization server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"augenhoehe.demo.enabled=true", "augenhoehe.identity.issuer=http://demo.augenhoehe.test"})
@RealInfrastructure(isolatedDatabase = true)
class DemoIdentityIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    UUIDs ids() {
        return new UUIDs(jdbc);
    }

    record UUIDs(JdbcTemplate jdbc) {
        String partner(String name) {
            return jdbc.queryForObject("select id::text from partner where name = ?", String.class, name);
        }
    }

    @Test
    void the_demo_hr_client_gets_a_token_for_the_demo_company() {
        AuthServer as = new AuthServer(port);
        var r = as.clientCredentials("hr-demo-neckartal", "augenhoehe-demo-hr-secret");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Jwt jwt = as.decode(as.accessToken(r));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("hr_client");
        assertThat(jwt.getClaimAsString("partner_id")).isEqualTo(ids().partner("Neckartal Präzisionstechnik GmbH"));
        assertThat(jwt.getClaimAsStringList("networks")).containsExactly(DemoNetworks.HEILBRONN.toString());
    }

    @Test
    void the_demo_people_log_in_with_the_demo_password() {
        AuthServer as = new AuthServer(port);
        Jwt heilbronn = as.decode(as.accessToken(as.login("demo-koordination-heilbronn", "augenhoehe-demo")));
        assertThat(heilbronn.getClaimAsStringList("roles")).containsExactly("coordinator");
        assertThat(heilbronn.getClaimAsStringList("networks")).containsExactly(DemoNetworks.HEILBRONN.toString());
        Jwt ems = as.decode(as.accessToken(as.login("demo-koordination-ems", "augenhoehe-demo")));
        assertThat(ems.getClaimAsStringList("networks")).containsExactly(DemoNetworks.EMS_ACHSE.toString());
        Jwt admin = as.decode(as.accessToken(as.login("demo-personal-neckartal", "augenhoehe-demo")));
        assertThat(admin.getClaimAsStringList("roles")).containsExactly("partner_admin");
        assertThat(admin.getClaimAsString("partner_id")).isEqualTo(ids().partner("Neckartal Präzisionstechnik GmbH"));
        Jwt operator = as.decode(as.accessToken(as.login("demo-betrieb", "augenhoehe-demo")));
        assertThat(operator.getClaimAsStringList("roles")).containsExactly("operations");
    }
}
