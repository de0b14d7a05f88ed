package de.augenhoehe.platform.events;

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
}
