package de.augenhoehe.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;

/**
 * Never more confirmed places than capacity, whatever the load: 500 registrations at once at a measure with 50
 * places, spread over two instances of the service on one database, as in production behind the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.measures.registrations.hold-sweep.initial-delay=PT0.2S", "augenhoehe.measures.registrations.hold-sweep.interval=PT0.2S"})
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationLoadIT {

    private static final Logger log = LoggerFactory.getLogger(RegistrationLoadIT.class);
    static final int REQUESTS = 500;
    static final int CAPACITY = 50;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment env;
    ConfigurableApplicationContext second;

    /** The second instance: the same application against the same database and broker, on its own port. */
    @BeforeAll
    void start_a_second_instance() {
        List<String> shared = List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "augenhoehe.security.jwt.public-key-location", "augenhoehe.security.jwt.issuer",
                "augenhoehe.events.validate-against-schema");
        Map<String, Object> props = new HashMap<>();
        shared.forEach(p -> props.put(p, env.getRequiredProperty(p)));
        // above application.yml (defaults would be below it): a free port, the test's mail server and sweep interval
        Map<String, Object> overriding = new HashMap<>(Mailbox.properties());
        overriding.put("server.port", "0");
        List.of("augenhoehe.measures.registrations.hold-sweep.initial-delay", "augenhoehe.measures.registrations.hold-sweep.interval")
                .forEach(p -> overriding.put(p, env.getRequiredProperty(p)));
        second = new SpringApplicationBuilder(MeasuresServiceApplication.class).properties(props)
                .run(overriding.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @AfterAll
    void stop_it() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void five_hundred_concurrent_registrations_on_two_instances_confirm_exactly_the_capacity() throws Exception {
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        assertThat(secondPort).isNotEqualTo(port);
        UUID measure = Registering.openMeasure(jdbc, CAPACITY);
        List<Registering> instances = List.of(new Registering(port), new Registering(secondPort));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        Instant began;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                Registering target = instances.get(i % 2);
                String body = Registering.body(measure, "Teilnehmer " + i, "t" + i + "@example.org", null, null);
                futures.add(pool.submit(() -> {
                    start.await();
                    return target.register(body, "load-" + measure + "-" + body.hashCode());
                }));
            }
            began = Instant.now();
            start.countDown();
        }
        Duration took = Duration.between(began, Instant.now());
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var f : futures) {
            answers.add(f.get());
        }

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        Map<String, Long> byOutcome = answers.stream().filter(a -> a.statusCode() == 201)
                .collect(Collectors.groupingBy(a -> Registering.json(a).get("status").asString(), Collectors.counting()));
        log.info("{} concurrent registrations on two instances in {} ms: HTTP {}, {}", REQUESTS, took.toMillis(), byStatus, byOutcome);

        assertThat(byStatus).as("every registration answered 201, none 5xx").isEqualTo(Map.of(201, (long) REQUESTS));
        assertThat(byOutcome).isEqualTo(Map.of("CONFIRMED", (long) CAPACITY, "WAITLISTED", (long) (REQUESTS - CAPACITY)));
        // the waiting list is a proper order: positions 1..450, each once
        assertThat(answers.stream().map(Registering::json).filter(j -> j.get("status").asString().equals("WAITLISTED"))
                .map(j -> j.get("waitlistPosition").asInt()).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, REQUESTS - CAPACITY).boxed().toList());
        // and the database agrees
        assertThat(jdbc.queryForObject("select count(*) from registration where measure_id = ? and status = 'CONFIRMED'", Integer.class, measure))
                .isEqualTo(CAPACITY);
        assertThat(jdbc.queryForObject("select count(*) from registration where measure_id = ? and status = 'WAITLISTED'", Integer.class, measure))
                .isEqualTo(REQUESTS - CAPACITY);
        assertThat(jdbc.queryForMap("select confirmed_places, status from measure where id = ?", measure))
                .containsEntry("confirmed_places", CAPACITY).containsEntry("status", "FULL");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_key = ?", Integer.class, measure.toString()))
                .isEqualTo(REQUESTS);
        Eventually.await("every event relayed", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from outbox_pending where event_key = ?", Integer.class, measure.toString()) == 0);
    }

    @Test
    void retries_with_one_idempotency_key_racing_on_both_instances_are_one_registration() throws Exception {
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        UUID measure = Registering.openMeasure(jdbc, CAPACITY);
        int keys = 20;
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < keys; k++) {
                String key = "race-" + measure + "-" + k;
                String body = Registering.body(measure, "Doppelt " + k, "d" + k + "@example.org", null, null);
                for (Registering target : List.of(new Registering(port), new Registering(secondPort))) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return target.register(body, key);
                    }));
                }
            }
            start.countDown();
        }
        for (int k = 0; k < keys; k++) {
            var a = futures.get(2 * k).get();
            var b = futures.get(2 * k + 1).get();
            assertThat(List.of(a.statusCode(), b.statusCode())).as(a.body() + b.body()).containsExactlyInAnyOrder(201, 200);
            assertThat(Registering.json(a).get("id").asString()).isEqualTo(Registering.json(b).get("id").asString());
        }
        assertThat(jdbc.queryForObject("select count(*) from registration where measure_id = ?", Integer.class, measure)).isEqualTo(keys);
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(keys);
    }

    /**
     * Holds running out while registrations and the hold sweeps of both instances race: each expired hold is released
     * exactly once (one cancelled event), the waiting list fills the places, never more confirmed than capacity.
     */
    @Test
    void expired_holds_are_released_exactly_once_by_sweeps_on_both_instances_while_registrations_race() throws Exception {
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        UUID measure = Registering.openMeasure(jdbc, 20);
        List<Registering> instances = List.of(new Registering(port), new Registering(secondPort));
        registerAtOnce(measure, instances, "vorher", 40);
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(20);

        // every other registration never confirms: its hold runs out, for places held and for places on the waiting list
        int expiring = jdbc.update("update registration set hold_until = now() - interval '1 second' where measure_id = ? and seq % 2 = 0", measure);
        registerAtOnce(measure, instances, "waehrend", 40); // while both instances sweep every 200 ms
        Eventually.await("every expired hold released", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from registration where measure_id = ? and status <> 'CANCELLED' and hold_until <= now()",
                Integer.class, measure) == 0);

        assertThat(jdbc.queryForObject("select count(*) from registration where measure_id = ? and cancelled_by = 'HOLD_EXPIRED'",
                Integer.class, measure)).isEqualTo(expiring);
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event where event_key = ? and event_type = 'augenhoehe.measures.registration-cancelled.v1'""",
                Integer.class, measure.toString())).as("one cancelled event per released registration").isEqualTo(expiring);
        assertThat(jdbc.queryForObject("""
                select count(*) from (select payload::json ->> 'registrationId' from outbox_event
                where event_key = ? and event_type = 'augenhoehe.measures.registration-cancelled.v1' group by 1 having count(*) > 1) twice""",
                Integer.class, measure.toString())).isZero();
        // the places are full again from the waiting list, and the count is what the registrations say
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(20);
        assertThat(jdbc.queryForObject("select sum(places) from registration where measure_id = ? and status = 'CONFIRMED'",
                Integer.class, measure)).isEqualTo(20);
    }

    private static void registerAtOnce(UUID measure, List<Registering> instances, String prefix, int n) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                Registering target = instances.get(i % 2);
                String body = Registering.body(measure, "Teilnehmer " + i, prefix + i + "-" + measure + "@example.org", null, null);
                futures.add(pool.submit(() -> {
                    start.await();
                    return target.register(body, null);
                }));
            }
            start.countDown();
        }
        for (var f : futures) {
            assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(201);
        }
    }
}
