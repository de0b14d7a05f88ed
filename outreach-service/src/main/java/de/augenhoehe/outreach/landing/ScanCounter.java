package de.augenhoehe.outreach.landing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.outreach.landing.TrackingCodes.Attribution;
import de.augenhoehe.platform.events.EventPublisher;

/**
 * Counts scans per code (the running total) and per time window; a window that is over is published once as
 * {@code augenhoehe.outreach.scans-counted.v1} — an aggregate, so no single scan can be told apart on Kafka.
 * Several instances may run: a window row is taken with {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class ScanCounter {

    static final String SCANS_COUNTED = "augenhoehe.outreach.scans-counted.v1";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final Duration window;
    private final Duration repeatWindow;

    ScanCounter(JdbcTemplate jdbc, EventPublisher events, @Value("${augenhoehe.outreach.scans.window:PT1H}") Duration window,
            @Value("${augenhoehe.outreach.scans.repeat-window:PT30M}") Duration repeatWindow) {
        this.jdbc = jdbc;
        this.events = events;
        this.window = window;
        this.repeatWindow = repeatWindow;
    }

    /**
     * Counts a scan unless the same visitor (a keyed hash of code, address and User-Agent) was counted within the
     * repeat window: a client that drops the cookie counts once per window too. One statement decides it, so
     * concurrent scans of one visitor on several instances count once; the total and the window rise together.
     */
    @Transactional
    void count(Attribution code, byte[] visitor) {
        Instant now = Instant.now();
        int fresh = jdbc.update("""
                insert into scan_visitor (code, visitor, seen_until) values (?, ?, ?)
                on conflict (code, visitor) do update set seen_until = excluded.seen_until where scan_visitor.seen_until <= ?""",
                code.code(), visitor, Timestamp.from(now.plus(repeatWindow)), Timestamp.from(now));
        if (fresh == 0) {
            return;
        }
        long size = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
        jdbc.update("update tracking_code set scans = scans + 1 where code = ?", code.code());
        jdbc.update("""
                insert into scan_window (code, window_start, window_end, scans) values (?, ?, ?, 1)
                on conflict (code, window_start) do update set scans = scan_window.scans + 1""",
                code.code(), Timestamp.from(start), Timestamp.from(start.plus(window)));
    }

    /** A visitor's hash goes when their window is over: the table holds at most one window of visitors. */
    @Scheduled(fixedDelayString = "${augenhoehe.outreach.scans.visitor-purge-interval:PT5M}")
    public void forgetVisitors() {
        jdbc.update("delete from scan_visitor where seen_until <= now()");
    }

    record Window(String code, Instant start, Instant end, int scans, UUID campaignId, UUID batchId, UUID networkId) {
    }

    /** Publishes the windows that are over. */
    @Scheduled(fixedDelayString = "${augenhoehe.outreach.scans.publish-interval:PT10S}")
    @Transactional
    public void publishClosedWindows() {
        List<Window> closed = jdbc.query("""
                select w.code, w.window_start, w.window_end, w.scans, t.campaign_id, t.batch_id, t.network_id
                from scan_window w join tracking_code t on t.code = w.code
                where not w.published and w.window_end <= now()
                order by w.window_end limit 500 for update of w skip locked""",
                (rs, n) -> new Window(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class)));
        for (Window w : closed) {
            jdbc.update("update scan_window set published = true where code = ? and window_start = ?", w.code(),
                    Timestamp.from(w.start()));
            if (w.networkId() == null) {
                continue; // a code issued without a campaign has no network to attribute its scans to: counted here only
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaignId", w.campaignId());
            data.put("batchId", w.batchId());
            data.put("networkId", w.networkId());
            data.put("scans", w.scans());
            data.put("windowStart", w.start().toString());
            data.put("windowEnd", w.end().toString());
            data.put("occurredAt", Instant.now().toString());
            events.publish(SCANS_COUNTED, w.campaignId().toString(), data);
        }
    }
}
