package de.augenhoehe.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

/** Backlog and age of the oldest pending outbox row: the first things an operator looks at when events lag. */
class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("augenhoehe.outbox.backlog", this::backlog)
                .description("Outbox events not yet relayed to Kafka").register(registry);
        Gauge.builder("augenhoehe.outbox.oldest.pending.age", this::oldestPendingAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest outbox event not yet relayed").register(registry);
    }

    double backlog() {
        return query("select count(*) from outbox_event where published_at is null");
    }

    double oldestPendingAgeSeconds() {
        return query("""
                select coalesce(extract(epoch from now() - min(occurred_at)), 0)
                from outbox_event where published_at is null""");
    }

    private double query(String sql) {
        try {
            Number n = jdbc.queryForObject(sql, Number.class);
            return n == null ? 0 : n.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN; // database unreachable: readiness reports it, the gauge shows a gap
        }
    }
}
