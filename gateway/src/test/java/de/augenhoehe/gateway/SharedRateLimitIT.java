package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import de.augenhoehe.localservers.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances (two application contexts) sharing one real redis-server: a client's bucket is one bucket
 * across both; Redis gone → each instance limits from its own memory and keeps answering; Redis back → shared again.
 */
class SharedRateLimitIT {

    static final Map<String, HttpServer> SERVICES = GatewayTestSupport.echoServices();
    static final LocalRedis REDIS = new LocalRedis().start();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();
    static int a;
    static int b;

    @BeforeAll
    static void start() {
        a = gateway();
        b = gateway();
    }

    @AfterAll
    static void stop() {
        GATEWAYS.forEach(ConfigurableApplicationContext::close);
        REDIS.stop();
        SERVICES.values().forEach(s -> s.stop(0));
    }

    static int gateway() {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--augenhoehe.gateway.rate-limits.store=redis",
                "--spring.data.redis.url=" + REDIS.url(),
                "--augenhoehe.gateway.rate-limits.redis-retry=300ms",
                "--augenhoehe.gateway.rate-limits.redis-timeout=500ms",
                "--augenhoehe.gateway.rate-limits.authenticated.capacity=4",
                "--augenhoehe.gateway.rate-limits.authenticated.refill-per-second=0.01",
                "--augenhoehe.security.jwt.public-key-location=" + GatewayTestSupport.PUBLIC_PEM.toUri(),
                "--augenhoehe.security.jwt.issuer=" + GatewayTestSupport.ISSUER));
        SERVICES.forEach((name, server) -> args.add("--augenhoehe.gateway.services." + name + "=http://127.0.0.1:"
                + server.getAddress().getPort()));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
        GATEWAYS.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static String subject(String name) {
        return GatewayTestSupport.token(GatewayTestSupport.claims("coordinator").subject(name).build(), GatewayTestSupport.KEY.getPrivate());
    }

    static HttpResponse<String> get(int port, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> ops(int port) throws Exception {
        return get(port, "/ops/rate-limit-store", GatewayTestSupport.token("operations"));
    }

    @Test
    void both_instances_take_from_one_bucket_per_client() throws Exception {
        String token = subject("shared-" + System.nanoTime());
        int[] ports = {a, b, a, b};
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> ok = get(ports[i], "/api/campaigns/shared", token);
            assertThat(ok.statusCode()).as("request %d", i + 1).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("4");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
        }
        for (int port : new int[] {a, b}) {
            HttpResponse<String> refused = get(port, "/api/campaigns/shared", token);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("urn:augenhoehe:problem:rate-limited");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 101L);
            assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(refused.headers().firstValue("RateLimit-Reset")).isPresent();
        }
        // the bucket lives in Redis under a hash: neither the subject nor the token appears in any key
        try (RedisClient client = RedisClient.create(REDIS.url()); StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys("*");
            assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).matches("augenhoehe:gateway:rate-limit:[0-9a-f]{64}"));
        }
        assertThat(ops(a).body()).contains("\"store\":\"redis\"").contains("\"state\":\"UP\"");
    }

    @Test
    void without_redis_each_instance_limits_alone_and_shares_again_when_it_is_back() throws Exception {
        String token = subject("failover-" + System.nanoTime());
        assertThat(get(a, "/api/campaigns/failover", token).statusCode()).isEqualTo(200);
        REDIS.stop();
        try {
            // still answering, from each instance's own bucket (4 per instance): limited, not unlimited
            for (int port : new int[] {a, b}) {
                for (int i = 0; i < 4; i++) {
                    assertThat(get(port, "/api/campaigns/failover", token).statusCode()).as("port %d request %d", port, i + 1).isEqualTo(200);
                }
                HttpResponse<String> refused = get(port, "/api/campaigns/failover", token);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }
            assertThat(ops(a).body()).contains("\"state\":\"DOWN\"").contains("\"store\":\"redis\"");
        } finally {
            REDIS.start();
        }
        // back: a fresh, empty Redis — one shared bucket again (4 in total across both instances)
        String after = subject("recovered-" + System.nanoTime());
        // (Lettuce reconnects with a growing back-off, hence the generous wait)
        Eventually.until(Duration.ofSeconds(40), () -> {
            try {
                get(a, "/api/campaigns/probe", subject("probe-" + System.nanoTime()));
                get(b, "/api/campaigns/probe", subject("probe-" + System.nanoTime()));
                return ops(a).body().contains("\"state\":\"UP\"") && ops(b).body().contains("\"state\":\"UP\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int[] ports = {a, b, a, b};
        for (int i = 0; i < 4; i++) {
            assertThat(get(ports[i], "/api/campaigns/recovered", after).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        assertThat(get(a, "/api/campaigns/recovered", after).statusCode()).isEqualTo(429);
        assertThat(get(b, "/api/campaigns/recovered", after).statusCode()).isEqualTo(429);
    }
}
