package de.augenhoehe.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.augenhoehe.localservers.FreePorts;
import de.augenhoehe.testing.FreezableProxy;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * When it matters most — the database frozen, the broker gone — probes and metrics still answer within a second,
 * name the cause, and readiness reflects what the instance can still serve.
 */
class HealthUnderFaultsIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ONE_SECOND).build();

    @Test
    void a_frozen_database_makes_the_instance_unready_within_a_second_and_metrics_still_answer() throws Exception {
        Infrastructure infra = Infrastructure.get();
        String db = infra.createDatabase("frozen");
        URI pg = URI.create(infra.jdbcUrl(db).substring("jdbc:".length()));
        try (FreezableProxy proxy = new FreezableProxy(pg.getHost(), pg.getPort());
                ConfigurableApplicationContext app = start("jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath(),
                        infra.kafkaBootstrapServers())) {
            int port = port(app);
            assertThat(get(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);

            proxy.freeze();
            Timed readiness = timed(port, "/actuator/health/readiness", TestTokens.operations());
            assertThat(readiness.elapsed()).isLessThan(ONE_SECOND);
            assertThat(readiness.response().statusCode()).isEqualTo(503);
            assertThat(readiness.response().body()).contains("database did not answer within 800 ms");
            assertThat(timed(port, "/actuator/health/readiness", null).elapsed()).as("again, while the first check hangs").isLessThan(ONE_SECOND);
            assertThat(timed(port, "/actuator/health/liveness", null).response().statusCode()).isEqualTo(200);
            Timed metrics = timed(port, "/actuator/prometheus", TestTokens.operations());
            assertThat(metrics.elapsed()).isLessThan(ONE_SECOND);
            assertThat(metrics.response().body()).contains("augenhoehe_outbox_backlog");

            proxy.thaw();
            de.augenhoehe.testing.Eventually.await("ready again", Duration.ofSeconds(30),
                    () -> readinessStatus(port) == 200);
        }
    }

    @Test
    void without_the_broker_the_instance_stays_ready_and_operators_see_the_broker_down() throws Exception {
        Infrastructure infra = Infrastructure.get();
        String db = infra.createDatabase("nobroker");
        try (ConfigurableApplicationContext app = start(infra.jdbcUrl(db), "127.0.0.1:" + FreePorts.next())) {
            int port = port(app);
            Timed readiness = timed(port, "/actuator/health/readiness", null);
            assertThat(readiness.response().statusCode()).as("writes go on through the outbox").isEqualTo(200);
            Timed health = timed(port, "/actuator/health", TestTokens.operations());
            assertThat(health.elapsed()).isLessThan(ONE_SECOND);
            assertThat(health.response().statusCode()).isEqualTo(503);
            assertThat(health.response().body()).contains("\"kafka\":{\"details\":{\"error\":\"broker did not answer within 800 ms\"},\"status\":\"DOWN\"}");
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl, String kafka) {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", infra.postgresUser());
        props.put("spring.datasource.password", infra.postgresPassword());
        props.put("spring.datasource.hikari.connection-timeout", "5000");
        props.put("spring.kafka.bootstrap-servers", kafka);
        props.put("spring.kafka.admin.operation-timeout", "2s");
        props.put("augenhoehe.security.jwt.public-key-location", "file:" + TestTokens.publicKeyFile());
        props.put("augenhoehe.security.jwt.issuer", TestTokens.ISSUER);
        return new SpringApplicationBuilder(SampleApplication.class).properties(props).run();
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private int readinessStatus(int port) {
        try {
            return get(port, "/actuator/health/readiness", null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Timed timed(int port, String path, String token) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get(port, path, token);
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed(HttpResponse<String> response, Duration elapsed) {
    }
}
