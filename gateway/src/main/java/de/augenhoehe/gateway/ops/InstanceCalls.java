package de.augenhoehe.gateway.ops;

import java.time.Duration;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Calls of one service instance on behalf of the operator: the operator's own {@code Authorization} header is relayed
 * (the services check the operations role themselves), never a gateway credential. An unreachable instance or one
 * that does not answer within 3 s is an answer with status 0 and the error, so that one dead instance does not hide
 * the others in the operations views.
 */
@Component
class InstanceCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final WebClient http = WebClient.create();

    Mono<Answer> call(HttpMethod method, ServiceInstance instance, String path, String authorization) {
        return http.method(method).uri(instance.getUri() + path)
                .headers(h -> {
                    if (authorization != null) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(r.statusCode().value(), r.headers().contentType().map(Object::toString).orElse(null), body, null)))
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just(new Answer(0, null, "", e.getClass().getSimpleName())));
    }

    /** @param status HTTP status, 0 when none came; @param error why none came */
    record Answer(int status, String contentType, String body, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
