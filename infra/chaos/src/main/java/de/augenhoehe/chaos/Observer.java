package de.augenhoehe.chaos;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import de.augenhoehe.chaos.Ledger.Snapshot;
import de.augenhoehe.chaos.Observed.Applied;
import de.augenhoehe.chaos.Observed.Event;
import de.augenhoehe.chaos.Observed.Row;

/**
 * Reads every source as an operator could: the owning database and the read models with plain SQL as the database
 * superuser (loopback, the embedded server's trust login), the topic with a consumer of its own (no group, from the
 * beginning). Read models first, then the topic, then the owning database: the topic then holds at least what a read
 * model applied, so a higher count in a read model is a real duplicate, not a read that came too late.
 */
final class Observer implements AutoCloseable {

    private final int postgresPort;
    private final LocalDate base;
    private final TopicReader topic;
    private final Map<String, List<Event>> events = new HashMap<>();

    Observer(int postgresPort, int kafkaPort, LocalDate base) {
        this.postgresPort = postgresPort;
        this.base = base;
        this.topic = new TopicReader(kafkaPort, "vacancy-events");
    }

    Observed observe(Snapshot ledger) {
        Map<String, Boolean> readable = new HashMap<>();
        List<UUID> ids = ledger.acks().values().stream().map(a -> UUID.fromString(a.postingId())).toList();
        Map<String, Applied> monitor = new HashMap<>();
        readable.put(Verdict.MONITOR, query("measures", "select vacancy_id, openings, events from monitor_vacancy where vacancy_id = any(?)",
                ids, rs -> monitor.put(rs.getString(1), new Applied(rs.getInt(2), rs.getInt(3)))));
        Map<String, Integer> matching = new HashMap<>();
        readable.put(Verdict.MATCHING, query("outreach", "select id, valid_through from vacancy where id = any(?)", ids,
                rs -> matching.put(rs.getString(1), Writer.stepOf(base, rs.getObject(2, LocalDate.class)))));
        List<String> eventIds = new ArrayList<>();
        Map<String, Integer> entries = new HashMap<>();
        boolean topicRead = readTopic();
        readable.put(Verdict.TOPIC, topicRead);
        for (var a : ledger.acks().values()) {
            events.getOrDefault(a.postingId(), List.of()).forEach(e -> eventIds.add(e.eventId()));
        }
        readable.put(Verdict.LEDGER, topicRead && query("partner",
                // a closed event's VACANCIES_FILLED gain (one per fill), every other event's entries (none expected)
                """
                select source_event_id, count(*) filter (where source_event_type not like '%.closed.v1' or category = 'VACANCIES_FILLED')
                from ledger_entry where source_event_id = any(?) group by source_event_id""",
                eventIds, rs -> entries.put(rs.getString(1), rs.getInt(2))));
        Map<String, Row> database = new HashMap<>();
        readable.put(Verdict.DATABASE, query("vacancy",
                "select external_id, id, version, openings from posting where external_id = any(?)",
                new ArrayList<>(ledger.acks().keySet()),
                rs -> database.put(rs.getString(1), new Row(rs.getString(2), rs.getLong(3), rs.getInt(4)))));
        return new Observed(database, Map.copyOf(events), monitor, matching, entries, readable);
    }

    private boolean readTopic() {
        try {
            topic.readToEnd(r -> {
                Event e = event(r);
                if (e != null) {
                    events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
                }
            });
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The suite's events carry openings = step; anything unreadable (the poison, other writers) is not ours. */
    private static Event event(ConsumerRecord<String, byte[]> r) {
        String id = header(r, "ce_id"), type = header(r, "ce_type");
        if (r.key() == null || id == null || type == null || r.value() == null) {
            return null;
        }
        try {
            var data = Writer.JSON.readTree(new String(r.value(), StandardCharsets.UTF_8));
            return data.has("openings") ? new Event(id, type, data.path("openings").asInt()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private boolean query(String database, String sql, List<?> keys, RowHandler handler) {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf(keys.isEmpty() || keys.getFirst() instanceof UUID ? "uuid" : "text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** As the superuser, short time-outs: a frozen or killed server is "not readable now", not a hang. */
    Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "3");
        p.setProperty("socketTimeout", "10");
        p.setProperty("loginTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database, p);
    }

    @Override
    public void close() {
        topic.close();
    }
}
