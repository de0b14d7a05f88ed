package de.augenhoehe.measures.members;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/** Reading helpers for partner-events: what cannot be read is unreadable (dead-lettered at once), never retried. */
final class PartnerEvents {

    static final String TOPIC = "partner-events";

    private PartnerEvents() {
    }

    static String required(ReceivedEvent event, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("partner event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return value;
    }

    static UUID uuid(ReceivedEvent event, String field, String value) {
        try {
            return UUID.fromString(required(event, field, value));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("partner event " + event.id() + " (" + event.type() + ") has no valid " + field, e);
        }
    }

    static Instant instant(ReceivedEvent event, String field, String value) {
        try {
            return Instant.parse(required(event, field, value));
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("partner event " + event.id() + " (" + event.type() + ") has no valid " + field, e);
        }
    }
}
