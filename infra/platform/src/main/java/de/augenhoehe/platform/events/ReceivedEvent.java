package de.augenhoehe.platform.events;

import java.time.Instant;

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
}
