package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import de.augenhoehe.gateway.routing.DownstreamInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two real instances of partner-service behind one route: round robin, and a killed instance is taken out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.gateway.health-check.interval=300ms", "augenhoehe.gateway.rate-limits.enabled=false"})
class LoadBalancingTest {

    static final Downstream FIRST = new Downstream("partner");
    static final Downstream SECOND = new Downstream("partner");
    static final List<Downstream> OTHERS = List.of(new Downstream("vacancy"), new Downstream("measures"), new Downstream("outreach"));
    static final String TOKEN = GatewayTestSupport.token("coordinator");

    @LocalServerPort int port;
    @Autowired DownstreamInstances instances;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // two base URLs, comma-separated (with a stray space and trailing slash, as people write them)
        registry.add("augenhoehe.gateway.services.partner", () -> FIRST.url() + ", " + SECOND.url() + "/");
        OTHERS.forEach(d -> registry.add("augenhoehe.gateway.services." + d.name, d::url));
        registry.add("augenhoehe.security.jwt.public-key-location", () -> GatewayTestSupport.PUBLIC_PEM.toUri().toString());
        registry.add("augenhoehe.security.jwt.issuer", () -> GatewayTestSupport.ISSUER);
    }

    @AfterAll
    static void stop() {
        FIRST.close();
        SECOND.close();
        OTHERS.forEach(Downstream::close);
    }

    @Test
    void calls_are_spread_over_the_instances_and_a_dead_one_is_taken_out() {
        for (int i = 0; i < 10; i++) {
            assertThat(send(port, "GET", "/api/partners/" + i, TOKEN).statusCode()).isEqualTo(200);
        }
        assertThat(FIRST.hits("GET")).as("round robin").isEqualTo(5);
        assertThat(SECOND.hits("GET")).isEqualTo(5);

        SECOND.close();
        // before the health check notices: a GET that meets the dead instance is retried on the live one
        for (int i = 0; i < 6; i++) {
            assertThat(send(port, "GET", "/api/partners/" + i, TOKEN).statusCode()).as("GET " + i).isEqualTo(200);
        }
        Eventually.until(Duration.ofSeconds(5), () -> instances.healthy("partner-service").size() == 1);
        FIRST.resetHits();
        for (int i = 0; i < 10; i++) {
            assertThat(send(port, "POST", "/api/partners", TOKEN).statusCode()).as("POST " + i).isEqualTo(200);
            assertThat(send(port, "GET", "/api/partners/" + i, TOKEN).statusCode()).as("GET " + i).isEqualTo(200);
        }
        assertThat(FIRST.hits("POST")).as("every POST went to the live instance, none was lost or repeated").isEqualTo(10);
        assertThat(FIRST.hits("GET")).isEqualTo(10);
    }
}
