package de.augenhoehe.partner.kreise;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI example of the operator's Kreis import. */
@Configuration(proxyBeanMethods = false)
class KreisExamples {

    @Bean
    OpenApiCustomizer kreisOpenApiExamples() {
        return ApiExamples.customizer(List.of(Example.of("POST", "/internal/kreise/import", null, 200,
                "{\"source\":\"GEONAMES\",\"kreise\":401,\"total\":401}", 401, 403, 409, 422),
                Example.of("GET", "/api/kreise", null, 200,
                        "[{\"schluessel\":\"08121\",\"name\":\"Stadtkreis Heilbronn\"},{\"schluessel\":\"08125\",\"name\":\"Landkreis Heilbronn\"}]", 400)));
    }
}
