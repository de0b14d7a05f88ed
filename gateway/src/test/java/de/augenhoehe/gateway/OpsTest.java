package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /ops against real HTTP servers answering like the services' actuator and dead-letter endpoints: two instances of
 * measures-service (one with its database down), a dead vacancy-service, the operator's token relayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.gateway.health-check.interval=1h")
class OpsTest {

    static final String READY = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"},\"kafka\":{\"status\":\"UP\"},\"readinessState\":{\"status\":\"UP\"}}}";
    static final String DB_DOWN = "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"},\"kafka\":{\"status\":\"UP\"},\"readinessState\":{\"status\":\"UP\"}}}";
    static final String TEXT = "text/plain;version=0.0.4;charset=utf-8";
    static final String JSON_TYPE = "application/json";
    // the gateway asks each instance only for the metrics it shows (a whole scrape is 70–130 KB); another question gets no answer here
    static final String OUTBOX_METRICS = "GET /actuator/prometheus?includedNames=augenhoehe_outbox_backlog,augenhoehe_outbox_oldest_pending_age_seconds";
    static final String CONSUMER_METRICS = "GET /actuator/prometheus?includedNames=kafka_consumer_fetch_manager_records_lag,"
            + "kafka_consumer_fetch_manager_records_lag_max,augenhoehe_events_dead_lettered";

    static final Downstream PARTNER = new Downstream("partner").answer("GET /actuator/health/readiness", 200, JSON_TYPE, READY).answer("GET /actuator/health", 200, JSON_TYPE, READY)
            .answer(OUTBOX_METRICS, 200, TEXT, """
                    # HELP augenhoehe_outbox_backlog Outbox events not yet relayed to Kafka
                    # TYPE augenhoehe_outbox_backlog gauge
                    augenhoehe_outbox_backlog 7.0
                    augenhoehe_outbox_oldest_pending_age_seconds 42.5
                    augenhoehe_events_dead_lettered_total 0.0
                    """)
            .answer(CONSUMER_METRICS, 200, TEXT, """
                    # HELP augenhoehe_outbox_backlog Outbox events not yet relayed to Kafka
                    # TYPE augenhoehe_outbox_backlog gauge
                    augenhoehe_outbox_backlog 7.0
                    augenhoehe_outbox_oldest_pending_age_seconds 42.5
                    augenhoehe_events_dead_lettered_total 0.0
                    """);
    static final Downstream MEASURES_1 = new Downstream("measures").answer("GET /actuator/health/readiness", 200, JSON_TYPE, READY).answer("GET /actuator/health", 200, JSON_TYPE, READY)
            .answer(OUTBOX_METRICS, 200, TEXT, """
                    augenhoehe_outbox_backlog 0.0
                    kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="vacancy-events",} 3.0
                    kafka_consumer_fetch_manager_records_lag_max{client_id="c-1",} 3.0
                    augenhoehe_events_dead_lettered_total 4.0
                    """)
            .answer(CONSUMER_METRICS, 200, TEXT, """
                    augenhoehe_outbox_backlog 0.0
                    kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="vacancy-events",} 3.0
                    kafka_consumer_fetch_manager_records_lag_max{client_id="c-1",} 3.0
                    augenhoehe_events_dead_lettered_total 4.0
                    """)
            .answer("GET /internal/dead-letters?limit=100", 200, JSON_TYPE, "[{\"topic\":\"vacancy-events.DLT\",\"partition\":0,\"offset\":12}]")
            .answer("POST /internal/dead-letters/vacancy-events.DLT/0/12/redrive", 202, JSON_TYPE, "{\"offset\":12,\"redrivenBy\":\"ops-1\"}");
    static final Downstream MEASURES_2 = new Downstream("measures").answer("GET /actuator/health/readiness", 503, JSON_TYPE, DB_DOWN).answer("GET /actuator/health", 503, JSON_TYPE, DB_DOWN)
            .answer(OUTBOX_METRICS, 200, TEXT, """
                    kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="1",topic="vacancy-events",} 2.0
                    kafka_consumer_fetch_manager_records_lag_max{client_id="c-2",} 2.0
                    augenhoehe_events_dead_lettered_total 1.0
                    """)
            .answer(CONSUMER_METRICS, 200, TEXT, """
                    kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="1",topic="vacancy-events",} 2.0
                    kafka_consumer_fetch_manager_records_lag_max{client_id="c-2",} 2.0
                    augenhoehe_events_dead_lettered_total 1.0
                    """);
    static final Downstream OUTREACH = new Downstream("outreach").answer("GET /actuator/health/readiness", 200, JSON_TYPE, READY).answer("GET /actuator/health", 200, JSON_TYPE, READY);
    static final int DEAD_PORT = deadPort();
    static final String OPERATOR = GatewayTestSupport.token("operations");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("augenhoehe.gateway.services.partner", PARTNER::url);
        registry.add("augenhoehe.gateway.services.measures", () -> MEASURES_1.url() + "," + MEASURES_2.url());
        registry.add("augenhoehe.gateway.services.vacancy", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("augenhoehe.gateway.services.outreach", OUTREACH::url);
        registry.add("augenhoehe.security.jwt.public-key-location", () -> GatewayTestSupport.PUBLIC_PEM.toUri().toString());
        registry.add("augenhoehe.security.jwt.issuer", () -> GatewayTestSupport.ISSUER);
    }

    static int deadPort() {
        Downstream d = new Downstream("vacancy");
        int port = d.port();
        d.close();
        return port;
    }

    @AfterAll
    static void stop() {
        List.of(PARTNER, MEASURES_1, MEASURES_2, OUTREACH).forEach(Downstream::close);
    }

    @Test
    void only_operations_staff_get_in() {
        assertThat(send(port, "GET", "/ops/health", null).statusCode()).isEqualTo(401);
        for (String role : List.of("coordinator", "partner_admin", "partner_staff", "hr_client")) {
            HttpResponse<String> r = send(port, "GET", "/ops/circuit-breakers", GatewayTestSupport.token(role));
            assertThat(r.statusCode()).as(role).isEqualTo(403);
            assertThat(r.body()).contains("urn:augenhoehe:problem:forbidden");
        }
    }

    @Test
    void health_shows_every_instance_with_database_and_kafka() {
        HttpResponse<String> r = send(port, "GET", "/ops/health", OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(r.body());
        assertThat(health.get("status").asString()).as("vacancy-service is unreachable").isEqualTo("DOWN");
        JsonNode measures = health.get("services").get("measures-service");
        assertThat(measures.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(measures.get("instances")).hasSize(2);
        assertThat(measures.get("instances").get(0).get("components").get("db").asString()).isEqualTo("UP");
        assertThat(measures.get("instances").get(1).get("status").asString()).isEqualTo("DOWN");
        assertThat(measures.get("instances").get(1).get("components").get("db").asString()).isEqualTo("DOWN");
        assertThat(measures.get("instances").get(1).get("components").get("kafka").asString()).isEqualTo("UP");
        assertThat(health.get("services").get("partner-service").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("databases").get("partner-service").asString()).isEqualTo("UP");
        assertThat(health.get("databases").get("measures-service").asString()).as("one instance still reaches it").isEqualTo("UP");
        assertThat(health.get("databases").get("vacancy-service").asString()).isEqualTo("UNKNOWN");
        assertThat(health.get("kafka").get("measures-service").asString()).isEqualTo("UP");
        JsonNode vacancy = health.get("services").get("vacancy-service").get("instances").get(0);
        assertThat(vacancy.get("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(vacancy.get("inLoadBalancer").asBoolean()).as("its health check took it out").isFalse();
        assertThat(MEASURES_2.authorizationSeen.get("GET /actuator/health")).as("the operator's token, relayed")
                .isEqualTo("Bearer " + OPERATOR);
    }

    @Test
    void circuit_breakers_outbox_and_consumers_per_service() {
        JsonNode breakers = JSON.readTree(send(port, "GET", "/ops/circuit-breakers", OPERATOR).body());
        assertThat(breakers.get("partner-service").get("state").asString()).isEqualTo("CLOSED");
        assertThat(breakers.get("partner-service").get("bulkhead").get("maxConcurrentCalls").asInt()).isEqualTo(100);
        assertThat(breakers.properties()).extracting(Map.Entry::getKey)
                .contains("partner-service", "vacancy-service", "measures-service", "outreach-service");

        JsonNode outbox = JSON.readTree(send(port, "GET", "/ops/outbox", OPERATOR).body());
        JsonNode partner = outbox.get("partner-service").get("instances").get(0);
        assertThat(partner.get("backlog").asDouble()).isEqualTo(7.0);
        assertThat(partner.get("oldestPendingAgeSeconds").asDouble()).isEqualTo(42.5);
        assertThat(outbox.get("vacancy-service").get("instances").get(0).get("error").asString()).isNotBlank();

        JsonNode consumers = JSON.readTree(send(port, "GET", "/ops/consumers", OPERATOR).body());
        JsonNode measures = consumers.get("measures-service").get("instances");
        assertThat(measures.get(0).get("lagByTopic").get("vacancy-events").asDouble()).isEqualTo(3.0);
        assertThat(measures.get(1).get("lagByTopic").get("vacancy-events").asDouble()).isEqualTo(2.0);
        assertThat(measures.get(0).get("deadLetteredSinceStart").asDouble()).isEqualTo(4.0);
        assertThat(measures.get(1).get("maxLag").asDouble()).isEqualTo(2.0);
    }

    @Test
    void the_rate_limit_store_is_this_instances_memory_by_default() {
        JsonNode store = JSON.readTree(send(port, "GET", "/ops/rate-limit-store", OPERATOR).body());
        assertThat(store.get("store").asString()).isEqualTo("memory");
        assertThat(store.get("state").asString()).isEqualTo("UP");
        assertThat(send(port, "GET", "/ops/rate-limit-store", GatewayTestSupport.token("coordinator")).statusCode()).isEqualTo(403);
    }

    @Test
    void dead_letters_are_listed_and_redriven_through_the_services_own_endpoints() {
        HttpResponse<String> list = send(port, "GET", "/ops/dead-letters/measures", OPERATOR);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("vacancy-events.DLT");
        assertThat(MEASURES_1.authorizationSeen.get("GET /internal/dead-letters?limit=100")).isEqualTo("Bearer " + OPERATOR);

        HttpResponse<String> redrive = send(port, "POST", "/ops/dead-letters/measures/vacancy-events.DLT/0/12/redrive", OPERATOR);
        assertThat(redrive.statusCode()).isEqualTo(202);
        assertThat(redrive.body()).contains("\"offset\":12");

        HttpResponse<String> unknown = send(port, "GET", "/ops/dead-letters/nothing", OPERATOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> dead = send(port, "GET", "/ops/dead-letters/vacancy", OPERATOR);
        assertThat(dead.statusCode()).isEqualTo(502);
        assertThat(dead.body()).contains("urn:augenhoehe:problem:bad-gateway");
    }
}
