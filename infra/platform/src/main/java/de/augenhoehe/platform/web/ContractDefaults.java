package de.augenhoehe.platform.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every operation of every service answers besides its own results, declared once (issue #16, OWASP API4/API8):
 * the gateway's rate-limit headers on every 2xx and 4xx answer, a 429 with {@code Retry-After}, and for every
 * operation that needs a token a 401 and a 403; an operation open without a token says so ({@code security: []}).
 * Runs after the services' own customizers (their examples), so their answers get the headers too.
 */
final class ContractDefaults implements GlobalOpenApiCustomizer, Ordered {

    /** Public paths of the platform itself (probes, API docs) and of the service ({@code PublicEndpoints}). */
    record Open(List<PathPattern> readOnly, List<PathPattern> anyMethod) {
        static Open of(List<String> readOnly, List<String> anyMethod) {
            return new Open(readOnly.stream().map(PathPatternParser.defaultInstance::parse).toList(),
                    anyMethod.stream().map(PathPatternParser.defaultInstance::parse).toList());
        }

        boolean matches(PathItem.HttpMethod method, String template) {
            PathContainer path = PathContainer.parsePath(template.replaceAll("\\{[^}]+}", "x"));
            return anyMethod.stream().anyMatch(p -> p.matches(path))
                    || (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD)
                    && readOnly.stream().anyMatch(p -> p.matches(path));
        }
    }

    private final Open open;

    ContractDefaults(Open open) {
        this.open = open;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * The longest text each format's parser accepts (java.util.UUID, java.time ISO forms up to the year 999999999 with
     * sign, nanoseconds and offset): anything longer is refused before a controller sees it, so that is the limit.
     */
    static final Map<String, Integer> FORMAT_LENGTHS = Map.of("uuid", 36, "date", 16, "date-time", 42, "time-local", 18,
            "time", 24);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(ContractDefaults::formatLengths);
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> {
                    formatLengths(p.getSchema());
                    if ("header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()) && p.getSchema() != null
                            && p.getSchema().getMaxLength() == null) {
                        p.getSchema().setMaxLength(Versions.MAX_IF_MATCH); // longer cannot name a version: 412
                    }
                });
            }
        }));
        openApi.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            if (open.matches(method, template)) {
                op.setSecurity(List.of()); // no token needed: overrides the document's bearer requirement
            } else {
                responses.putIfAbsent("401", problem(ProblemType.UNAUTHENTICATED));
                responses.putIfAbsent("403", problem(ProblemType.FORBIDDEN));
            }
            responses.putIfAbsent("429", problem(RATE_LIMITED)
                    .addHeaderObject("Retry-After", header("Seconds until the next request may pass")));
            responses.forEach((status, response) -> {
                if (status.startsWith("2") || status.startsWith("4")) {
                    rateLimitHeaders(response);
                }
                problemContent(status, response);
            });
            op.setResponses(responses);
        }));
    }

    /**
     * An error a controller declares by {@code @ApiResponse(responseCode = "422", description = …)} alone gets
     * springdoc's default content — the operation's success schema under {@code *}{@code /*} — but every error of the
     * platform is an RFC 9457 problem: its content says so.
     */
    private static void problemContent(String status, ApiResponse response) {
        if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() != null
                && response.getContent().containsKey("*/*")) {
            response.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new MediaType().schema(new ObjectSchema())));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void formatLengths(io.swagger.v3.oas.models.media.Schema schema) {
        if (schema == null) {
            return;
        }
        Integer length = schema.getFormat() == null ? null : FORMAT_LENGTHS.get(schema.getFormat());
        if (length != null && schema.getMaxLength() == null && isString(schema)) {
            schema.setMaxLength(length);
        }
        if (schema.getProperties() != null) {
            ((Map<String, io.swagger.v3.oas.models.media.Schema>) schema.getProperties()).values().forEach(ContractDefaults::formatLengths);
        }
        formatLengths(schema.getItems());
    }

    private static boolean isString(io.swagger.v3.oas.models.media.Schema<?> schema) {
        return "string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string");
    }

    /** The gateway's refusal of too many requests (its rate limit per caller); one slug, one title. */
    static final ProblemType RATE_LIMITED = ProblemType.of(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
            "rate-limited", "Zu viele Anfragen / Too many requests");

    private static ApiResponse problem(ProblemType kind) {
        return new ApiResponse().description(kind.title() + " (RFC 9457 problem, type " + Problems.type(kind.slug()) + ")")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new ObjectSchema())));
    }

    /** The gateway answers browsers of configured origins only (owasp:api8:2023-define-cors-origin). */
    static final String CORS = "Set by the gateway only for an origin in augenhoehe.gateway.cors.allowed-origins (none by default)";

    /** Set by the gateway on every answer (its token buckets per caller, see gateway/README.md). */
    private static void rateLimitHeaders(ApiResponse response) {
        response.addHeaderObject("RateLimit-Limit", header("Requests the caller's bucket holds when full"));
        response.addHeaderObject("RateLimit-Remaining", header("Requests left in the caller's bucket"));
        response.addHeaderObject("RateLimit-Reset", header("Seconds until the caller's bucket is full again"));
        response.addHeaderObject("Access-Control-Allow-Origin", new Header().description(CORS).schema(new StringSchema()));
    }

    private static Header header(String description) {
        return new Header().description(description)
                .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)));
    }
}
