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
    /** The gateway's own kinds: slug and title as the services' {@code ProblemType}s write them (one slug, one title). */
    private record Kind(String slug, String title) {
    }

    private static final Map<Integer, Kind> KINDS = Map.of(
            400, new Kind("malformed-request", "Fehlerhafte Anfrage / Malformed request"),
            401, new Kind("unauthenticated", "Anmeldung erforderlich / Authentication required"),
            403, new Kind("forbidden", "Keine Berechtigung / Forbidden"),
            404, new Kind("not-found", "Nicht gefunden / Not found"),
            413, new Kind("payload-too-large", "Anfrage zu groß / Payload too large"),
            429, new Kind("rate-limited", "Zu viele Anfragen / Too many requests"),
            500, new Kind("internal-error", "Interner Fehler / Internal error"),
            502, new Kind("bad-gateway", "Fehlerhafte Antwort / Bad gateway"),
            503, new Kind("service-unavailable", "Nicht verfügbar / Service unavailable"),
            504, new Kind("gateway-timeout", "Zeitüberschreitung / Gateway timeout"));

    private Problems() {
    }

    public static String type(HttpStatusCode status) {
        Kind kind = KINDS.get(status.value());
        String slug = kind == null ? null : kind.slug();
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
        byte[] bytes = body(status, detail, instance);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The problem's JSON; without {@code instance} when there is no request path to name (null). */
    static byte[] body(HttpStatusCode status, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(status));
        Kind kind = KINDS.get(status.value());
        HttpStatus known = HttpStatus.resolve(status.value());
        body.put("title", kind != null ? kind.title() : known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
