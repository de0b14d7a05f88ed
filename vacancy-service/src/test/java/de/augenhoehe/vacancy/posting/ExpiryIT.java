package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.hrClient;
import static de.augenhoehe.vacancy.posting.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.vacancy.VacancyServiceApplication;

/**
 * Expiry exactly once with two instances: a second application context on the same database, both sweeping at the
 * same moment, several times. Every posting past its valid-through expires once, with one closed event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.vacancy.expiry.initial-delay=PT1H")
@RealInfrastructure(isolatedDatabase = true)
class ExpiryIT {

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired ExpirySweep sweep;
    @Autowired Environment env;

    @Test
    void postings_past_valid_through_expire_exactly_once_with_two_instances() throws Exception {
        UUID company = new Companies(kafka, jdbc).active(UUID.randomUUID());
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("externalId", "E-" + i);
            item.put("posting", Samples.posting());
            items.add(item);
        }
        var batch = new Http(port).send("POST", "/integration/v1/vacancies:batch", hrClient(company), json(Map.of("items", items.subList(0, 1000))));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        new Http(port).send("POST", "/integration/v1/vacancies:batch", hrClient(company), json(Map.of("items", items.subList(1000, 1200))));
        // 1,100 of them were valid through yesterday (set in the database: the API refuses a past date)
        jdbc.update("update posting set valid_through = current_date - 2 where employer_id = ? and external_id <> all(?)",
                company, new String[] {"E-1", "E-2", "E-3", "E-4", "E-5"});
        jdbc.update("update posting set valid_through = current_date + 1 where employer_id = ? and external_id in "
                + "(select 'E-' || g from generate_series(1100, 1199) g)", company);

        try (ConfigurableApplicationContext second = secondInstance()) {
            ExpirySweep other = second.getBean(ExpirySweep.class);
            for (int round = 0; round < 3; round++) {
                CountDownLatch go = new CountDownLatch(1);
                var a = CompletableFuture.supplyAsync(() -> await(go, sweep));
                var b = CompletableFuture.supplyAsync(() -> await(go, other));
                go.countDown();
                int expired = a.join() + b.join();
                assertThat(expired).as("round " + round).isEqualTo(round == 0 ? 1095 : 0);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from posting where employer_id = ? and status = 'EXPIRED'", Integer.class, company))
                .isEqualTo(1095);
        assertThat(jdbc.queryForObject("select count(*) from posting where employer_id = ? and status = 'PUBLISHED'", Integer.class, company))
                .isEqualTo(105);
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event o join posting p on o.event_key = p.id::text
                where p.employer_id = ? and o.event_type = 'augenhoehe.vacancy.closed.v1'""", Integer.class, company))
                .as("one closed event per expired posting").isEqualTo(1095);
        assertThat(jdbc.queryForObject("""
                select count(distinct o.event_key) from outbox_event o join posting p on o.event_key = p.id::text
                where p.employer_id = ? and o.event_type = 'augenhoehe.vacancy.closed.v1' and o.payload like '%"reason":"EXPIRED"%'""",
                Integer.class, company)).isEqualTo(1095);
    }

    private static int await(CountDownLatch go, ExpirySweep s) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return s.sweep();
    }

    /** The same service once more, on the same database and broker (what a second instance in production is). */
    private ConfigurableApplicationContext secondInstance() {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "augenhoehe.security.jwt.public-key-location", "augenhoehe.security.jwt.issuer")) {
            props.put(key, env.getRequiredProperty(key));
        }
        props.put("server.port", "0");
        props.put("augenhoehe.vacancy.expiry.initial-delay", "PT1H");
        props.put("spring.kafka.consumer.group-id", "vacancy-service-second-" + UUID.randomUUID());
        return new SpringApplicationBuilder(VacancyServiceApplication.class).properties(props).run();
    }
}
