package de.augenhoehe.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.augenhoehe.chaos.Metrics.Scrape;

class AlertsTest {

    final List<Scrape> scrapes = new ArrayList<>();

    void scrape(long second, String job, Map<String, Double> series) {
        scrapes.add(new Scrape(second * 1000, job, series));
    }

    @Test
    void anInstanceDownForFortySecondsIsSeenButDoesNotFireItsOneMinuteRule() {
        scrape(0, "vacancy-service", Map.of());
        for (int s = 2; s <= 42; s += 2) {
            scrape(s, "vacancy-service", null);
        }
        scrape(44, "vacancy-service", Map.of());
        var watch = Alerts.instanceDown(scrapes, "vacancy-service");
        assertThat(watch.seen()).isTrue();
        assertThat(watch.heldMillis()).isEqualTo(40_000);
        assertThat(watch.fires()).isFalse();
        assertThat(Alerts.instanceDown(scrapes, "gateway").seen()).isFalse();
    }

    @Test
    void anIncreaseHoldsForItsWindowAfterTheLastIncrease() {
        scrape(0, "measures-service", Map.of("hikaricp_connections_timeout_total{pool=\"HikariPool-1\"}", 0.0));
        scrape(2, "measures-service", null); // a gap: compared with the last answer
        scrape(4, "measures-service", Map.of("hikaricp_connections_timeout_total{pool=\"HikariPool-1\"}", 3.0));
        scrape(34, "measures-service", Map.of("hikaricp_connections_timeout_total{pool=\"HikariPool-1\"}", 5.0));
        var watch = Alerts.databaseUnreachable(scrapes, "measures-service");
        assertThat(watch.seen()).isTrue();
        assertThat(watch.heldMillis()).isEqualTo(30_000 + Duration.ofMinutes(2).toMillis());
        assertThat(watch.fires()).isTrue();
    }

    @Test
    void aCounterThatStaysIsNoIncreaseAndARestartIsNone() {
        scrape(0, "partner-service", Map.of("augenhoehe_events_dead_lettered_total", 2.0));
        scrape(2, "partner-service", Map.of("augenhoehe_events_dead_lettered_total", 2.0));
        scrape(4, "partner-service", Map.of("augenhoehe_events_dead_lettered_total", 0.0)); // restarted instance
        assertThat(Alerts.eventsDeadLettered(scrapes, "partner-service").seen()).isFalse();
        scrape(6, "partner-service", Map.of("augenhoehe_events_dead_lettered_total", 1.0));
        assertThat(Alerts.eventsDeadLettered(scrapes, "partner-service").fires()).isTrue();
    }

    @Test
    void theConsumerRetryRuleCountsOnlyItsTopic() {
        scrape(0, "measures-service", Map.of("augenhoehe_events_infrastructure_failures_total{topic=\"vacancy-events\"}", 0.0,
                "augenhoehe_events_infrastructure_failures_total{topic=\"partner-events\"}", 0.0));
        scrape(2, "measures-service", Map.of("augenhoehe_events_infrastructure_failures_total{topic=\"vacancy-events\"}", 0.0,
                "augenhoehe_events_infrastructure_failures_total{topic=\"partner-events\"}", 4.0));
        assertThat(Alerts.consumerRetryingInfrastructure(scrapes, "measures-service", "vacancy-events").seen()).isFalse();
        assertThat(Alerts.consumerRetryingInfrastructure(scrapes, "measures-service", "partner-events").seen()).isTrue();
    }

    @Test
    void readinessAndBrokerConditionsReadTheirGauges() {
        String ready = "augenhoehe_gateway_instance_ready{service=\"vacancy-service\",url=\"http://127.0.0.1:18082\"}";
        scrape(0, "gateway", Map.of(ready, 1.0));
        scrape(2, "gateway", Map.of(ready, 0.0));
        scrape(4, "gateway", Map.of(ready, 0.0));
        assertThat(Alerts.readinessDown(scrapes, "vacancy-service").heldMillis()).isEqualTo(2000);
        assertThat(Alerts.readinessDown(scrapes, "measures-service").seen()).isFalse();
        String connections = "kafka_consumer_connection_count{client_id=\"consumer-measures-service-1\"}";
        scrape(0, "measures-service", Map.of(connections, 3.0));
        scrape(2, "measures-service", Map.of(connections, 0.0));
        assertThat(Alerts.brokerUnreachable(scrapes, "measures-service").seen()).isTrue();
    }

    @Test
    void prometheusTextIsParsedForTheNamesAskedFor() {
        var series = Metrics.parse("""
                # HELP x
                augenhoehe_outbox_relay_failures_total 3.0
                hikaricp_connections_timeout_total{pool="HikariPool-1"} 0.0
                jvm_memory_used_bytes{area="heap"} 1.0E7
                """, Metrics.USED);
        assertThat(series).containsOnly(Map.entry("augenhoehe_outbox_relay_failures_total", 3.0),
                Map.entry("hikaricp_connections_timeout_total{pool=\"HikariPool-1\"}", 0.0));
    }

    /** The conditions here are those of infra/monitoring: same alert names, metrics, windows and for-durations. */
    @Test
    void theConditionsMatchTheRuleFiles() throws IOException {
        Path rules = Path.of("../monitoring/prometheus/rules");
        String all = Files.readString(rules.resolve("availability.rules.yml")) + Files.readString(rules.resolve("backbone.rules.yml"));
        assertRule(all, "InstanceDown", "up == 0", Alerts.INSTANCE_DOWN_FOR);
        assertRule(all, "ReadinessDown", "augenhoehe_gateway_instance_ready == 0", Alerts.READINESS_DOWN_FOR);
        assertRule(all, "BrokerUnreachable", "rate(augenhoehe_outbox_relay_failures_total[2m])) > 0", Alerts.BROKER_FOR);
        assertRule(all, "BrokerUnreachable", "max by (job, instance) (kafka_consumer_connection_count) == 0", Alerts.BROKER_FOR);
        assertRule(all, "DatabaseUnreachable", "increase(hikaricp_connections_timeout_total[2m])) > 0", Alerts.DATABASE_FOR);
        assertRule(all, "ConsumerRetryingInfrastructure", "increase(augenhoehe_events_infrastructure_failures_total[5m])) > 0",
                Alerts.RETRYING_FOR);
        assertRule(all, "EventsDeadLettered", "increase(augenhoehe_events_dead_lettered_total[10m])) > 0", Alerts.DEAD_LETTERED_FOR);
        assertThat(Alerts.BROKER_WINDOW).isEqualTo(Duration.ofMinutes(2));
        assertThat(Alerts.DATABASE_WINDOW).isEqualTo(Duration.ofMinutes(2));
        assertThat(Alerts.RETRYING_WINDOW).isEqualTo(Duration.ofMinutes(5));
        assertThat(Alerts.DEAD_LETTERED_WINDOW).isEqualTo(Duration.ofMinutes(10));
    }

    private static void assertRule(String rules, String alert, String expression, Duration forDuration) {
        Matcher m = Pattern.compile("- alert: " + alert + "\\n(.*?)(?=\\n\\s*- alert:|\\z)", Pattern.DOTALL).matcher(rules);
        assertThat(m.find()).as(alert).isTrue();
        String rule = m.group(1);
        assertThat(rule.replaceAll("\\s+", " ")).as(alert).contains(expression);
        Matcher f = Pattern.compile("\\n\\s*for: (\\d+)m").matcher(rule);
        long minutes = f.find() ? Long.parseLong(f.group(1)) : 0;
        assertThat(Duration.ofMinutes(minutes)).as(alert + " for").isEqualTo(forDuration);
    }
}
