package de.augenhoehe.platform.events;

import java.util.List;
import java.util.Map;

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

    void process(ConsumerRecord<String, byte[]> record) {
        CloudEventHeaders.Envelope envelope = CloudEventHeaders.read(record);
        List<EventHandler> handlers = handlersByType.get(envelope.type());
        if (handlers == null) {
            return; // tolerant reader: types this service does not need are skipped
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JacksonException e) {
            throw new UnreadableEventException("event " + envelope.id() + " has no readable JSON data", e);
        }
        ReceivedEvent event = new ReceivedEvent(envelope.id(), envelope.source(), envelope.type(), envelope.subject(),
                envelope.time(), record.topic(), data, json);
        tx.executeWithoutResult(status -> {
            int fresh = jdbc.update("""
                    insert into consumed_event (event_id, event_type, topic) values (?, ?, ?)
                    on conflict (event_id) do nothing""", event.id(), event.type(), event.topic());
            if (fresh == 1) {
                handlers.forEach(h -> h.handle(event));
            }
        });
    }
}
