package de.augenhoehe.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TopicRecords;

/**
 * The consumer's own database refuses connections for longer than all retries of a poison event take: the valid
 * event that arrives meanwhile is not dead-lettered but applied once the database is back, without a person.
 */
@SpringBootTest(properties = {
        "spring.datasource.hikari.connection-timeout=500",
        "augenhoehe.events.consumer.infrastructure-max-backoff=500ms"})
@RealInfrastructure(isolatedDatabase = true)
class ConsumerOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SampleApplication.Widgets widgets;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> deadLetterTemplate;

    @Test
    void a_valid_event_waits_out_an_outage_of_the_consumers_database_and_is_applied_after_it() throws Exception {
        UUID before = UUID.randomUUID();
        widgets.rename(before, "vorher", false);
        Eventually.await("the first rename applied", WAIT, () -> applied(before) == 1);
        ConsumerRecord<String, byte[]> template = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events",
                rs -> rs.stream().anyMatch(r -> before.toString().equals(r.key())), WAIT).stream()
                .filter(r -> before.toString().equals(r.key())).findFirst().orElseThrow();
        String database = jdbc.queryForObject("select current_database()", String.class);

        UUID during = UUID.randomUUID();
        refuseConnections(database, true);
        try {
            deadLetterTemplate.send(renamed(template, during, "während des Ausfalls")).get();
            // The poison budget (2 retries, 50–200 ms, 0.5 s per connection attempt) is spent several times over.
            Thread.sleep(6_000);
            assertThat(TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events.DLT", rs -> false, Duration.ofSeconds(2)))
                    .as("no valid event dead-lettered during the outage").noneMatch(r -> during.toString().equals(r.key()));
        } finally {
            refuseConnections(database, false);
        }
        Eventually.await("the event applied once the database is back", WAIT, () -> appliedOnceReachable(during) == 1);
        assertThat(TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "sample-events.DLT", rs -> false, Duration.ofSeconds(2)))
                .noneMatch(r -> during.toString().equals(r.key()));
    }

    /** A record as the producer would send it for another widget: same envelope, new id, subject and data. */
    private static ProducerRecord<String, byte[]> renamed(ConsumerRecord<String, byte[]> template, UUID widget, String name) {
        String data = "{\"widgetId\":\"" + widget + "\",\"name\":\"" + name + "\"}";
        var record = new ProducerRecord<>("sample-events", widget.toString(), data.getBytes(StandardCharsets.UTF_8));
        template.headers().forEach(h -> {
            switch (h.key()) {
                case "ce_id" -> record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                case "ce_subject" -> record.headers().add("ce_subject", widget.toString().getBytes(StandardCharsets.UTF_8));
                default -> record.headers().add(h);
            }
        });
        return record;
    }

    /** As a crashed or fenced-off database server looks to the service: open connections dropped, new ones refused. */
    private static void refuseConnections(String database, boolean refuse) throws Exception {
        Infrastructure infra = Infrastructure.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.postgresUser(), infra.postgresPassword());
                Statement s = c.createStatement()) {
            s.execute("alter database " + database + " allow_connections " + !refuse);
            if (refuse) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            }
        }
    }

    /** The test's own pool needs a moment after the outage, like the service's. */
    private int appliedOnceReachable(UUID id) {
        try {
            return applied(id);
        } catch (org.springframework.dao.DataAccessException stillReconnecting) {
            return -1;
        }
    }

    private int applied(UUID id) {
        return jdbc.queryForObject("select count(*) from applied_change where widget_id = ?", Integer.class, id.toString());
    }
}
