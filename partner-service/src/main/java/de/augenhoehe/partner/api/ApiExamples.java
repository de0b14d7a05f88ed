package de.augenhoehe.partner.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Request and response examples for the OpenAPI document, one per operation, written next to each feature's
 * controllers. Besides the example, each entry states the success status (201, 204 where springdoc would say 200)
 * and the problems the operation answers with, each with an RFC 9457 example. An example for an operation that does
 * not exist fails the start: examples and endpoints cannot drift apart silently.
 */
@FeatureApi
public final class ApiExamples {

    /** Demo ids used in the examples, so they read as one story. */
    /** {@code networks.DemoNetworks.HEILBRONN}, written out: the networks feature uses this one, not the other way round. */
    public static final String HEILBRONN = "0d3e4a52-7c1b-4f0e-9a61-000000000001";
    public static final String COMPANY = "5b1c9e0a-2f4d-4c7e-8a13-6d2f0b9e4a11";
    public static final String SCHOOL = "7a3e2d10-9c4b-4e61-b0f2-1c5d8e7f6a22";

    private static final Map<Integer, String[]> PROBLEMS = Map.of(
            400, new String[] { "validation-failed", "Ungültige Eingabe / Invalid input", "A required field is missing, malformed or unknown" },
            401, new String[] { "unauthenticated", "Anmeldung erforderlich / Authentication required", "A valid token is required" },
            403, new String[] { "forbidden", "Keine Berechtigung / Forbidden", "The caller may see this resource but not do this with it" },
            404, new String[] { "not-found", "Nicht gefunden / Not found", "The resource was not found" },
            409, new String[] { "conflict", "Konflikt / Conflict", "The request conflicts with the current state" },
            412, new String[] { "precondition-failed", "Veraltete Version / Precondition failed", "The resource was changed since you read it" },
            422, new String[] { "invalid-input", "Ungültige Eingabe / Invalid input", "The input is well-formed but not acceptable" },
            428, new String[] { "precondition-required", "Version fehlt / Precondition required", "Send If-Match with the ETag" });

    private ApiExamples() {
    }

    /**
     * One operation's examples: {@code request} (JSON or null), the success {@code status} with its {@code response}
     * (JSON or null for none) and the problem statuses it may answer with.
     */
    public record Example(String method, String path, String request, int status, String response, List<Integer> problems) {

        public static Example of(String method, String path, String request, int status, String response, Integer... problems) {
            return new Example(method, path, request, status, response, List.of(problems));
        }
    }

    public static OpenApiCustomizer customizer(List<Example> examples) {
        return openApi -> examples.forEach(e -> apply(openApi, e));
    }

    private static void apply(OpenAPI openApi, Example e) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(e.path());
        Operation op = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(e.method()));
        if (op == null) {
            throw new IllegalStateException("OpenAPI example for a missing operation: " + e.method() + " " + e.path());
        }
        if (e.request() != null) {
            if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
                throw new IllegalStateException("OpenAPI request example for an operation without a body: " + e.method() + " " + e.path());
            }
            op.getRequestBody().getContent().values().forEach(m -> m.setExample(parse(e.request())));
        }
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        ApiResponse generated = responses.get("200");
        Schema<?> schema = generated == null || generated.getContent() == null ? null
                : generated.getContent().values().stream().map(MediaType::getSchema).findFirst().orElse(null);
        ApiResponses out = new ApiResponses();
        ApiResponse success = new ApiResponse().description(switch (e.status()) {
            case 201 -> "Created";
            case 204 -> "No content";
            default -> "OK";
        });
        if (e.response() != null) {
            success.content(new Content().addMediaType("application/json", new MediaType().schema(schema).example(parse(e.response()))));
        }
        out.addApiResponse(String.valueOf(e.status()), success);
        for (int status : e.problems()) {
            String[] p = PROBLEMS.get(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:augenhoehe:problem:" + p[0]);
            problem.put("title", p[1]);
            problem.put("status", status);
            problem.put("detail", p[2]);
            problem.put("instance", e.path());
            out.addApiResponse(String.valueOf(status), new ApiResponse().description(p[1])
                    .content(new Content().addMediaType("application/problem+json", new MediaType().example(problem))));
        }
        op.setResponses(out);
    }

    /**
     * An absent value is left out of an example: {@code null} is no value of the field's declared type (Spectral's
     * oas3-valid-media-example refused "lastUsedAt": null of a string field).
     */
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, withoutNulls(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiExamples::withoutNulls).toList();
        }
        return value;
    }

    private static Object parse(String json) {
        try {
            return withoutNulls(Json.mapper().readValue(json, Object.class));
        } catch (Exception ex) {
            throw new IllegalStateException("OpenAPI example is not JSON: " + json, ex);
        }
    }
}
