package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import de.augenhoehe.testing.RealInfrastructure;

/** Without a configured key the server generates one once and keeps it: a restarted server signs and verifies alike. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.identity.issuer=" + SigningKeyIT.ISSUER)
@RealInfrastructure(isolatedDatabase = true)
class SigningKeyIT {

    static final String ISSUER = "http://keys.augenhoehe.test";

    @LocalServerPort int port;
    @Autowired Environment env;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_key_survives_a_restart_with_the_same_kid_and_old_tokens_stay_valid() {
        Api api = new Api(port);
        var p = api.send("POST", "/api/partners", coordinator("c"), "{\"name\":\"Firma " + UUID.randomUUID() + "\",\"kind\":\"COMPANY\"}");
        UUID company = Api.id(p);
        var issued = Api.json(api.send("POST", "/api/partners/" + company + "/integration-clients", partnerAdmin("a", company), "{\"name\":\"HR\"}"));
        String clientId = issued.at("/client/clientId").asString();
        String secret = issued.get("clientSecret").asString();
        AuthServer first = new AuthServer(port);
        var response = first.clientCredentials(clientId, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String oldToken = first.accessToken(response);
        String kid = first.decode(oldToken).getHeaders().get("kid").toString();
        assertThat(jdbc.queryForList("select kid from identity_signing_key", String.class)).containsExactly(kid);

        try (ConfigurableApplicationContext restarted = AnotherInstance.of(env, ISSUER)
                // as an argument: default properties lose to application.yml's server.port 8081, which may be taken
                .run("--server.port=0")) {
            AuthServer second = new AuthServer(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")));
            Jwt verified = second.decode(oldToken);
            assertThat(verified.getSubject()).isEqualTo(clientId);
            var again = second.clientCredentials(clientId, secret);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(second.decode(second.accessToken(again)).getHeaders()).containsEntry("kid", kid);
        }
        assertThat(jdbc.queryForObject("select count(*) from identity_signing_key", Integer.class)).isEqualTo(1);
    }
}
