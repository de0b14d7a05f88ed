package de.augenhoehe.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The JSON Schemas of event types, from {@code classpath*:contracts/events/<type>.schema.json}. */
public final class EventSchemas {

    public static final String LOCATION = "contracts/events/";
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> byType = new ConcurrentHashMap<>();

    /** Problems of an event (read or built as a JSON tree) against the schema of {@code type}; empty when it conforms. */
    public List<String> violations(String type, JsonNode json) {
        Schema schema = byType.computeIfAbsent(type, this::load);
        return schema.validate(json).stream().map(Object::toString).toList();
    }

    public boolean exists(String type) {
        return new PathMatchingResourcePatternResolver().getResource("classpath:" + LOCATION + type + ".schema.json").exists();
    }

    private Schema load(String type) {
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + LOCATION + type + ".schema.json");
        if (!resource.exists()) {
            throw new IllegalStateException("No JSON Schema for event type " + type + " at " + LOCATION + type + ".schema.json");
        }
        try (InputStream in = resource.getInputStream()) {
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
