package de.augenhoehe.partner.ledger;

import static de.augenhoehe.partner.api.ApiExamples.COMPANY;
import static de.augenhoehe.partner.api.ApiExamples.HEILBRONN;
import static de.augenhoehe.partner.api.ApiExamples.SCHOOL;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI examples of the give-and-gain ledger. */
@Configuration(proxyBeanMethods = false)
class LedgerExamples {

    static final String GAVE = """
            [{"category":"INTERNSHIP_PLACES","unit":"places","pledged":3,"realised":0,"entries":1},
             {"category":"VACANCIES","unit":"vacancies","pledged":0,"realised":2,"entries":1}]""";
    static final String GAINED = """
            [{"category":"APPRENTICES_TRAINED","unit":"apprentices","pledged":0,"realised":1,"entries":1}]""";

    static final String ENTRIES = """
            {"items":[{"id":"e5f7a9b1-3c5d-4e7f-9a1b-3c5d7e9f1a82","partnerId":"%1$s","networkIds":["%2$s"],"side":"GIVE",
              "category":"VACANCIES","quantity":120,"unit":"vacancies","from":"2026-11-18","to":"2026-11-18","origin":"REALISED",
              "sourceEventId":"7d2c0b8e-1f4a-4c3e-9b6d-2a8f5e1c7b90","sourceEventType":"augenhoehe.vacancy.closed.v1",
              "causeId":"3f9a1c2e-5b7d-4e8f-a1c3-5e7f9b1d3a50","largeClaim":true,"reversedBy":null,"reversedAt":null,
              "createdAt":"2026-11-18T10:00:00Z","confirmation":"CONFIRMED"}],"page":0,"size":20,"total":1}""";

    static final String CLAIMED = """
            {"id":"e5f7a9b1-3c5d-4e7f-9a1b-3c5d7e9f1a83","partnerId":"%1$s","networkIds":["%2$s"],"side":"GAIN",
             "category":"PARTICIPANTS_SENT","quantity":2,"unit":"participants","from":"2026-11-18","to":"2026-11-18","origin":"REALISED",
             "sourceEventId":"7d2c0b8e-1f4a-4c3e-9b6d-2a8f5e1c7b91","sourceEventType":"augenhoehe.measures.registration-confirmed.v1",
             "causeId":"3f9a1c2e-5b7d-4e8f-a1c3-5e7f9b1d3a51/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","largeClaim":false,"reversedBy":null,
             "reversedAt":null,"createdAt":"2026-11-18T10:00:00Z","confirmation":"CONFIRMED"}""";

    @Bean
    OpenApiCustomizer ledgerOpenApiExamples() {
        return ApiExamples.customizer(List.of(
                Example.of("POST", "/api/partners/{id}/ledger/pledges", """
                        {"networkId":"%s","category":"INTERNSHIP_PLACES","quantity":3,"unit":"places","from":"2027-01-01","to":"2027-06-30"}"""
                        .formatted(HEILBRONN), 201, """
                        {"id":"e5f7a9b1-3c5d-4e7f-9a1b-3c5d7e9f1a81","partnerId":"%s","networkId":"%s","side":"GIVE","category":"INTERNSHIP_PLACES",
                         "quantity":3,"unit":"places","from":"2027-01-01","to":"2027-06-30","origin":"PLEDGED","sourceEventType":null,
                         "createdAt":"2026-11-20T09:00:00Z"}""".formatted(COMPANY, HEILBRONN), 400, 401, 403, 404, 422),
                Example.of("GET", "/api/partners/{id}/balance", null, 200, """
                        {"partnerId":"%s","from":"2026-01-01","to":"2026-12-31","gave":%s,"gained":%s}""".formatted(COMPANY, GAVE, GAINED),
                        400, 401, 403, 404, 422),
                Example.of("GET", "/api/partners/{id}/ledger/entries", null, 200, ENTRIES.formatted(COMPANY, HEILBRONN),
                        400, 401, 403, 404, 422),
                Example.of("GET", "/api/networks/{id}/ledger/entries", null, 200, ENTRIES.formatted(COMPANY, HEILBRONN),
                        400, 401, 403, 404, 422),
                Example.of("POST", "/api/partners/{id}/ledger/entries/{entryId}/confirmation", """
                        {"decision":"CONFIRMED"}""", 200, CLAIMED.formatted(SCHOOL, HEILBRONN), 400, 401, 403, 404, 409, 422),
                Example.of("GET", "/api/networks/{id}/balance", null, 200, """
                        {"networkId":"%s","from":"2026-01-01","to":"2026-12-31","members":[
                          {"partnerId":"%s","name":"Neckartal Präzisionstechnik GmbH","giveEntries":2,"gainEntries":1,"gave":%s,"gained":%s,
                           "onlyGives":false,"onlyTakes":false},
                          {"partnerId":"%s","name":"Gemeinschaftsschule am Wartberg","giveEntries":1,"gainEntries":0,
                           "gave":[{"category":"PROJECT_DAYS","unit":"days","pledged":0,"realised":1,"entries":1}],"gained":[],
                           "onlyGives":true,"onlyTakes":false}]}""".formatted(HEILBRONN, COMPANY, GAVE, GAINED, SCHOOL), 400, 401, 403, 404, 422)));
    }
}
