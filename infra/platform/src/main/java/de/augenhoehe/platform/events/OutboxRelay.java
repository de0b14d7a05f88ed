package de.augenhoehe.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relays committed outbox rows to Kafka, at least once and in position order per shard (so per aggregate).
 * Several instances may run: a shard is relayed under a transaction-scoped advisory lock, so no row is sent by
 * two relays at the same time and one key's rows never overtake each other. A row is marked relayed only after
 * the broker acknowledged it ({@code acks=all}); a failed batch stays pending and is sent again after a back-off.
 *
 * <p>A failed send closes the producer at once, from its callback ({@code close(Duration.ZERO)}, as Kafka advises for
 * keeping order): the records after it are failed instead of sent. Without that, a batch that expired while the broker
 * was down bumps the idempotent producer's epoch and the later batches of the same partition are still written — so
 * an earlier event, resent in the next round, landed behind later events of its key (found by {@code infra/chaos}).
 * The next round starts a new producer and resends from the first unacknowledged row.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** First key of the two-int advisory lock: 'AUGO' — keeps our locks apart from anybody else's. */
    private static final int LOCK_NAMESPACE = 0x4155474F;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private final EventsProperties.Relay settings;
    private final Counter relayed;
    private final Counter failures;
    private final Counter analyses;
    private long relayedSinceAnalyze;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean wakeUp;
    private volatile boolean running;
    private Thread thread;
    private Instant nextCleanup = Instant.EPOCH;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Supplier<Producer<String, byte[]>> producers,
            EventsProperties.Relay settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.producers = producers;
        this.settings = settings;
        this.relayed = Counter.builder("augenhoehe.outbox.relayed").description("Outbox events relayed to Kafka").register(meters);
        this.failures = Counter.builder("augenhoehe.outbox.relay.failures").description("Relay batches that failed and will be retried").register(meters);
        this.analyses = Counter.builder("augenhoehe.outbox.relay.analyses").description("Outbox analyzed after a large backlog was relayed").register(meters);
    }

    void wakeUp() {
        lock.lock();
        try {
            wakeUp = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One pass over every shard with pending rows that no other instance holds; returns how many rows were relayed.
     * The batches of all shards held are sent together and their acknowledgements awaited once: one round trip to
     * the broker per pass instead of one per shard, one transaction, and the shards' advisory locks held until its
     * commit. Only the acknowledged prefix of each shard counts as relayed, so no row overtakes an earlier one of its
     * shard (hence of its key).
     *
     * <p>No relayed row is written (issue #21, step e): a shard's cursor ({@code outbox_relay_cursor}) holds the
     * snapshot whose complete transactions' rows are relayed. A pass opens a window up to the current snapshot — the
     * rows of transactions complete now and not complete in the cursor's — and sends it in position order, a batch per
     * pass; the cursor keeps the last acknowledged position until the window is done, then moves to its snapshot. A row
     * whose transaction commits late is in the window of the snapshot that first sees it complete, whatever its
     * position (a position cursor would lose it). Same-key rows commit in position order, so they stay in order.
     */
    int relayPending() {
        Batch batch = tx.execute(status -> {
            // One probe per shard, not a scan of every pending row: with a backlog, finding the shards by "select
            // distinct shard" cost a pass more the larger the backlog was. The CASE locks only a shard with work.
            List<Integer> shards = jdbc.queryForList("""
                    select c.shard from outbox_relay_cursor c
                    where case when c.window_snapshot is not null or exists (
                                 select 1 from outbox_event e where e.shard = c.shard
                                   and e.xid >= pg_snapshot_xmin(c.relayed_snapshot)
                                   and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot))
                               then pg_try_advisory_xact_lock(?, c.shard) else false end
                    order by c.shard""",
                    Integer.class, LOCK_NAMESPACE);
            if (shards.isEmpty()) {
                return Batch.NONE; // nothing pending, or other instances relay these shards right now
            }
            // The planner cannot estimate the snapshot predicates and would compile these short statements (JIT, hundreds
            // of milliseconds per pass where the server has it).
            jdbc.execute("set local jit = off");
            List<Window> windows = windows(shards);
            List<Sent> rows = send(windows);
            long deadline = System.nanoTime() + settings.getSendTimeout().toNanos();
            Map<Integer, Progress> progress = new HashMap<>();
            int acknowledged = 0;
            boolean failed = false;
            for (int i = 0; i < rows.size(); i++) {
                Progress shard = progress.computeIfAbsent(rows.get(i).shard(), s -> new Progress());
                shard.fetched++;
                if (shard.stopped) {
                    continue;
                }
                try {
                    if (rows.get(i).ack() == null) {
                        throw new IllegalStateException("not sent: the producer was closed by an earlier failure");
                    }
                    rows.get(i).ack().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // Later rows of this shard may have been acknowledged, but counting them while an earlier one is
                    // pending would let them overtake it: keep the shard's acknowledged prefix, resend the rest.
                    if (!failed) {
                        failed = true;
                        failures.increment();
                        log.warn("Outbox relay: broker did not acknowledge event {} ({}); the rest of its shard and"
                                + " the unacknowledged rows of the others are retried later", rows.get(i).eventId(),
                                e.getClass().getSimpleName());
                    }
                    shard.stopped = true;
                    continue;
                }
                shard.acknowledged++;
                shard.lastPosition = rows.get(i).position();
                acknowledged++;
            }
            if (acknowledged < rows.size()) {
                discardProducer();
            }
            advance(windows, progress);
            return new Batch(acknowledged, acknowledged == rows.size());
        });
        if (batch == null) {
            return 0;
        }
        relayed.increment(batch.relayed());
        if (!batch.complete()) {
            throw new RelayIncomplete(batch.relayed());
        }
        return batch.relayed();
    }

    /**
     * The open window of each shard held, or a new one up to the current snapshot; a new window starts before its
     * smallest position (found by transaction id from the cursor's oldest running one, once per window; the fence
     * "offset 0" keeps the planner from walking the primary key from the table's first row instead).
     */
    private List<Window> windows(List<Integer> shards) {
        return jdbc.query(con -> {
            var select = con.prepareStatement("""
                    select c.shard, c.relayed_snapshot::text relayed,
                           coalesce(c.window_snapshot, s.now)::text window_snapshot,
                           coalesce(c.window_position, (
                             select min(w.position) - 1 from (
                               select e.position from outbox_event e where e.shard = c.shard
                                 and e.xid >= pg_snapshot_xmin(c.relayed_snapshot)
                                 and pg_visible_in_snapshot(e.xid, s.now)
                                 and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot)
                               offset 0) w)) after_position
                    from outbox_relay_cursor c, pg_current_snapshot() s(now)
                    where c.shard = any(?) order by c.shard""");
            select.setArray(1, con.createArrayOf("int4", shards.toArray()));
            return select;
        }, (rs, n) -> new Window(rs.getInt("shard"), rs.getString("relayed"),
                rs.getString("window_snapshot"), (Long) rs.getObject("after_position", Long.class)));
    }

    /**
     * Sends up to a batch of each window's rows after its acknowledged position, in position order, each as it is read;
     * stops sending at the first failure (the producer closed itself from its callback) but lists every row read. The
     * row comparison is what only the index (shard, position) can start at; with {@code position > after} the planner
     * walked the primary key through every shard's rows. Nothing sorts the pass's rows: a sort of them (up to a batch
     * per shard of 1 KB rows) spilled to temporary files while a backlog drained, and the commits of the service's
     * writers waited behind that I/O (step g). Nothing holds them either: read in chunks through a cursor and sent at
     * once, a row's bytes live in the producer's pooled buffers only — while a pass kept its rows (and the driver its
     * result) until the acknowledgements, every young collection of a draining service copied them and paused its JVM
     * for 25 – 60 ms (step h).
     */
    private List<Sent> send(List<Window> windows) {
        List<Window> open = windows.stream().filter(w -> w.after() != null).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        Producer<String, byte[]> current = producer();
        AtomicBoolean failed = new AtomicBoolean();
        List<Sent> rows = new ArrayList<>();
        Map<Integer, Long> lastPositions = new HashMap<>();
        jdbc.query(con -> {
            var select = con.prepareStatement("""
                    select o.shard, o.position, o.event_id, o.topic, o.event_key, o.event_type, o.source, o.occurred_at,
                           o.payload, o.traceparent
                    from unnest(?::int[], ?::text[], ?::text[], ?::int8[]) w(shard, relayed, upto, after) cross join lateral (
                      select * from outbox_event e where e.shard = w.shard and (e.shard, e.position) > (w.shard, w.after)
                        and pg_visible_in_snapshot(e.xid, w.upto::pg_snapshot)
                        and not pg_visible_in_snapshot(e.xid, w.relayed::pg_snapshot)
                      order by e.position limit ?) o""");
            select.setArray(1, con.createArrayOf("int4", open.stream().map(Window::shard).toArray()));
            select.setArray(2, con.createArrayOf("text", open.stream().map(Window::relayed).toArray()));
            select.setArray(3, con.createArrayOf("text", open.stream().map(Window::upto).toArray()));
            select.setArray(4, con.createArrayOf("int8", open.stream().map(Window::after).toArray()));
            select.setInt(5, settings.getBatchSize());
            select.setFetchSize(FETCH_SIZE);
            return select;
        }, (ResultSet row) -> {
            int shard = row.getInt("shard");
            long position = row.getLong("position");
            Long previous = lastPositions.put(shard, position);
            if (previous != null && previous > position) {
                // the acknowledged prefix of a shard must be a prefix by position; fail the pass rather than reorder
                throw new IllegalStateException("outbox rows of shard " + shard + " not in position order");
            }
            Future<RecordMetadata> ack = null;
            if (!failed.get()) {
                try {
                    ack = current.send(toRecord(row), (metadata, e) -> {
                        if (e != null && failed.compareAndSet(false, true)) {
                            current.close(Duration.ZERO); // from the callback: fails what follows, sends none of it
                        }
                    });
                } catch (RuntimeException e) {
                    failed.set(true); // closed by an earlier failure of this round: the rest waits for the next
                }
            }
            rows.add(new Sent(shard, position, row.getString("event_id"), ack));
        });
        if (!failed.get() && !rows.isEmpty()) {
            current.flush();
        }
        return rows;
    }

    /** Rows the driver holds at a time while a pass reads its windows. */
    private static final int FETCH_SIZE = 500;

    /** A row of a pass: what its acknowledgement needs; {@code ack} null when it was not sent. */
    private record Sent(int shard, long position, String eventId, Future<RecordMetadata> ack) {
    }

    /**
     * Moves each shard's cursor over its acknowledged prefix, in the transaction that holds the shard's lock: a window
     * sent to its end (fewer rows than a batch, all acknowledged) becomes the relayed snapshot; a window sent in part
     * keeps its last acknowledged position. A shard with nothing acknowledged keeps its cursor as it was.
     */
    private void advance(List<Window> windows, Map<Integer, Progress> progress) {
        List<Object[]> cursors = new ArrayList<>();
        for (Window w : windows) {
            Progress p = progress.getOrDefault(w.shard(), new Progress());
            if (w.after() == null || (!p.stopped && p.fetched < settings.getBatchSize())) {
                cursors.add(new Object[] {w.shard(), w.upto(), null, null}); // the window is done
            } else if (p.acknowledged > 0) {
                cursors.add(new Object[] {w.shard(), w.relayed(), w.upto(), p.lastPosition});
            }
        }
        if (cursors.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var update = con.prepareStatement("""
                    update outbox_relay_cursor c
                    set relayed_snapshot = u.relayed::pg_snapshot, window_snapshot = u.upto::pg_snapshot,
                        window_position = u.after
                    from unnest(?::int[], ?::text[], ?::text[], ?::int8[]) u(shard, relayed, upto, after)
                    where c.shard = u.shard""");
            for (int column = 0; column < 4; column++) {
                int c = column;
                update.setArray(c + 1, con.createArrayOf(new String[] {"int4", "text", "text", "int8"}[c],
                        cursors.stream().map(row -> row[c]).toArray()));
            }
            return update;
        });
    }

    /** A shard's window: rows complete in {@code upto} and not in {@code relayed}, after position {@code after}. */
    private record Window(int shard, String relayed, String upto, Long after) {
    }

    private static final class Progress {
        int fetched;
        int acknowledged;
        long lastPosition;
        boolean stopped;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** After a failed round: nothing of it may still reach the broker behind the resent rows. */
    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private record Batch(int relayed, boolean complete) {
        static final Batch NONE = new Batch(0, true);
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        String key = row.getString("event_key");
        Instant occurredAt = row.getTimestamp("occurred_at").toInstant();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"), null,
                occurredAt.toEpochMilli(), key, row.getString("payload").getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), row.getString("event_id"), row.getString("source"),
                row.getString("event_type"), key, occurredAt, row.getString("traceparent"));
        return record;
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                int n = relayPending();
                relayedSinceAnalyze += n;
                if (n < settings.getBatchSize()) {
                    // not while a backlog drains: the cleanup's reads and deletes would slow the service's own commits
                    cleanupIfDue();
                    analyzeIfDue();
                }
                backoff = 0;
                if (n == 0) {
                    await(settings.getPollInterval().toMillis());
                }
            } catch (RelayIncomplete e) {
                backoff = nextBackoff(backoff);
                await(backoff);
            } catch (RuntimeException e) {
                failures.increment();
                backoff = nextBackoff(backoff);
                if (running) {
                    log.warn("Outbox relay failed ({}), next try in {} ms", e.toString(), backoff);
                }
                await(backoff);
            }
        }
    }

    private long nextBackoff(long current) {
        return Math.min(settings.getMaxBackoff().toMillis(), current == 0 ? 100 : current * 2);
    }

    /**
     * Fresh statistics once a large backlog is relayed (EventsProperties.Relay#analyzeAfter): a sample of the table,
     * well under a second for a million rows; the new statistics replace the plans the relay's statements kept.
     */
    void analyzeIfDue() {
        long after = settings.getAnalyzeAfter();
        if (after <= 0 || relayedSinceAnalyze < after) {
            return;
        }
        long rows = relayedSinceAnalyze;
        relayedSinceAnalyze = 0;
        try {
            jdbc.execute("analyze outbox_event");
            analyses.increment();
            log.info("Outbox analyzed after {} events were relayed", rows);
        } catch (DataAccessException e) {
            log.warn("Outbox relay: analyzing the outbox after {} relayed events failed ({})", rows, e.toString());
        }
    }

    /** Deletes relayed rows older than the retention, at most once a minute (pending rows stay, whatever their age). */
    void cleanupIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plusSeconds(60);
        Timestamp before = Timestamp.from(now.minus(settings.getRetention()));
        // The oldest row by position (the primary key: one index probe) says whether anything can be old enough; the
        // BRIN index on occurred_at cannot skip the block ranges of rows written since the last vacuum, so without this
        // probe the delete read every row of a fresh backlog (a gigabyte for a million events) to find none.
        Timestamp oldest = jdbc.query("select occurred_at from outbox_event order by position limit 1",
                rs -> rs.next() ? rs.getTimestamp(1) : null);
        if (oldest == null || !oldest.before(before)) {
            return;
        }
        jdbc.update("""
                delete from outbox_event where position in (
                  select position from outbox_relayed where occurred_at < ? limit 10000)""", before);
    }

    private void await(long millis) {
        lock.lock();
        try {
            if (!wakeUp && running) {
                work.await(millis, TimeUnit.MILLISECONDS);
            }
            wakeUp = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(settings.getSendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null && (thread == null || !thread.isAlive())) {
            producer.close(settings.getSendTimeout());
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the producer and the data source, after the web server stopped taking writes.
        return Integer.MAX_VALUE - 1000;
    }

    /** The acknowledged prefix is committed; this tells the loop to back off before the rest. */
    private static final class RelayIncomplete extends RuntimeException {
        RelayIncomplete(int relayed) {
            super(relayed + " relayed before the broker stopped acknowledging", null, false, false);
        }
    }
}
