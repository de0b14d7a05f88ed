package de.augenhoehe.partner.integrationclients;

import static de.augenhoehe.partner.api.ApiExamples.COMPANY;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI examples of the HR integration clients. */
@Configuration(proxyBeanMethods = false)
class IntegrationClientExamples {

    static final String CLIENT = """
            {"clientId":"hr-3f9a1c0b7d2e4f6a8b90","partnerId":"%s","name":"Personio Produktion","status":"ACTIVE",
             "issuedAt":"2026-11-02T09:00:00Z","rotatedAt":null,"previousSecretValidUntil":null,"lastUsedAt":"2026-11-20T06:00:03Z","revokedAt":null}"""
            .formatted(COMPANY);
    static final String ROTATED = CLIENT.replace("\"rotatedAt\":null,\"previousSecretValidUntil\":null",
            "\"rotatedAt\":\"2026-11-21T08:00:00Z\",\"previousSecretValidUntil\":\"2026-11-22T08:00:00Z\"");

    @Bean
    OpenApiCustomizer integrationClientOpenApiExamples() {
        String base = "/api/partners/{id}/integration-clients";
        return ApiExamples.customizer(List.of(
                Example.of("POST", base, "{\"name\":\"Personio Produktion\"}", 201,
                        "{\"client\":" + CLIENT.replace("\"lastUsedAt\":\"2026-11-20T06:00:03Z\"", "\"lastUsedAt\":null")
                                + ",\"clientSecret\":\"q3H0c1bV5m1n7Qy8tLwz2sR4pX6eD9fG0hJ2kL4mN6o\",\"tokenEndpoint\":\"/oauth2/token\"}",
                        400, 401, 403, 404, 422),
                Example.of("GET", base, null, 200, "[" + CLIENT + "]", 401, 403, 404),
                Example.of("GET", base + "/{clientId}", null, 200, CLIENT, 401, 403, 404),
                Example.of("POST", base + "/{clientId}/rotate", null, 200,
                        "{\"client\":" + ROTATED + ",\"clientSecret\":\"Zr8sV2xK0pQ5wN3mB7cL1dF9gH4jT6yU0iO2eA8sD4f\",\"tokenEndpoint\":\"/oauth2/token\"}",
                        401, 403, 404, 409),
                Example.of("DELETE", base + "/{clientId}", null, 204, null, 401, 403, 404),
                Example.of("DELETE", base + "/{clientId}/lockout", null, 204, null, 401, 403, 404)));
    }
}
