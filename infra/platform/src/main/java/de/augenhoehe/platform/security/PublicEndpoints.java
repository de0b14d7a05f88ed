package de.augenhoehe.platform.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * What a service serves without a token, declared as a bean. Everything not declared public requires a valid
 * token; the platform's own public paths (health probes, API docs) need no declaration.
 *
 * @param readOnly paths open for GET and HEAD only, e.g. {@code /api/vacancies/**}
 * @param anyMethod paths open for every method, e.g. a public sign-up
 */
public record PublicEndpoints(List<String> readOnly, List<String> anyMethod) {

    public static PublicEndpoints readOnly(String... patterns) {
        return new PublicEndpoints(List.of(patterns), List.of());
    }

    static final List<HttpMethod> READ = List.of(HttpMethod.GET, HttpMethod.HEAD);
}
