package de.augenhoehe.partner.networks;

import static de.augenhoehe.partner.api.ApiExamples.HEILBRONN;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI examples of {@code /api/networks}. */
@Configuration(proxyBeanMethods = false)
class NetworkExamples {

    static final String INPUT = """
            {"name":"Fachkräftenetzwerk Heilbronn","region":["08121","08125"],
             "goals":"Bildungspotenziale von Menschen mit Migrationshintergrund erschließen","legalForm":"INFORMAL_COOPERATION"}""";
    static final String NETWORK = """
            {"id":"%s","name":"Fachkräftenetzwerk Heilbronn","region":["08121","08125"],
             "goals":"Bildungspotenziale von Menschen mit Migrationshintergrund erschließen","legalForm":"INFORMAL_COOPERATION"}"""
            .formatted(HEILBRONN);

    @Bean
    OpenApiCustomizer networkOpenApiExamples() {
        return ApiExamples.customizer(List.of(
                Example.of("POST", "/api/networks", INPUT, 201, NETWORK, 400, 401, 403, 409),
                Example.of("GET", "/api/networks", null, 200, "{\"items\":[" + NETWORK + "],\"page\":0,\"size\":20,\"total\":1}", 400),
                Example.of("GET", "/api/networks/{id}", null, 200, NETWORK, 404),
                Example.of("PUT", "/api/networks/{id}", INPUT, 200, NETWORK, 400, 401, 403, 404, 409, 412, 428)));
    }
}
