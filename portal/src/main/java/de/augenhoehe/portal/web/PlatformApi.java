package de.augenhoehe.portal.web;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's only way to the platform: the public API through the gateway. Every call carries the visitor's
 * address (X-Forwarded-For, so the gateway's per-visitor limits and the services' visitor counts see the person,
 * not the portal) and nothing of the visitor's cookies. A problem answer becomes an {@link ApiProblem}; a gateway
 * that cannot be reached becomes one with status 503, so that a page can say so in German.
 */
@Component
public class PlatformApi {

    private final RestClient http;
    private final JsonMapper json;

    public PlatformApi(PortalProperties properties, RestClient.Builder builder, JsonMapper json) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.apiTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.apiTimeout());
        this.json = json;
        this.http = builder.baseUrl(properties.apiUrl().toString()).requestFactory(factory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .requestInitializer(request -> forwardedFor().ifPresent(a -> request.getHeaders().set("X-Forwarded-For", a)))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
                })
                .build();
    }

    /** GET a JSON document; {@code uri} is a template ({@code /api/vacancies/{id}}) expanded with {@code vars}. */
    public JsonNode get(String uri, Object... vars) {
        return call(() -> http.get().uri(uri, vars).retrieve().body(JsonNode.class));
    }

    /** GET with request headers, e.g. a signed-in person's {@code Authorization} (issue #18). */
    public JsonNode get(String uri, Map<String, String> headers, Object... vars) {
        return call(() -> http.get().uri(uri, vars).headers(h -> headers.forEach(h::set)).retrieve().body(JsonNode.class));
    }

    /**
     * Runs a page's independent reads at once, each on a virtual thread, and answers their results in the order given.
     * The visitor's address is read here, on the request thread, and handed to each read (the request is not there on
     * the threads they run on). Each read keeps its own timeout ({@code api-timeout}); the first failure in the order
     * of the reads is thrown (the others are cancelled), so a page fails as it did when they ran one after the other
     * (an unknown network: 404).
     */
    public List<JsonNode> concurrently(List<Supplier<JsonNode>> reads) {
        String visitor = forwardedFor().orElse(null);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> answers = reads.stream()
                    .map(read -> threads.submit(() -> ScopedValue.where(VISITOR, visitor).call(read::get)))
                    .toList();
            List<JsonNode> results = new ArrayList<>(answers.size());
            try {
                for (Future<JsonNode> answer : answers) {
                    results.add(result(answer));
                }
            } catch (RuntimeException failed) {
                answers.forEach(a -> a.cancel(true)); // the page fails anyway: it need not wait for the other reads
                throw failed;
            }
            return results;
        }
    }

    /**
     * A call that is to run on a thread of its own (a page that stops waiting for it after a deadline), carrying the
     * visitor's address read now — on the request thread or in a read of {@link #concurrently}.
     */
    public <T> Supplier<T> carryingVisitor(Supplier<T> call) {
        String visitor = forwardedFor().orElse(null);
        return () -> ScopedValue.where(VISITOR, visitor).call(call::get);
    }

    private static JsonNode result(Future<JsonNode> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "interrupted", "interrupted while waiting for the API", Map.of());
        }
    }

    /** GET with query parameters added by the caller ({@code b -> b.queryParam("q", text)}). */
    public JsonNode get(String path, Consumer<UriBuilder> query) {
        return call(() -> http.get().uri(b -> {
            b.path(path);
            query.accept(b);
            return b.build();
        }).retrieve().body(JsonNode.class));
    }

    /** The raw bytes of a non-JSON resource (an iCalendar file, a data export), with its content type. */
    public Download download(String uri, Map<String, String> headers, Object... vars) {
        return call(() -> http.get().uri(uri, vars).headers(h -> headers.forEach(h::set)).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
            }
            MediaType type = response.getHeaders().getContentType();
            return new Download(type == null ? MediaType.APPLICATION_OCTET_STREAM : type, response.getBody().readAllBytes());
        }));
    }

    public record Download(MediaType contentType, byte[] body) {
    }

    /** POST a JSON body; answers the JSON body or an empty node (204). */
    public JsonNode post(String uri, Object body, Map<String, String> headers, Object... vars) {
        return send(http.post().uri(uri, vars), body, headers);
    }

    public JsonNode put(String uri, Object body, Map<String, String> headers, Object... vars) {
        return send(http.put().uri(uri, vars), body, headers);
    }

    public JsonNode delete(String uri, Map<String, String> headers, Object... vars) {
        return call(() -> orEmpty(http.delete().uri(uri, vars).headers(h -> headers.forEach(h::set)).retrieve().body(JsonNode.class)));
    }

    private JsonNode send(RestClient.RequestBodySpec spec, Object body, Map<String, String> headers) {
        return call(() -> {
            spec.headers(h -> headers.forEach(h::set));
            if (body != null) {
                spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return orEmpty(spec.retrieve().body(JsonNode.class));
        });
    }

    private JsonNode orEmpty(JsonNode node) {
        return node == null ? json.createObjectNode() : node;
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ResourceAccessException | IOException unreachable) {
            throw new ApiProblem(503, "unreachable", unreachable.getMessage(), Map.of());
        }
    }

    private ApiProblem problem(int status, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String slug = "";
        String detail = null;
        try {
            JsonNode node = json.readTree(body);
            String type = node.path("type").asString("");
            slug = type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1);
            detail = node.path("detail").asString(null);
            for (JsonNode error : node.path("errors")) {
                fields.putIfAbsent(error.path("field").asString(""), error.path("message").asString(""));
            }
        } catch (RuntimeException notAProblem) {
            // an answer without a problem body (e.g. from a proxy): the status alone decides
        }
        return new ApiProblem(status, slug, detail, fields);
    }

    /** The visitor's address where reads run off the request thread ({@link #concurrently}); bound to null when there is none. */
    private static final ScopedValue<String> VISITOR = ScopedValue.newInstance();

    /** The visitor's address for X-Forwarded-For: also on the portal's calls to the token endpoint ({@link SignInSecurity}). */
    static Optional<String> forwardedFor() {
        if (VISITOR.isBound()) {
            return Optional.ofNullable(VISITOR.get());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.of(request.getRemoteAddr());
        }
        return Optional.empty();
    }
}
