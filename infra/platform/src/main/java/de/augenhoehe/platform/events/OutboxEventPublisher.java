package de.augenhoehe.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(String type, String subject, Object data) {
        if (properties.getTopic().isBlank()) {
            throw new IllegalStateException("augenhoehe.events.topic is not set: this service has no topic to publish to");
        }
        String payload = json.writeValueAsString(data);
        if (properties.isValidateAgainstSchema()) {
            List<String> violations = schemas.violations(type, payload);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Event " + type + " violates its schema: " + violations);
            }
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, traceparent, shard)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, properties.getTopic(), subject, type, source, Timestamp.from(Instant.now(clock)), payload,
                traceparent(), shardOf(subject));
        if (relay != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
        return id;
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
