package de.augenhoehe.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backlog and age of the oldest pending outbox row: the first things an operator looks at when events lag. Read
 * by a background task, never by the scrape: a frozen database must not blind the metrics exactly when they are
 * needed. A reading older than {@link #STALE} is reported as a gap (NaN), which the alert rules treat as unknown.
 */
class OutboxMetrics implements MeterBinder, DisposableBean {

    static final Duration REFRESH = Duration.ofSeconds(5);
    static final Duration STALE = REFRESH.multipliedBy(4);
    /** The backlog gauge counts at most this many pending events; a larger backlog reads as this number. */
    static final int COUNTED_UP_TO = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("outbox-metrics").unstarted(task));
    private volatile Reading last = new Reading(Double.NaN, Double.NaN, Instant.EPOCH);

    OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout((int) REFRESH.toSeconds());
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("augenhoehe.outbox.backlog", this, m -> m.fresh().backlog())
                .description("Outbox events not yet relayed to Kafka (counted up to " + COUNTED_UP_TO + ")").register(registry);
        Gauge.builder("augenhoehe.outbox.oldest.pending.age", this, m -> m.fresh().oldestPendingAgeSeconds()).baseUnit("seconds")
                .description("Age of the oldest outbox event not yet relayed").register(registry);
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refresh() {
        try {
            // Counted up to a bound: a backlog of a million rows took seconds of a core to count, every 5 s, and ran into the
            // time-out (issue #21, step h); beyond the bound the age tells how far behind the relay is.
            jdbc.query("""
                    select (select count(*) from (select from outbox_pending limit ?) p),
                           coalesce(extract(epoch from now() - (select occurred_at from outbox_oldest_pending)), 0)""",
                    rs -> {
                        last = new Reading(rs.getDouble(1), rs.getDouble(2), clock.instant());
                    }, COUNTED_UP_TO);
        } catch (RuntimeException e) {
            // database unreachable: readiness reports it, the gauges show a gap once the reading is stale
        }
    }

    private Reading fresh() {
        Reading r = last;
        return r.at().isBefore(clock.instant().minus(STALE)) ? new Reading(Double.NaN, Double.NaN, r.at()) : r;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private record Reading(double backlog, double oldestPendingAgeSeconds, Instant at) {
    }
}
