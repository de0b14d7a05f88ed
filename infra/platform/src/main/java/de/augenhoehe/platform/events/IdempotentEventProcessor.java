package de.augenhoehe.platform.events;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one record: the event id is recorded in {@code consumed_event} in the same transaction as the handlers'
 * effect, so a redelivered event finds its id and changes nothing.
 */
class IdempotentEventProcessor {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Map<String, List<EventHandler>> handlersByType;

    IdempotentEventProcessor(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json,
            Map<String, List<EventHandler>> handlersByType) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.handlersByType = handlersByType;
    }

    /** Applies one record in a transaction of its own (or the caller's, when one is active). */
    void process(ConsumerRecord<String, byte[]> record) {
        Prepared prepared = prepare(record);
        if (prepared != null) {
            tx.executeWithoutResult(status -> prepared.apply());
        }
    }

    /**
     * Applies the records in one transaction, each one as {@link #process} would (its event id checked and recorded,
     * its effect applied), each inside {@code around} (the span of its handling): all of them or, when one fails,
     * none — the caller then applies them one by one to find the failing one.
     */
    void processAll(List<ConsumerRecord<String, byte[]>> records, BiConsumer<ConsumerRecord<String, byte[]>, Runnable> around) {
        tx.executeWithoutResult(status -> records.forEach(record -> around.accept(record, () -> {
            Prepared prepared = prepare(record);
            if (prepared != null) {
                prepared.apply();
            }
        })));
    }

    /** The event and its handlers; null for a type this service does not need (tolerant reader: skipped). */
    private Prepared prepare(ConsumerRecord<String, byte[]> record) {
        CloudEventHeaders.Envelope envelope = CloudEventHeaders.read(record);
        List<EventHandler> handlers = handlersByType.get(envelope.type());
        if (handlers == null) {
            return null;
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JacksonException e) {
            throw new UnreadableEventException("event " + envelope.id() + " has no readable JSON data", e);
        }
        return new Prepared(new ReceivedEvent(envelope.id(), envelope.source(), envelope.type(), envelope.subject(),
                envelope.time(), record.topic(), data, json), handlers);
    }

    private final class Prepared {
        private final ReceivedEvent event;
        private final List<EventHandler> handlers;

        Prepared(ReceivedEvent event, List<EventHandler> handlers) {
            this.event = event;
            this.handlers = handlers;
        }

        /** Inside the transaction: a redelivered event finds its id and changes nothing. */
        void apply() {
            int fresh = jdbc.update("""
                    insert into consumed_event (event_id, event_type, topic) values (?, ?, ?)
                    on conflict (event_id) do nothing""", event.id(), event.type(), event.topic());
            if (fresh == 1) {
                handlers.forEach(h -> h.handle(event));
            }
        }
    }
}
