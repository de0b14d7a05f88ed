package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An instance killed between two health checks (issue #20, several instances): a call of any method whose connection
 * it refuses reached nothing, so the gateway sends it to the next instance — a login or a write is not failed because
 * the load balancer did not yet know. Once connected, only idempotent methods are retried (RoutingTest, ResilienceTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.gateway.health-check.interval=1h", "augenhoehe.gateway.rate-limits.enabled=false"})
class ConnectRetryTest {

    static final Downstream LIVE = new Downstream("partner");
    static final Downstream KILLED = new Downstream("partner");
    static final List<Downstream> OTHERS = List.of(new Downstream("vacancy"), new Downstream("measures"), new Downstream("outreach"));
    static final String TOKEN = GatewayTestSupport.token("coordinator");

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("augenhoehe.gateway.services.partner", () -> LIVE.url() + "," + KILLED.url());
        OTHERS.forEach(d -> registry.add("augenhoehe.gateway.services." + d.name, d::url));
        registry.add("augenhoehe.security.jwt.public-key-location", () -> GatewayTestSupport.PUBLIC_PEM.toUri().toString());
        registry.add("augenhoehe.security.jwt.issuer", () -> GatewayTestSupport.ISSUER);
    }

    @AfterAll
    static void stop() {
        LIVE.close();
        OTHERS.forEach(Downstream::close);
    }

    /**
     * The authorization server builds its redirects (to the login form, back to the authorization endpoint) from the
     * Host it is called with: the gateway's, so that every step of a login comes back through the gateway and may be
     * served by any instance — not the address of the one instance that served the previous step (a login failed when
     * that instance was killed, found by infra/chaos with --instances 2).
     */
    @Test
    void partner_service_is_called_with_the_gateway_host() {
        LIVE.resetHits();
        send(port, "GET", "/oauth2/authorize?client_id=x", null);
        String host = LIVE.hits("GET") > 0 ? LIVE.lastHost() : KILLED.lastHost();
        assertThat(host).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void a_post_refused_by_a_dead_instance_goes_to_the_live_one_once() {
        assertThat(send(port, "GET", "/api/partners/1", TOKEN).statusCode()).isEqualTo(200);
        KILLED.close(); // its port refuses connections; the next health check is an hour away
        LIVE.resetHits();
        for (int i = 0; i < 8; i++) {
            assertThat(send(port, "POST", "/api/partners", TOKEN).statusCode()).as("POST " + i).isEqualTo(200);
        }
        assertThat(LIVE.hits("POST")).as("every POST reached the live instance exactly once").isEqualTo(8);
    }
}
