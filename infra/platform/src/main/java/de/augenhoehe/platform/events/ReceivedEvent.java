package de.augenhoehe.platform.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** An event as a consumer sees it: envelope plus JSON data, read tolerantly (unknown fields are ignored). */
public record ReceivedEvent(String id, String source, String type, String subject, Instant time, String topic,
        JsonNode data, ObjectMapper mapper) {

    /** The data as the consumer's own view of it; data that does not fit is unreadable, not retryable. */
    public <T> T dataAs(Class<T> view) {
        try {
            return mapper.readerFor(view).without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(data);
        } catch (JacksonException e) {
            throw new UnreadableEventException("event " + id + " of type " + type + " does not fit " + view.getSimpleName(), e);
        }
    }

    public String text(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** A value the consumer needs: missing or blank makes the event unreadable (dead-lettered at once, never retried). */
    public String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("event " + id + " (" + type + ") lacks " + field);
        }
        return value;
    }

    /** A required id; a malformed one makes the event unreadable. */
    public UUID requiredUuid(String field, String value) {
        try {
            return UUID.fromString(required(field, value));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("event " + id + " (" + type + ") has no valid " + field, e);
        }
    }

    /** A required ISO-8601 instant; a malformed one makes the event unreadable. */
    public Instant requiredInstant(String field, String value) {
        try {
            return Instant.parse(required(field, value));
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("event " + id + " (" + type + ") has no valid " + field, e);
        }
    }
}
