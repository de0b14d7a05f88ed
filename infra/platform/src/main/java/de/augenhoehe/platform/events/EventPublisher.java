package de.augenhoehe.platform.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a domain event of this service. The event is written to the outbox in the caller's transaction
 * (which must exist) and reaches Kafka after commit, never on rollback.
 */
public interface EventPublisher {

    /**
     * @param type    CloudEvents type with version suffix, e.g. {@code augenhoehe.partner.registered.v1};
     *                a JSON Schema {@code contracts/events/<type>.schema.json} must exist on the classpath
     * @param subject the aggregate id: record key and {@code ce_subject}, so one aggregate's events stay in order
     * @param data    serialised as JSON; never personal data
     * @return the event id
     */
    String publish(String type, String subject, Object data);

    /** One event for {@link #publishAll}: the arguments of {@link #publish}. */
    record Event(String type, String subject, Object data) {
    }

    /**
     * Publishes several events of the caller's transaction at once, in list order (their outbox positions follow the
     * list), each validated against its schema like {@link #publish}. The outbox implementation writes them as one
     * JDBC batch instead of one statement per event, and checks every event's schema before it writes any.
     *
     * @return the event ids, in the order of {@code events}
     */
    default List<String> publishAll(List<Event> events) {
        List<String> ids = new ArrayList<>(events.size());
        for (Event e : events) {
            ids.add(publish(e.type(), e.subject(), e.data()));
        }
        return ids;
    }
}
