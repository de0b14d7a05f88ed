package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full matrix route family × caller: anonymous and a token of each role. "public" routes reach their service for
 * everyone, "user" routes for any token, role routes only for that role (403 for the others); anonymous callers of
 * non-public routes get 401 with a Bearer challenge. Real HTTP servers stand in for the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest {

    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();
    static final List<String> ROLES = List.of("partner_staff", "coordinator", "partner_admin", "hr_client", "operations");

    /** method, path, who may pass: "public", "user", or the roles ("a|b"); the service that answers ("-" for the gateway). */
    record Family(String method, String path, String access, String service) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family("GET", "/api/vacancies/1", "public", "vacancy"),
            new Family("GET", "/api/vacancies", "public", "vacancy"),
            new Family("GET", "/api/vacancies/mine", "partner_admin|partner_staff", "vacancy"),
            new Family("POST", "/api/vacancies/1/application-click", "public", "vacancy"),
            new Family("GET", "/api/measures/1", "public", "measures"),
            new Family("GET", "/api/partners/1", "public", "partner"),
            new Family("GET", "/api/networks/1", "public", "partner"),
            new Family("GET", "/api/kreise", "public", "partner"),
            new Family("GET", "/r/K7Q2", "public", "outreach"),
            new Family("GET", "/", "public", "portal"),
            new Family("GET", "/stellen", "public", "portal"),
            new Family("GET", "/rueckkehr/bestaetigen", "public", "portal"),
            new Family("POST", "/massnahmen/1/anmeldung", "public", "portal"),
            new Family("GET", "/assets/portal.css", "public", "portal"),
            new Family("GET", "/sitemap.xml", "public", "portal"),
            new Family("GET", "/mein-bereich", "public", "portal"),
            new Family("GET", "/login/oauth2/code/augenhoehe", "public", "portal"),
            new Family("POST", "/logout", "public", "portal"),
            new Family("GET", "/.well-known/openid-configuration", "public", "partner"),
            new Family("GET", "/oauth2/jwks", "public", "partner"),
            new Family("POST", "/oauth2/token", "public", "partner"),
            new Family("GET", "/v3/api-docs/partner", "public", "partner"),
            new Family("POST", "/api/registrations", "public", "measures"),
            new Family("DELETE", "/api/registrations/1/personal-data", "public", "measures"),
            new Family("POST", "/api/registrations/1/confirmation", "public", "measures"),
            new Family("POST", "/api/measures/1/registrations/2/cancellation", "partner_admin|partner_staff|coordinator", "measures"),
            new Family("GET", "/actuator/health/liveness", "public", "-"),
            new Family("GET", "/swagger-ui.html", "public", "-"),
            new Family("GET", "/asyncapi.yaml", "public", "-"),
            new Family("GET", "/asyncapi/events/augenhoehe.partner.registered.v1.schema.json", "public", "-"),
            new Family("POST", "/api/vacancies", "user", "vacancy"),
            new Family("POST", "/api/measures", "user", "measures"),
            new Family("POST", "/api/partners", "user", "partner"),
            new Family("PUT", "/api/networks/1", "user", "partner"),
            new Family("POST", "/api/kreise", "user", "partner"),
            new Family("GET", "/api/working-groups/1", "user", "partner"),
            new Family("GET", "/api/monitor/gaps", "user", "measures"),
            new Family("GET", "/api/campaigns/1", "user", "outreach"),
            new Family("GET", "/api/returnees/1", "public", "outreach"),
            new Family("POST", "/api/returnees", "public", "outreach"),
            new Family("GET", "/api/returnees/consent-texts", "public", "outreach"),
            new Family("POST", "/api/returnees/1/hired", "user", "outreach"),
            new Family("GET", "/api/returnees/matches", "user", "outreach"),
            new Family("GET", "/integration/v1/vacancies", "hr_client", "vacancy"),
            new Family("POST", "/integration/v1/vacancies/batches", "hr_client", "vacancy"),
            new Family("GET", "/ops/health", "operations", "-"),
            new Family("GET", "/ops/metrics/partner", "operations", "partner"),
            new Family("GET", "/actuator/prometheus", "operations", "-"));

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, true);
    }


    @TestFactory
    Stream<DynamicTest> every_route_family_for_every_caller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Family f : FAMILIES) {
            tests.add(DynamicTest.dynamicTest(f.method() + " " + f.path() + " × anonymous", () -> check(f, null)));
            for (String role : ROLES) {
                tests.add(DynamicTest.dynamicTest(f.method() + " " + f.path() + " × " + role, () -> check(f, role)));
            }
        }
        assertThat(tests).hasSize(FAMILIES.size() * 6);
        return tests.stream();
    }

    private void check(Family f, String role) {
        String token = role == null ? null : GatewayTestSupport.token(role);
        HttpResponse<String> r = send(port, f.method(), f.path(), token);
        boolean allowed = f.access().equals("public") || (role != null && (f.access().equals("user") || List.of(f.access().split("\\|")).contains(role)));
        if (!allowed) {
            int expected = role == null ? 401 : 403;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains(role == null ? "urn:augenhoehe:problem:unauthenticated" : "urn:augenhoehe:problem:forbidden");
            if (role == null) {
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
            return;
        }
        if (f.service().equals("-")) {
            if (f.path().startsWith("/ops/")) { // the gateway's own operations view
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).contains("\"services\"");
            } else {
                assertThat(r.statusCode()).as(r.body()).isIn(200, 302);
            }
            return;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String downstreamPath = f.path().startsWith("/v3/api-docs/") ? "/v3/api-docs"
                : f.path().startsWith("/ops/metrics/") ? "/actuator/prometheus" : f.path();
        assertThat(r.body()).isEqualTo(f.service() + " " + downstreamPath + " " + (token == null ? "null" : "Bearer " + token));
    }

    /** Issue #16: the event catalogue is public, and every schema it references can be fetched where it says. */
    @org.junit.jupiter.api.Test
    void the_event_catalogue_and_its_schemas_are_public() {
        HttpResponse<String> doc = send(port, "GET", "/asyncapi.yaml", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(doc.body()).contains("asyncapi: 3.0.0").doesNotContain("../").doesNotContain("src/main/resources");
        List<String> refs = java.util.regex.Pattern.compile("\\$ref: '(asyncapi/events/[^']+)'").matcher(doc.body()).results()
                .map(m -> m.group(1)).distinct().toList();
        assertThat(refs).hasSizeGreaterThan(30);
        for (String ref : refs) {
            HttpResponse<String> schema = send(port, "GET", "/" + ref, null);
            assertThat(schema.statusCode()).as(ref).isEqualTo(200);
            assertThat(schema.body()).as(ref).contains("\"$schema\"");
        }
        HttpResponse<String> unknown = send(port, "GET", "/asyncapi/events/nothing.schema.json", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
