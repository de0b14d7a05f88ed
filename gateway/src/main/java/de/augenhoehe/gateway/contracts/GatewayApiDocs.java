package de.augenhoehe.gateway.contracts;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document ({@code /v3/api-docs/gateway}: the operators' {@code /ops/**}), with a real title
 * and version and, like the services' documents, the bearer scheme every operation needs (role {@code operations}),
 * its 401/403/429 answers and the rate-limit headers the gateway sets on every answer (issue #16).
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocs {

    static final String BEARER = "A JWT access token of the platform's authorization server (partner-service) with the role"
            + " 'operations', checked as RFC8725 recommends: RS256 only (never 'none' or a symmetric algorithm), signature"
            + " against the published key, issuer, audience 'augenhoehe' and expiry.";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Augenhöhe gateway: operations").version("v1")
                        .description("What operators see of the whole platform (/ops/**). The services' APIs are documented"
                                + " at /v3/api-docs/{partner,vacancy,measures,outreach}, their events at /asyncapi.yaml."
                                + " Errors are RFC 9457 problem details with a stable type urn:augenhoehe:problem:<slug>."))
                .components(new Components().addSecuritySchemes("bearer-jwt", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(BEARER)))
                .addSecurityItem(new SecurityRequirement().addList("bearer-jwt"));
    }

    @Bean
    GlobalOpenApiCustomizer gatewayAnswers() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                responses.putIfAbsent("401", problem("Anmeldung erforderlich / Authentication required"));
                responses.putIfAbsent("403", problem("Keine Berechtigung / Forbidden"));
                responses.putIfAbsent("429", problem("Zu viele Anfragen / Too many requests")
                        .addHeaderObject("Retry-After", header("Seconds until the next request may pass")));
                responses.forEach((status, response) -> {
                    if (status.startsWith("2") || status.startsWith("4")) {
                        response.addHeaderObject("RateLimit-Limit", header("Requests the caller's bucket holds when full"));
                        response.addHeaderObject("RateLimit-Remaining", header("Requests left in the caller's bucket"));
                        response.addHeaderObject("RateLimit-Reset", header("Seconds until the caller's bucket is full again"));
                        response.addHeaderObject("Access-Control-Allow-Origin", new Header().schema(new io.swagger.v3.oas.models.media.StringSchema())
                                .description("Set only for an origin in augenhoehe.gateway.cors.allowed-origins (none by default)"));
                    }
                });
                op.setResponses(responses);
                op.setSecurity(List.of(new SecurityRequirement().addList("bearer-jwt")));
            }));
        };
    }

    private static ApiResponse problem(String title) {
        return new ApiResponse().description(title + " (RFC 9457 problem)").content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(new ObjectSchema())));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new IntegerSchema().format("int64")
                .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE)));
    }
}
