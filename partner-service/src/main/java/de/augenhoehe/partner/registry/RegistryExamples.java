package de.augenhoehe.partner.registry;

import static de.augenhoehe.partner.api.ApiExamples.COMPANY;
import static de.augenhoehe.partner.api.ApiExamples.HEILBRONN;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI examples of {@code /api/partners} and the memberships. */
@Configuration(proxyBeanMethods = false)
class RegistryExamples {

    static final String MEMBERSHIP_ID = "1e7b3c5d-9f2a-4b6c-8d0e-2f4a6b8c0d71";
    static final String PROFILE = """
            "name":"Neckartal Präzisionstechnik GmbH","address":{"street":"Weipertstraße 8","postalCode":"74172","city":"Neckarsulm","kreis":"08125"},
            "contacts":[{"name":"Erika Beispiel","businessRole":"Ausbildungsleitung","email":"ausbildung@example.org","phone":"+49 7131 000000"}],
            "industry":{"section":"C","division":"25"},"sizeClass":"MEDIUM\"""";
    static final String PARTNER = "{\"id\":\"" + COMPANY + "\"," + PROFILE.replace("\"address\"", "\"kind\":\"COMPANY\",\"address\"")
            + ",\"registeredAt\":\"2026-10-01T08:00:00Z\"}";
    static final String PUBLIC_PARTNER = PARTNER.replaceAll("(?s),\"contacts\":\\[[^]]*]", "");
    static final String APPLIED = """
            {"id":"%s","partnerId":"%s","networkId":"%s","status":"APPLIED","appliedAt":"2026-10-02T08:00:00Z",
             "history":[{"status":"APPLIED","at":"2026-10-02T08:00:00Z","by":"c0ffee00-acc0-4e00-9000-000000000012"}]}"""
            .formatted(MEMBERSHIP_ID, COMPANY, HEILBRONN);
    static final String ACTIVE = """
            {"id":"%s","partnerId":"%s","networkId":"%s","status":"ACTIVE","appliedAt":"2026-10-02T08:00:00Z",
             "activeSince":"2026-10-05T10:00:00Z","history":[{"status":"APPLIED","at":"2026-10-02T08:00:00Z","by":"c0ffee00-acc0-4e00-9000-000000000012"},
             {"status":"ACTIVE","at":"2026-10-05T10:00:00Z","by":"c0ffee00-acc0-4e00-9000-000000000001"}]}"""
            .formatted(MEMBERSHIP_ID, COMPANY, HEILBRONN);

    /** An invitation of the coordinator (…01) accepted by the partner's administrator (…12): ACTIVE with the sides swapped. */
    static final String ACCEPTED = ACTIVE
            .replace("\"status\":\"APPLIED\",\"at\":\"2026-10-02T08:00:00Z\",\"by\":\"c0ffee00-acc0-4e00-9000-000000000012\"",
                    "\"status\":\"INVITED\",\"at\":\"2026-10-02T08:00:00Z\",\"by\":\"c0ffee00-acc0-4e00-9000-000000000001\"")
            .replace("\"at\":\"2026-10-05T10:00:00Z\",\"by\":\"c0ffee00-acc0-4e00-9000-000000000001\"",
                    "\"at\":\"2026-10-05T10:00:00Z\",\"by\":\"c0ffee00-acc0-4e00-9000-000000000012\"");
    /** The same invitation declined. */
    static final String DECLINED = ACCEPTED.replace("\"status\":\"ACTIVE\"", "\"status\":\"ENDED\"").replace("\"activeSince\"", "\"endedAt\"");

    @Bean
    OpenApiCustomizer registryOpenApiExamples() {
        String m = "/api/networks/{networkId}/memberships";
        String suspended = ACTIVE.replace("\"status\":\"ACTIVE\",", "\"status\":\"SUSPENDED\",")
                .replace("\"activeSince\":\"2026-10-05T10:00:00Z\",", "\"activeSince\":\"2026-10-05T10:00:00Z\",\"suspendedSince\":\"2026-11-01T10:00:00Z\",");
        String ended = ACTIVE.replace("\"status\":\"ACTIVE\",", "\"status\":\"ENDED\",")
                .replace("\"activeSince\":\"2026-10-05T10:00:00Z\",", "\"activeSince\":\"2026-10-05T10:00:00Z\",\"endedAt\":\"2026-12-31T10:00:00Z\",");
        return ApiExamples.customizer(List.of(
                Example.of("POST", "/api/partners", "{" + PROFILE.replace("\"address\"", "\"kind\":\"COMPANY\",\"address\"") + "}", 201, PARTNER,
                        400, 401, 403, 409, 422),
                Example.of("GET", "/api/partners/{id}", null, 200, PUBLIC_PARTNER, 404),
                Example.of("PUT", "/api/partners/{id}", "{" + PROFILE + "}", 200, PARTNER, 400, 401, 403, 404, 412, 422, 428),
                Example.of("GET", "/api/partners/{id}/memberships", null, 200, "[" + ACTIVE.replaceAll("(?s),\"history\":.*]}$", "}") + "]", 404),
                Example.of("POST", m, "{\"partnerId\":\"" + COMPANY + "\"}", 201, APPLIED, 400, 401, 403, 404, 409),
                Example.of("GET", m, null, 200, "{\"items\":[" + ACTIVE.replaceAll("(?s),\"history\":.*]}$", "}") + "],\"page\":0,\"size\":20,\"total\":1}",
                        400, 401, 403, 404),
                Example.of("GET", m + "/{id}", null, 200, ACTIVE, 404),
                Example.of("POST", m + "/{id}/activate", null, 200, ACTIVE, 401, 403, 404, 409),
                Example.of("POST", m + "/{id}/suspend", "{\"reason\":\"Beitrag 2026 trotz Mahnung offen\"}", 200, suspended, 400, 401, 403, 404, 409),
                Example.of("POST", m + "/{id}/end", "{\"reason\":\"Austritt zum Jahresende erklärt\"}", 200, ended, 400, 401, 403, 404, 409),
                Example.of("POST", m + "/{id}/accept", null, 200, ACCEPTED, 401, 403, 404, 409),
                Example.of("POST", m + "/{id}/decline", null, 200, DECLINED, 401, 403, 404, 409),
                Example.of("GET", "/api/networks/{networkId}/partners", null, 200, "{\"items\":[{\"partner\":" + PUBLIC_PARTNER + ",\"membershipId\":\""
                        + MEMBERSHIP_ID + "\",\"status\":\"ACTIVE\",\"appliedAt\":\"2026-10-02T08:00:00Z\",\"activeSince\":\"2026-10-05T10:00:00Z\"}],"
                        + "\"page\":0,\"size\":20,\"total\":1}", 400, 403, 404)));
    }
}
