package de.augenhoehe.gateway.resilience;

import java.nio.charset.StandardCharsets;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * When the portal itself cannot answer, a person still gets a page they can read (German, no script, no style from
 * elsewhere) instead of a problem JSON: 503 with Retry-After, whatever failed.
 */
final class PortalUnavailable {

    static final String SERVICE = "portal-service";
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    private static final byte[] PAGE = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Gerade nicht erreichbar – Augenhöhe</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
            </head><body><main>
            <h1>Gerade nicht erreichbar</h1>
            <p>Das Portal antwortet im Moment nicht. Bitte versuchen Sie es in ein paar Minuten noch einmal.
            Ihre Eingaben wurden nicht gespeichert.</p>
            </main></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private PortalUnavailable() {
    }

    static Mono<Void> write(ServerWebExchange exchange, Throwable failure, OpenCircuits circuits) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        headers.set(HttpHeaders.RETRY_AFTER, failure instanceof CallNotPermittedException
                ? Long.toString(circuits.secondsUntilHalfOpen(SERVICE)) : "5");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Content-Security-Policy", CSP);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(PAGE)));
    }
}
