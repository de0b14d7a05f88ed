package de.augenhoehe.platform.events;

import java.util.Set;

/**
 * Applies events of other services to this service's state. Runs inside the transaction that records the
 * event id, so an event applied twice has the effect of one. Throw {@link UnreadableEventException} for data
 * that can never be applied; any other exception is retried with back-off and then dead-lettered.
 */
public interface EventHandler {

    /** The topic the events come from, e.g. {@code partner-events}. */
    String topic();

    /** The CloudEvents types handled, e.g. {@code augenhoehe.partner.registered.v1}; others are skipped. */
    Set<String> eventTypes();

    void handle(ReceivedEvent event);
}
