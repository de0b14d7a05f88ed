package de.augenhoehe.partner.workinggroups;

import static de.augenhoehe.partner.api.ApiExamples.COMPANY;
import static de.augenhoehe.partner.api.ApiExamples.HEILBRONN;
import static de.augenhoehe.partner.api.ApiExamples.SCHOOL;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.api.ApiExamples;

/** OpenAPI examples of {@code /api/working-groups}. */
@Configuration(proxyBeanMethods = false)
class WorkingGroupExamples {

    static final String BASE = "/api/working-groups";
    static final String GROUP_ID = "3f0c6a1e-8b2d-4f7a-9e15-2a4b6c8d0e11";
    static final String MEETING_ID = "9d2e4f60-1a3b-4c5d-8e7f-0a1b2c3d4e51";
    static final String DECISION_ID = "c4e6a8b0-2d4f-4a6c-8e0a-1b3d5f7a9c61";

    static final String GROUP = """
            {"id":"%s","networkId":"%s","kind":"WORKING_GROUP","name":"AG Ausbildung und Migration",
             "topics":["Ausbildung","Migration"],"quorum":{"kind":"FRACTION","value":0.5},"majority":"SIMPLE",
             "formedAt":"2026-11-02T09:00:00Z","members":[
               {"partnerId":"%s","joinedAt":"2026-11-02T09:05:00Z","people":["c0ffee00-acc0-4e00-9000-000000000012"]},
               {"partnerId":"%s","joinedAt":"2026-11-02T09:06:00Z","people":[]}]}"""
            .formatted(GROUP_ID, HEILBRONN, COMPANY, SCHOOL);
    static final String MEETING = """
            {"id":"%s","workingGroupId":"%s","startsAt":"2026-12-10T15:00:00Z","place":"Rathaus Heilbronn, Saal 2",
             "agenda":["Begrüßung","Projekttag im März","Verschiedenes"],"minutes":"Projekttag am 12. März beschlossen."}"""
            .formatted(MEETING_ID, GROUP_ID);
    static final String OPEN_DECISION = """
            {"id":"%s","workingGroupId":"%s","meetingId":"%s","title":"Gemeinsamer Projekttag im März",
             "motion":"Die AG richtet am 12. März einen Projekttag für Schülerinnen und Schüler aus.","status":"OPEN",
             "openedAt":"2026-12-10T15:30:00Z","votes":[{"partnerId":"%s","vote":"YES","castAt":"2026-12-10T15:40:00Z"}]}"""
            .formatted(DECISION_ID, GROUP_ID, MEETING_ID, COMPANY);
    static final String CLOSED_DECISION = """
            {"id":"%s","workingGroupId":"%s","meetingId":"%s","title":"Gemeinsamer Projekttag im März",
             "motion":"Die AG richtet am 12. März einen Projekttag für Schülerinnen und Schüler aus.","status":"CLOSED",
             "openedAt":"2026-12-10T15:30:00Z","closedAt":"2026-12-10T16:00:00Z",
             "tally":{"eligible":2,"yes":1,"no":0,"abstentions":1,"quorumMet":true,"result":"ADOPTED"},
             "votes":[{"partnerId":"%s","vote":"YES","castAt":"2026-12-10T15:40:00Z"},
                      {"partnerId":"%s","vote":"ABSTAIN","castAt":"2026-12-10T15:42:00Z"}]}"""
            .formatted(DECISION_ID, GROUP_ID, MEETING_ID, COMPANY, SCHOOL);

    @Bean
    OpenApiCustomizer workingGroupOpenApiExamples() {
        String g = BASE + "/{id}";
        return ApiExamples.customizer(List.of(
                Example.of("POST", BASE, """
                        {"networkId":"%s","kind":"WORKING_GROUP","name":"AG Ausbildung und Migration","topics":["Ausbildung","Migration"],
                         "quorum":{"kind":"FRACTION","value":0.5},"majority":"SIMPLE"}""".formatted(HEILBRONN),
                        201, GROUP.replaceAll("(?s)\"members\":\\[.*]}$", "\"members\":[]}"), 400, 401, 403, 404, 409, 422),
                Example.of("GET", BASE, null, 200, "[" + GROUP + "]", 400, 401),
                Example.of("GET", g, null, 200, GROUP, 401, 404),
                Example.of("POST", g + "/members", """
                        {"partnerId":"%s","people":["c0ffee00-acc0-4e00-9000-000000000012"]}""".formatted(COMPANY),
                        201, GROUP, 400, 401, 403, 404, 409, 422),
                Example.of("DELETE", g + "/members/{partnerId}", null, 204, null, 401, 403, 404),
                Example.of("POST", g + "/members/{partnerId}/people", """
                        {"subject":"c0ffee00-acc0-4e00-9000-000000000012"}""", 201, GROUP, 400, 401, 403, 404),
                Example.of("DELETE", g + "/members/{partnerId}/people/{subject}", null, 204, null, 401, 403, 404),
                Example.of("POST", g + "/meetings", """
                        {"startsAt":"2026-12-10T16:00:00+01:00","place":"Rathaus Heilbronn, Saal 2",
                         "agenda":["Begrüßung","Projekttag im März","Verschiedenes"]}""",
                        201, MEETING.replace(",\"minutes\":\"Projekttag am 12. März beschlossen.\"", ",\"minutes\":null"), 400, 401, 403, 404, 422),
                Example.of("GET", g + "/meetings", null, 200, "[" + MEETING + "]", 401, 404),
                Example.of("GET", g + "/meetings/{meetingId}", null, 200, MEETING, 401, 404),
                Example.of("PUT", g + "/meetings/{meetingId}/minutes", """
                        {"minutes":"Projekttag am 12. März beschlossen."}""", 200, MEETING, 400, 401, 403, 404, 412, 428),
                Example.of("POST", g + "/decisions", """
                        {"title":"Gemeinsamer Projekttag im März","motion":"Die AG richtet am 12. März einen Projekttag für Schülerinnen und Schüler aus.",
                         "meetingId":"%s"}""".formatted(MEETING_ID),
                        201, OPEN_DECISION.replaceAll("(?s)\"votes\":\\[.*]}$", "\"votes\":[]}"), 400, 401, 403, 404, 422),
                Example.of("GET", g + "/decisions", null, 200, "[" + OPEN_DECISION.replaceAll("(?s),\"votes\":\\[.*]}$", "}") + "]", 401, 404),
                Example.of("GET", g + "/decisions/{decisionId}", null, 200, CLOSED_DECISION, 401, 404),
                Example.of("POST", g + "/decisions/{decisionId}/votes", """
                        {"vote":"YES"}""", 201, """
                        {"partnerId":"%s","vote":"YES","castAt":"2026-12-10T15:40:00Z"}""".formatted(COMPANY), 400, 401, 403, 404, 409),
                Example.of("POST", g + "/decisions/{decisionId}/close", null, 200, CLOSED_DECISION, 401, 403, 404, 409)));
    }
}
