package de.augenhoehe.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import de.augenhoehe.chaos.Metrics.Scrape;

/**
 * The conditions of infra/monitoring's alert rules, evaluated on the suite's own scrapes (every 2 s) of the fault's
 * time: was the rule's condition true, for how long, and would the rule have fired (held for its {@code for}).
 * Two shapes cover the rules a fault here touches: a gauge condition ({@code up == 0}, {@code … == 0}), held while
 * consecutive scrapes show it; and {@code increase(counter[W]) > 0}, which holds from the first increase until W after
 * the last one. {@code AlertsTest} checks each name, {@code for} and window against the rule files.
 */
final class Alerts {

    record Watch(String alert, String job, boolean seen, long heldMillis, Duration forDuration) {

        boolean fires() {
            return seen && heldMillis >= forDuration.toMillis();
        }

        Watch relabel(String name) {
            return new Watch(alert, name, seen, heldMillis, forDuration);
        }

        String describe() {
            if (!seen) {
                return alert + " " + job + ": condition not seen";
            }
            return alert + " " + job + ": seen, held " + Math.round(heldMillis / 1000.0) + " s of for " + forDuration.toSeconds()
                    + " s → " + (fires() ? "fires" : "does not fire (shorter than its for)");
        }
    }

    static final Duration INSTANCE_DOWN_FOR = Duration.ofMinutes(1);
    static final Duration READINESS_DOWN_FOR = Duration.ofMinutes(1);
    static final Duration BROKER_FOR = Duration.ofMinutes(2);
    static final Duration BROKER_WINDOW = Duration.ofMinutes(2);
    static final Duration DATABASE_FOR = Duration.ofMinutes(1);
    static final Duration DATABASE_WINDOW = Duration.ofMinutes(2);
    static final Duration RETRYING_FOR = Duration.ofMinutes(5);
    static final Duration RETRYING_WINDOW = Duration.ofMinutes(5);
    static final Duration DEAD_LETTERED_FOR = Duration.ZERO;
    static final Duration DEAD_LETTERED_WINDOW = Duration.ofMinutes(10);

    private Alerts() {
    }

    /** {@code up == 0}: the instance did not answer the scrape. */
    static Watch instanceDown(List<Scrape> scrapes, String job) {
        return gauge("InstanceDown", INSTANCE_DOWN_FOR, scrapes, job, s -> s.series() == null);
    }

    /** {@code augenhoehe_gateway_instance_ready == 0}, as the gateway reports the service's instance. */
    static Watch readinessDown(List<Scrape> scrapes, String service) {
        return gauge("ReadinessDown", READINESS_DOWN_FOR, scrapes, "gateway", s -> s.series() != null
                && s.series().entrySet().stream().anyMatch(e -> e.getKey().startsWith("augenhoehe_gateway_instance_ready{")
                        && e.getKey().contains("service=\"" + service + "\"") && e.getValue() == 0))
                .relabel(service);
    }

    /** {@code rate(augenhoehe_outbox_relay_failures_total[2m]) > 0 or max(kafka_consumer_connection_count) == 0}. */
    static Watch brokerUnreachable(List<Scrape> scrapes, String job) {
        Watch relay = increase("BrokerUnreachable", BROKER_FOR, BROKER_WINDOW, scrapes, job,
                "augenhoehe_outbox_relay_failures_total", "");
        Watch consumers = gauge("BrokerUnreachable", BROKER_FOR, scrapes, job, s -> s.series() != null
                && max(s.series(), "kafka_consumer_connection_count") == 0);
        return relay.seen() && (!consumers.seen() || relay.heldMillis() >= consumers.heldMillis()) ? relay : consumers;
    }

    static Watch databaseUnreachable(List<Scrape> scrapes, String job) {
        return increase("DatabaseUnreachable", DATABASE_FOR, DATABASE_WINDOW, scrapes, job, "hikaricp_connections_timeout_total", "");
    }

    static Watch consumerRetryingInfrastructure(List<Scrape> scrapes, String job, String topic) {
        return increase("ConsumerRetryingInfrastructure", RETRYING_FOR, RETRYING_WINDOW, scrapes, job,
                "augenhoehe_events_infrastructure_failures_total", "topic=\"" + topic + "\"");
    }

    static Watch eventsDeadLettered(List<Scrape> scrapes, String job) {
        return increase("EventsDeadLettered", DEAD_LETTERED_FOR, DEAD_LETTERED_WINDOW, scrapes, job,
                "augenhoehe_events_dead_lettered_total", "");
    }

    /** The longest run of consecutive scrapes of {@code job} in which the condition holds. */
    static Watch gauge(String alert, Duration forDuration, List<Scrape> scrapes, String job, Predicate<Scrape> condition) {
        long held = 0, runStart = -1;
        boolean seen = false;
        for (Scrape s : scrapes) {
            if (!s.job().equals(job)) {
                continue;
            }
            if (condition.test(s)) {
                seen = true;
                if (runStart < 0) {
                    runStart = s.at();
                }
                held = Math.max(held, s.at() - runStart);
            } else {
                runStart = -1;
            }
        }
        return new Watch(alert, job, seen, held, forDuration);
    }

    /**
     * {@code increase(metric{filter}[window]) > 0} summed over the job's series: true from the first scrape that shows
     * an increase until {@code window} after the last one. A counter that went down was reset (a restarted instance).
     */
    static Watch increase(String alert, Duration forDuration, Duration window, List<Scrape> scrapes, String job,
            String metric, String labelFilter) {
        Double before = null;
        long first = -1, last = -1;
        for (Scrape s : scrapes) {
            if (!s.job().equals(job) || s.series() == null) {
                continue;
            }
            double now = s.series().entrySet().stream()
                    .filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + "{") && e.getKey().contains(labelFilter))
                    .mapToDouble(Map.Entry::getValue).sum();
            if (before != null && (now > before || now < before && now > 0)) {
                if (first < 0) {
                    first = s.at();
                }
                last = s.at();
            }
            before = now;
        }
        boolean seen = first >= 0;
        return new Watch(alert, job, seen, seen ? last - first + window.toMillis() : 0, forDuration);
    }

    private static double max(Map<String, Double> series, String metric) {
        return series.entrySet().stream().filter(e -> e.getKey().startsWith(metric))
                .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
    }
}
