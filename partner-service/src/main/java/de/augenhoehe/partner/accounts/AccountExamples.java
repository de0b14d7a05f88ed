package de.augenhoehe.partner.accounts;

import static de.augenhoehe.partner.api.ApiExamples.COMPANY;
import static de.augenhoehe.partner.api.ApiExamples.HEILBRONN;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI examples of people's accounts. */
@Configuration(proxyBeanMethods = false)
class AccountExamples {

    static final String ACCOUNT = """
            {"id":"c0ffee00-acc0-4e00-9000-000000000031","partnerId":"%s","username":"m.mustermann","email":"m.mustermann@example.org","roles":["PARTNER_STAFF"],
             "coordinatorNetworks":[],"enabled":true,"createdAt":"2026-11-02T09:00:00Z"}""".formatted(COMPANY);
    static final String COORDINATOR = ACCOUNT.replace("[\"PARTNER_STAFF\"]", "[\"COORDINATOR\",\"PARTNER_STAFF\"]")
            .replace("\"coordinatorNetworks\":[]", "\"coordinatorNetworks\":[\"" + HEILBRONN + "\"]");

    @Bean
    OpenApiCustomizer accountOpenApiExamples() {
        String base = "/api/partners/{id}/accounts";
        return ApiExamples.customizer(List.of(
                Example.of("POST", base, "{\"username\":\"m.mustermann\",\"roles\":[\"PARTNER_STAFF\"],\"email\":\"m.mustermann@example.org\"}", 201,
                        "{\"account\":" + ACCOUNT + ",\"initialPassword\":\"Zx81kQ2vN0pL4mR7tY3w\"}", 400, 401, 403, 404, 409, 422),
                Example.of("GET", base, null, 200, "[" + ACCOUNT + "]", 401, 403, 404),
                Example.of("GET", base + "/{accountId}", null, 200, ACCOUNT, 401, 403, 404),
                Example.of("PUT", base + "/{accountId}/roles",
                        "{\"roles\":[\"COORDINATOR\",\"PARTNER_STAFF\"],\"coordinatorNetworks\":[\"" + HEILBRONN + "\"]}", 200, COORDINATOR,
                        400, 401, 403, 404, 422),
                Example.of("PUT", base + "/{accountId}/email", "{\"email\":\"m.mustermann@example.org\"}", 200, ACCOUNT, 400, 401, 403, 404),
                Example.of("DELETE", base + "/{accountId}", null, 204, null, 401, 403, 404),
                Example.of("POST", base + "/{accountId}/initial-password", null, 200, "{\"initialPassword\":\"Zx81kQ2vN0pL4mR7tY3w\"}",
                        401, 403, 404),
                Example.of("DELETE", base + "/{accountId}/lockout", null, 204, null, 401, 403, 404)));
    }
}
