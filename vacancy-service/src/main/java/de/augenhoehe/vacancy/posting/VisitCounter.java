package de.augenhoehe.vacancy.posting;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public counters of a published posting — views and application clicks — count a visitor ({@link Visitors}) at
 * most once per window ({@code augenhoehe.vacancy.counters.window}, default 30 minutes), also across instances: the
 * visitor's last counted time is a row of {@code posting_visit}, claimed and the counter raised in one statement.
 * Rows older than the window are deleted every window, so the table holds one window of hashes at most (twice that
 * just before a clean-up).
 */
@Component
@EnableScheduling
class VisitCounter {

    enum Kind {
        VIEW('V', "views"), APPLICATION_CLICK('C', "application_clicks");

        final String code;
        final String sql;

        Kind(char code, String column) {
            this.code = String.valueOf(code);
            // the counter column comes from this enum, never from a request
            this.sql = """
                    with target as (select id from posting where id = ? and status = 'PUBLISHED'),
                    counted as (
                        insert into posting_visit (posting_id, kind, visitor, counted_at)
                        select id, ?, ?, clock_timestamp() from target
                        on conflict (posting_id, kind, visitor) do update set counted_at = excluded.counted_at
                            where posting_visit.counted_at <= excluded.counted_at - make_interval(secs => ?)
                        returning posting_id),
                    raised as (update posting set %s = %s + 1 where id in (select posting_id from counted) returning id)
                    select count(*) from target""".formatted(column, column);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(VisitCounter.class);

    private final JdbcTemplate jdbc;
    private final Duration window;

    VisitCounter(JdbcTemplate jdbc, @Value("${augenhoehe.vacancy.counters.window:PT30M}") Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("augenhoehe.vacancy.counters.window must be positive: " + window);
        }
        this.jdbc = jdbc;
        this.window = window;
    }

    /** Counts the visitor once per window; false when the posting is not published (nothing counted). */
    boolean count(UUID posting, Kind kind, byte[] visitor) {
        Integer published = jdbc.queryForObject(kind.sql, Integer.class, posting, kind.code, visitor, window.toMillis() / 1000.0);
        return published != null && published == 1;
    }

    @Scheduled(initialDelayString = "${augenhoehe.vacancy.counters.window:PT30M}", fixedDelayString = "${augenhoehe.vacancy.counters.window:PT30M}")
    void scheduled() {
        try {
            cleanUp();
        } catch (RuntimeException e) {
            log.warn("Clean-up of counted visitors failed; the next window retries: {}", e.toString());
        }
    }

    /** Deletes the visitors whose window has passed; idempotent, so several instances may run it at once. */
    int cleanUp() {
        return jdbc.update("delete from posting_visit where counted_at < clock_timestamp() - make_interval(secs => ?)",
                window.toMillis() / 1000.0);
    }
}
