package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** HR integration clients: issued through the API, used at the token endpoint, rotated with overlap, revoked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.identity.issuer=" + IntegrationClientIT.ISSUER)
@RealInfrastructure(isolatedDatabase = true)
class IntegrationClientIT extends InOneNetwork {

    static final String ISSUER = "http://auth.augenhoehe.test";

    UUID company;
    String admin;

    AuthServer as() {
        return new AuthServer(port);
    }

    @BeforeEach
    void a_member_company_with_its_administrator() {
        company = member("Firma", "COMPANY");
        admin = partnerAdmin("admin-" + company, company);
    }

    UUID member(String name, String kind) {
        return net.member(name, kind);
    }

    String clients(UUID partner) {
        return "/api/partners/" + partner + "/integration-clients";
    }

    JsonNode issue(UUID partner, String token) {
        var r = api().send("POST", clients(partner), token, "{\"name\":\"Personio\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.json(r);
    }

    @Test
    void a_client_gets_a_signed_token_with_the_platform_claims_and_its_use_is_recorded() {
        JsonNode issued = issue(company, admin);
        String clientId = issued.at("/client/clientId").asString();
        String secret = issued.get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(issued.at("/client/lastUsedAt").isNull()).isTrue();

        var response = as().clientCredentials(clientId, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt jwt = as().decode(as().accessToken(response));
        assertThat(jwt.getHeaders()).containsKey("kid").containsEntry("alg", "RS256");
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getAudience()).contains("augenhoehe");
        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("hr_client");
        assertThat(jwt.getClaimAsString("partner_id")).isEqualTo(company.toString());
        assertThat(jwt.getClaimAsStringList("networks")).containsExactly(network.toString());

        var listed = api().send("GET", clients(company), admin, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("secret_hash");
        assertThat(Api.json(listed).get(0).get("lastUsedAt").isNull()).as("last use recorded").isFalse();
    }

    @Test
    void the_authorization_server_answers_on_its_own_paths_and_the_api_stays_a_bearer_api() {
        var discovery = api().send("GET", "/.well-known/openid-configuration", null, null);
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode d = Api.json(discovery);
        assertThat(d.get("issuer").asString()).isEqualTo(ISSUER);
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint", "end_session_endpoint")) {
            assertThat(d.get(endpoint).asString()).as(endpoint).startsWith(ISSUER + "/oauth2/");
        }
        assertThat(api().send("GET", "/oauth2/jwks", null, null).body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
        // the platform's chain still guards the API: no login redirect, a 401 problem
        var anonymous = api().send("POST", "/api/partners", null, "{\"name\":\"X\",\"kind\":\"COMPANY\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void the_secret_is_stored_hashed_only() {
        JsonNode issued = issue(company, admin);
        String clientId = issued.at("/client/clientId").asString();
        String secret = issued.get("clientSecret").asString();
        Map<String, Object> row = jdbc.queryForMap("select * from integration_client where client_id = ?", clientId);
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(secret));
        assertThat(row.get("secret_hash")).isEqualTo(sha256Hex(secret));
    }

    @Test
    void a_wrong_secret_or_unknown_client_gets_no_token() {
        String clientId = issue(company, admin).at("/client/clientId").asString();
        assertThat(as().clientCredentials(clientId, "wrong").statusCode()).isEqualTo(401);
        assertThat(as().clientCredentials("hr-unknown", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void after_a_rotation_both_secrets_work_until_the_overlap_ends() {
        JsonNode issued = issue(company, admin);
        String clientId = issued.at("/client/clientId").asString();
        String old = issued.get("clientSecret").asString();
        var rotated = api().send("POST", clients(company) + "/" + clientId + "/rotate", coordinator, null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String fresh = Api.json(rotated).get("clientSecret").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(Api.json(rotated).at("/client/previousSecretValidUntil").isNull()).isFalse();

        assertThat(as().clientCredentials(clientId, fresh).statusCode()).isEqualTo(200);
        assertThat(as().clientCredentials(clientId, old).statusCode()).as("old secret inside the overlap").isEqualTo(200);

        jdbc.update("update integration_client set previous_valid_until = now() - interval '1 second' where client_id = ?", clientId);
        assertThat(as().clientCredentials(clientId, old).statusCode()).as("old secret after the overlap").isEqualTo(401);
        assertThat(as().clientCredentials(clientId, fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void a_revoked_client_gets_no_token_at_once_and_events_carry_no_secret() {
        JsonNode issued = issue(company, admin);
        String clientId = issued.at("/client/clientId").asString();
        String secret = issued.get("clientSecret").asString();
        assertThat(as().clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

        assertThat(api().send("DELETE", clients(company) + "/" + clientId, admin, null).statusCode()).isEqualTo(204);
        assertThat(as().clientCredentials(clientId, secret).statusCode()).isEqualTo(401);
        assertThat(api().send("DELETE", clients(company) + "/" + clientId, admin, null).statusCode()).as("idempotent").isEqualTo(204);
        var rotate = api().send("POST", clients(company) + "/" + clientId + "/rotate", admin, null);
        assertThat(rotate.statusCode()).as(rotate.body()).isEqualTo(409);
        assertThat(Api.json(api().send("GET", clients(company) + "/" + clientId, admin, null)).get("status").asString()).isEqualTo("REVOKED");

        var events = Api.events(company.toString(), 1).stream()
                .filter(r -> TopicRecords.header(r, "ce_type").contains("integration-client")).toList();
        var all = Api.events(company.toString(), 0);
        List<String> types = Api.types(TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(),
                "partner-events", rs -> rs.stream().filter(r -> company.toString().equals(r.key())
                        && TopicRecords.header(r, "ce_type").endsWith("integration-client-revoked.v1")).count() == 1,
                Duration.ofSeconds(30)).stream().filter(r -> company.toString().equals(r.key())).toList());
        assertThat(types).contains("augenhoehe.partner.integration-client-issued.v1", "augenhoehe.partner.integration-client-revoked.v1");
        assertThat(types.stream().filter(t -> t.endsWith("integration-client-revoked.v1"))).hasSize(1);
        assertThat(events).isNotEmpty();
        assertThat(all).allSatisfy(r -> assertThat(new String(r.value())).doesNotContain(secret).doesNotContain(sha256Hex(secret)));
    }

    @Test
    void only_the_companys_administrators_and_its_networks_coordinators_manage_its_clients() {
        String clientId = issue(company, coordinator).at("/client/clientId").asString();
        UUID other = member("Andere Firma", "COMPANY");
        String otherClient = issue(other, partnerAdmin("other-admin", other)).at("/client/clientId").asString();
        UUID unknown = UUID.randomUUID();
        String strangerAdmin = partnerAdmin("stranger", other);
        String staff = TestTokens.subject("staff").roles("partner_staff").partner(company).sign();
        String foreignCoordinator = coordinator("foreign", UUID.randomUUID());
        String hrClient = TestTokens.subject("hr").roles("hr_client").partner(company).sign();

        record Call(String method, String path, String body) {
        }
        List<Call> calls = List.of(new Call("POST", clients(company), "{\"name\":\"X\"}"), new Call("GET", clients(company), null),
                new Call("GET", clients(company) + "/" + clientId, null), new Call("POST", clients(company) + "/" + clientId + "/rotate", null),
                new Call("DELETE", clients(company) + "/" + clientId, null));
        for (Call c : calls) {
            assertThat(api().send(c.method(), c.path(), null, c.body()).statusCode()).as("anonymous " + c).isEqualTo(401);
            for (String token : List.of(strangerAdmin, staff, foreignCoordinator, hrClient)) {
                HttpResponse<String> r = api().send(c.method(), c.path(), token, c.body());
                assertThat(r.statusCode()).as(c + " " + r.body()).isEqualTo(403);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            }
            String unknownPath = c.path().replace(company.toString(), unknown.toString());
            assertThat(api().send(c.method(), unknownPath, coordinator, c.body()).statusCode()).as("unknown partner " + c).isEqualTo(404);
        }
        // another company's client under this company's path: 404 for every client-level endpoint, and nothing changes
        for (Call c : calls.subList(2, 5)) {
            String foreign = c.path().replace(clientId, otherClient);
            assertThat(api().send(c.method(), foreign, admin, c.body()).statusCode()).as("foreign client " + c).isEqualTo(404);
        }
        assertThat(Api.json(api().send("GET", clients(other) + "/" + otherClient, coordinator, null)).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select rotated_at is null from integration_client where client_id = ?", Boolean.class, otherClient)).isTrue();
    }

    @Test
    void bad_input_gets_problems_and_writes_nothing() {
        UUID school = member("Schule", "SCHOOL");
        int before = jdbc.queryForObject("select count(*) from integration_client", Integer.class);
        var notACompany = api().send("POST", clients(school), coordinator, "{\"name\":\"X\"}");
        assertThat(notACompany.statusCode()).as(notACompany.body()).isEqualTo(422);
        assertThat(notACompany.body()).contains("urn:augenhoehe:problem:not-a-company");
        for (String body : List.of("{}", "{\"name\":\"\"}", "{\"name\":\"" + "x".repeat(201) + "\"}", "{\"name\":\"X\",\"secret\":\"mine\"}", "{\"name\":", "[]")) {
            var r = api().send("POST", clients(company), admin, body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        assertThat(jdbc.queryForObject("select count(*) from integration_client", Integer.class)).isEqualTo(before);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
