package de.augenhoehe.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.e2e.OpenApiDocument.Operation;

/**
 * What an answer must be: no 5xx; a status the operation's document declares (or one of {@link #GENERIC}); every 4xx
 * an RFC 9457 problem; every 2xx JSON body valid against the declared schema. Null when the answer is fine, else
 * what is wrong with it.
 */
final class ResponseCheck {

    /**
     * Statuses the platform's generic handling answers on any operation, which the documents do not declare
     * everywhere yet (the #16 contracts work adds 401/403/429): each with why it may come from any operation.
     */
    static final Map<Integer, String> GENERIC = Map.of(
            400, "malformed JSON, a wrong type or a bad parameter, refused by the platform's input handling before any rule",
            401, "no, an expired or a foreign token: the platform's resource server, before the operation",
            403, "a role the route or the operation does not admit: the gateway's and the services' role rules",
            404, "an id of nothing, or a path that odd segments turned into no route at all",
            405, "an odd path segment turned the path into another route with other methods",
            406, "an Accept the operation cannot produce",
            413, "a body over the platform's 1 MB request limit",
            414, "a request line over the gateway's and Tomcat's limit (a huge query string): refused before any route",
            415, "a content type other than JSON",
            429, "the gateway's rate limit and the services' abuse limits (tested on their own)");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    /** How often each entry of {@link #GENERIC} let an undeclared status pass, and for how many operations: what keeps it on the list. */
    final Map<Integer, Map<String, AtomicInteger>> genericUsed = new ConcurrentHashMap<>();
    /** Operation → members of its 2xx answers that came as null (read as absent: see {@link #withoutNulls}). */
    final Map<String, Set<String>> nullAnswered = new ConcurrentHashMap<>();

    String problem(Operation op, int status, String contentType, byte[] body) {
        Map<String, Object> responses = op.responses();
        if (status >= 500) {
            return "server error " + status;
        }
        boolean declared = responses.containsKey(String.valueOf(status)) || responses.containsKey("default")
                || responses.containsKey(status / 100 + "XX");
        if (!declared && !GENERIC.containsKey(status)) {
            return "undeclared status " + status;
        }
        if (!declared) {
            genericUsed.computeIfAbsent(status, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(op.doc().service + " " + op.name(), k -> new AtomicInteger()).incrementAndGet();
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (status >= 400 && !type.equals("application/problem+json")) {
            return status + " not application/problem+json but '" + type + "'";
        }
        if (status >= 200 && status < 300 && declared && type.endsWith("json") && body.length > 0) {
            Map<String, Object> media = media(op, String.valueOf(status), type);
            if (media == null && responses.containsKey(String.valueOf(status))) {
                return status + " answered as " + type + ", which the document does not declare";
            }
            Schema schema = media == null ? null : schema(op, String.valueOf(status), type, media);
            if (schema != null) {
                JsonNode answer = OpenApiDocument.JSON.readTree(body);
                withoutNulls(answer, op.doc().service + " " + op.name(), "");
                List<com.networknt.schema.Error> errors = schema.validate(answer.toString(), InputFormat.JSON);
                if (!errors.isEmpty()) {
                    return status + " body does not match its schema: " + errors.getFirst().getMessage();
                }
            }
        }
        return null;
    }

    /**
     * Members answered as {@code null} are read as absent: the documents declare optional fields with their plain type
     * (springdoc's OpenAPI 3.1 output has no {@code "null"} in {@code type}), the services write absent values as null.
     * A required member that is null then still fails; each such member is counted in {@link #nullAnswered}.
     */
    private void withoutNulls(JsonNode node, String operation, String at) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                if (object.get(name).isNull()) {
                    object.remove(name);
                    nullAnswered.computeIfAbsent(operation, k -> new ConcurrentSkipListSet<>()).add(at + name);
                } else {
                    withoutNulls(object.get(name), operation, at + name + ".");
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(element -> withoutNulls(element, operation, at + "[]."));
        }
    }

    /**
     * The media type entry of the answer that covers {@code type}: the exact one, else its range ({@code application/*}),
     * else {@code *}{@code /*} — OpenAPI's media type ranges, the most specific first (springdoc writes {@code *}{@code /*}
     * where a controller names no {@code produces}); null if none does.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> media(Operation op, String status, String type) {
        if (!(op.responses().get(status) instanceof Map<?, ?> response)
                || !(op.doc().resolve((Map<String, Object>) response).get("content") instanceof Map<?, ?> content)) {
            return null;
        }
        for (String key : List.of(type, type.substring(0, type.indexOf('/') + 1) + "*", "*/*")) {
            if (content.get(key) instanceof Map<?, ?> media) {
                return (Map<String, Object>) media;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Schema schema(Operation op, String status, String type, Map<String, Object> media) {
        if (!(media.get("schema") instanceof Map<?, ?> schema)) {
            return null;
        }
        return schemas.computeIfAbsent(op.doc().service + " " + op.name() + " " + status + " " + type,
                k -> registry.getSchema(op.doc().standalone((Map<String, Object>) schema), InputFormat.JSON));
    }
}
