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
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> s = schema == null ? Map.of() : schema;
        for (int hops = 0; s.get("$ref") instanceof String ref && hops < 20; hops++) {
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part);
            }
            s = (Map<String, Object>) target;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.get(choice) instanceof List<?> options && !options.isEmpty()) {
                return resolve((Map<String, Object>) options.getFirst());
            }
        }
        if (s.get("allOf") instanceof List<?> parts) {
            Map<String, Object> merged = new LinkedHashMap<>(s);
            Map<String, Object> properties = new LinkedHashMap<>();
            List<Object> required = new ArrayList<>();
            for (Object part : parts) {
                Map<String, Object> p = resolve((Map<String, Object>) part);
                properties.putAll((Map<String, Object>) p.getOrDefault("properties", Map.of()));
                required.addAll((List<Object>) p.getOrDefault("required", List.of()));
            }
            merged.remove("allOf");
            merged.put("type", "object");
            merged.put("properties", properties);
            merged.put("required", required);
            return merged;
        }
        return s;
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
