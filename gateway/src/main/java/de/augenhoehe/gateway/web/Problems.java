package de.augenhoehe.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details written by the gateway itself, with the platform's stable {@code type} slugs. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, String> SLUGS = Map.of(400, "malformed-request", 401, "unauthenticated", 403, "forbidden",
            404, "not-found", 413, "payload-too-large", 429, "rate-limited", 500, "internal-error", 502, "bad-gateway", 503, "service-unavailable",
            504, "gateway-timeout");

    private Problems() {
    }

    public static String type(HttpStatusCode status) {
        String slug = SLUGS.get(status.value());
        if (slug == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            slug = known == null ? "http-" + status.value() : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
        return "urn:augenhoehe:problem:" + slug;
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, detail, exchange.getRequest().getPath().value());
    }

    /** @param instance the request path the problem is about (never its query string) */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail, String instance) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(status));
        HttpStatus known = HttpStatus.resolve(status.value());
        body.put("title", known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", instance);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
