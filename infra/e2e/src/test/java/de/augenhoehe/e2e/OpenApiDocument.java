package de.augenhoehe.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.PathologicalInputContract;

/** A service's committed OpenAPI document, read as plain maps: its operations and their schemas, {@code $ref}s followed. */
final class OpenApiDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    final String service;
    final Map<String, Object> document;

    /** One operation of the document. */
    record Operation(OpenApiDocument doc, String method, String template, Map<String, Object> spec) {
        String name() {
            return method + " " + template;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters() {
            return ((List<Object>) spec.getOrDefault("parameters", List.of())).stream()
                    .map(p -> doc.resolve((Map<String, Object>) p)).toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> responses() {
            return (Map<String, Object>) spec.getOrDefault("responses", Map.of());
        }

        /** The JSON request body's media entry (schema, example), or null. */
        @SuppressWarnings("unchecked")
        Map<String, Object> jsonBody() {
            if (!(spec.get("requestBody") instanceof Map<?, ?> body)) {
                return null;
            }
            Map<String, Object> content = (Map<String, Object>) doc.resolve((Map<String, Object>) body).get("content");
            return content == null ? null : (Map<String, Object>) content.get("application/json");
        }

        boolean bodyRequired() {
            return spec.get("requestBody") instanceof Map<?, ?> body && Boolean.TRUE.equals(body.get("required"));
        }
    }

    @SuppressWarnings("unchecked")
    static OpenApiDocument read(String service, Path file) throws IOException {
        return new OpenApiDocument(service, JSON.readValue(Files.readString(file), Map.class));
    }

    private OpenApiDocument(String service, Map<String, Object> document) {
        this.service = service;
        this.document = document;
    }

    @SuppressWarnings("unchecked")
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Object>) document.getOrDefault("paths", Map.of())).forEach((template, item) ->
                ((Map<String, Object>) item).forEach((method, op) -> {
                    if (METHODS.contains(method)) {
                        operations.add(new Operation(this, method.toUpperCase(Locale.ROOT), template, (Map<String, Object>) op));
                    }
                }));
        return operations;
    }

    /** Follows {@code $ref}s into {@code components}; merges {@code allOf}, takes the first of {@code oneOf}/{@code anyOf}. */
    Map<String, Object> resolve(Map<String, Object> schema) {
        return PathologicalInputContract.resolve(document, schema);
    }

    static boolean hasType(Map<String, Object> schema, String type) {
        Object t = schema.get("type");
        return type.equals(t) || (t instanceof List<?> types && types.contains(type))
                || ("object".equals(type) && t == null && schema.containsKey("properties"));
    }

    /** A JSON Schema (2020-12) document of one schema of this document: its {@code $ref}s resolve in the copy's components. */
    String standalone(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        copy.put("components", document.get("components"));
        return JSON.writeValueAsString(copy);
    }
}
