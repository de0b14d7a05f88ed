package de.augenhoehe.platform.events;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes events into the outbox table of the caller's transaction. */
class OutboxEventPublisher implements EventPublisher {

    /** Fixed: a key always maps to the same shard, and one shard is relayed by one instance at a time. */
    static final int SHARDS = 16;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final EventsProperties properties;
    private final String source;
    private final EventSchemas schemas;
    private final ObjectProvider<Tracer> tracer;
    private final OutboxRelay relay;
    private final Clock clock;

    OutboxEventPublisher(JdbcTemplate jdbc, JsonMapper json, EventsProperties properties, String source,
            EventSchemas schemas, ObjectProvider<Tracer> tracer, OutboxRelay relay, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.source = source;
        this.schemas = schemas;
        this.tracer = tracer;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * All events in one JDBC batch (with the driver's {@code reWriteBatchedInserts}, multi-row inserts), after every
     * event was serialised and checked against its schema: a batch of 1,000 events is a few round trips, not 1,000.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> publishAll(List<Event> events) {
        if (properties.getTopic().isBlank()) {
            throw new IllegalStateException("augenhoehe.events.topic is not set: this service has no topic to publish to");
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        String traceparent = traceparent();
        List<String> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            String payload;
            if (properties.isValidateAgainstSchema()) {
                // one tree per event: validated as it is, then written out, instead of writing a string and parsing it again
                JsonNode tree = json.valueToTree(e.data());
                List<String> violations = schemas.violations(e.type(), tree);
                if (!violations.isEmpty()) {
                    throw new IllegalStateException("Event " + e.type() + " violates its schema: " + violations);
                }
                payload = json.writeValueAsString(tree);
            } else {
                payload = json.writeValueAsString(e.data());
            }
            String id = UUID.randomUUID().toString();
            ids.add(id);
            rows.add(new Object[] {id, properties.getTopic(), e.subject(), e.type(), source, now, payload, traceparent, shardOf(e.subject())});
        }
        jdbc.batchUpdate(INSERT, rows, INSERT_TYPES);
        wakeRelayAfterCommit();
        return List.copyOf(ids);
    }

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, traceparent, shard)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Given, so that a null traceparent needs no metadata round trip. */
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.SMALLINT};

    private void wakeRelayAfterCommit() {
        if (relay != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }

    /** One event is a batch of one: the same serialisation, schema check and insert as {@link #publishAll}. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(String type, String subject, Object data) {
        return publishAll(List.of(new Event(type, subject, data))).getFirst();
    }

    static int shardOf(String key) {
        return Math.floorMod(key.hashCode(), SHARDS);
    }

    private String traceparent() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null) {
            return null;
        }
        var ctx = span.context();
        if (ctx.traceId() == null || ctx.traceId().isBlank()) {
            return null; // tracing switched off: a no-op span has no ids
        }
        return "00-" + ctx.traceId() + "-" + ctx.spanId() + "-" + (Boolean.TRUE.equals(ctx.sampled()) ? "01" : "00");
    }
}
