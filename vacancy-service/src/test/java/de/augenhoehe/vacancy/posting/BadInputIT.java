package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.hrClient;
import static de.augenhoehe.vacancy.posting.Http.json;
import static de.augenhoehe.vacancy.posting.Http.staff;
import static de.augenhoehe.vacancy.posting.Samples.TODAY;
import static de.augenhoehe.vacancy.posting.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.testing.RealInfrastructure;

/**
 * Bad input through both APIs: 4xx problem details with a stable type, never 500, and nothing written — no posting,
 * no event. Texts with markup are rejected (not sanitised).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcTemplate jdbc;

    Http http;
    UUID company;

    @BeforeAll
    void setUp() {
        http = new Http(port);
        company = new Companies(kafka, jdbc).active(UUID.randomUUID());
    }

    /** name → (body, expected status, expected problem type slug, field or null) */
    Map<String, Object[]> cases() {
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("invalid KldB", new Object[] {json(Samples.with("kldb", "99999")), 422, "validation-failed", "kldb"});
        c.put("KldB of level 3", new Object[] {json(Samples.with("kldb", "261")), 422, "validation-failed", "kldb"});
        c.put("unknown postal code", new Object[] {json(Samples.with("postalCode", "99999")), 422, "validation-failed", "postalCode"});
        c.put("malformed postal code", new Object[] {json(Samples.with("postalCode", "7417")), 422, "validation-failed", "postalCode"});
        c.put("no place at all", new Object[] {json(Samples.with("postalCode", null)), 422, "validation-failed", "postalCode"});
        c.put("coordinates outside Germany", new Object[] {json(Samples.with("postalCode", null, "latitude", 40.0, "longitude", 3.0)), 422, "validation-failed", "latitude"});
        c.put("valid-through in the past", new Object[] {json(Samples.with("validThrough", TODAY.minusDays(1).toString())), 422, "validation-failed", "validThrough"});
        c.put("start after end", new Object[] {json(Samples.with("fixedTerm", true, "startDate", TODAY.plusDays(90).toString(),
                "endDate", TODAY.plusDays(30).toString())), 422, "validation-failed", "startDate"});
        c.put("end date without fixed term", new Object[] {json(Samples.with("endDate", TODAY.plusDays(300).toString())), 422, "validation-failed", "endDate"});
        c.put("HTML in the title", new Object[] {json(Samples.with("title", "<b>Mechatroniker</b>")), 422, "validation-failed", "title"});
        c.put("script in the description", new Object[] {json(Samples.with("description", "Tolle Stelle <script>alert(document.cookie)</script>")), 422, "validation-failed", "description"});
        c.put("event handler markup", new Object[] {json(Samples.with("description", "Bild: <img src=x onerror=alert(1)>")), 422, "validation-failed", "description"});
        c.put("javascript URL", new Object[] {json(Samples.with("applicationUrl", "javascript:alert(1)")), 422, "validation-failed", "applicationUrl"});
        c.put("no application route", new Object[] {json(Samples.with("applicationUrl", null)), 422, "validation-failed", "applicationUrl"});
        c.put("salary min above max", new Object[] {json(Samples.with("salaryMin", 5000, "salaryMax", 3000)), 422, "validation-failed", "salaryMin"});
        c.put("German level B3", new Object[] {json(Samples.with("germanLevel", "B3")), 400, "malformed-request", null});
        c.put("unknown type", new Object[] {json(Samples.with("type", "VOLUNTEER")), 400, "malformed-request", null});
        c.put("openings 0", new Object[] {json(Samples.with("openings", 0)), 422, "validation-failed", "openings"});
        c.put("openings 501 (#16: at most 500 per posting)", new Object[] {json(Samples.with("openings", 501)), 422, "validation-failed", "openings"});
        c.put("remote share 120", new Object[] {json(Samples.with("remoteShare", 120)), 422, "validation-failed", "remoteShare"});
        c.put("title too long", new Object[] {json(Samples.with("title", "M".repeat(201))), 422, "validation-failed", "title"});
        c.put("unknown field", new Object[] {json(Samples.with("colour", "blue")), 400, "malformed-request", null});
        c.put("malformed JSON", new Object[] {"{\"title\": \"Mechatroniker\", ", 400, "malformed-request", null});
        c.put("not an object", new Object[] {"[1, 2, 3]", 400, "malformed-request", null});
        c.put("huge body", new Object[] {json(Samples.with("description", "Sehr lange Beschreibung. ".repeat(400_000))), 413, "payload-too-large", null});
        c.put("description over 20,000 characters", new Object[] {json(Samples.with("description", "x".repeat(20_001))), 422, "validation-failed", "description"});
        return c;
    }

    @Test
    void the_people_api_refuses_bad_input_and_writes_nothing() {
        check("POST", "/api/vacancies", staff(company));
    }

    @Test
    void the_integration_api_refuses_bad_input_and_writes_nothing() {
        check("PUT", "/integration/v1/vacancies/BAD-1", hrClient(company));
        var badId = http.send("PUT", "/integration/v1/vacancies/%3Cscript%3E", hrClient(company), json(Samples.posting()));
        assertThat(badId.statusCode()).isEqualTo(422);
        assertThat(json(badId).get("type").asString()).isEqualTo("urn:augenhoehe:problem:invalid-external-id");
        var tooMany = http.send("POST", "/integration/v1/vacancies:batch", hrClient(company),
                json(Map.of("items", Collections.nCopies(1001, Map.of("externalId", "x")))));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(json(tooMany).get("type").asString()).isEqualTo("urn:augenhoehe:problem:batch-size");
        assertThat(count()).isZero();
    }

    @Test
    void a_status_in_the_content_of_the_people_api_is_refused() {
        var r = http.send("POST", "/api/vacancies", staff(company), json(Samples.with("status", "PUBLISHED")));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(count()).isZero();
    }

    private void check(String method, String path, String token) {
        for (var c : cases().entrySet()) {
            Object[] v = c.getValue();
            HttpResponse<String> r = http.send(method, path, token, (String) v[0]);
            assertThat(r.statusCode()).as(c.getKey() + ": " + abbreviate(r.body())).isEqualTo(v[1]);
            assertThat(r.headers().firstValue("Content-Type")).as(c.getKey()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(r).get("type").asString()).as(c.getKey()).isEqualTo("urn:augenhoehe:problem:" + v[2]);
            if (v[3] != null) {
                List<String> fields = json(r).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
                assertThat(fields).as(c.getKey()).contains((String) v[3]);
            }
            assertThat(count()).as(c.getKey() + ": nothing written").isZero();
        }
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from posting where employer_id = ?", Integer.class, company)
                + jdbc.queryForObject("select count(*) from outbox_event where event_type like 'augenhoehe.vacancy.%'", Integer.class);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
