package de.augenhoehe.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The idempotent processor of each consumed topic: one for the listener containers and for redriving. */
class EventProcessors {

    private final Map<String, IdempotentEventProcessor> byTopic = new LinkedHashMap<>();

    EventProcessors(List<EventHandler> handlers, IdempotentEventProcessorFactory factory) {
        byTopic(handlers).forEach((topic, byType) -> byTopic.put(topic, factory.create(byType)));
    }

    Map<String, IdempotentEventProcessor> byTopic() {
        return byTopic;
    }

    Optional<IdempotentEventProcessor> forTopic(String topic) {
        return Optional.ofNullable(byTopic.get(topic));
    }

    /** Topics this service consumes, for topic creation. */
    static Set<String> topics(List<EventHandler> handlers) {
        return new TreeSet<>(byTopic(handlers).keySet());
    }

    private static Map<String, Map<String, List<EventHandler>>> byTopic(List<EventHandler> handlers) {
        Map<String, Map<String, List<EventHandler>>> result = new LinkedHashMap<>();
        for (EventHandler h : handlers) {
            for (String type : h.eventTypes()) {
                result.computeIfAbsent(h.topic(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(type, t -> new ArrayList<>()).add(h);
            }
        }
        return result;
    }

    @FunctionalInterface
    interface IdempotentEventProcessorFactory {
        IdempotentEventProcessor create(Map<String, List<EventHandler>> handlersByType);
    }
}
