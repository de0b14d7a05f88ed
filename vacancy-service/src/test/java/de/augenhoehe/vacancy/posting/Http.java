package de.augenhoehe.vacancy.posting;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/** HTTP as a client sees it ({@link TestHttp}), with the headers these tests need (If-Match, Accept), and the tokens. */
record Http(int port) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        return new TestHttp(port).send(method, path, token, body, headers);
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static String staff(UUID company) {
        return TestTokens.subject("staff-" + company).roles("partner_staff").partner(company).sign();
    }

    static String admin(UUID company) {
        return TestTokens.subject("admin-" + company).roles("partner_admin").partner(company).sign();
    }

    static String hrClient(UUID company) {
        return TestTokens.subject("hr-" + company).roles("hr_client").partner(company).sign();
    }

    static String coordinator(UUID network) {
        return TestTokens.subject("coordinator").roles("coordinator").networks(List.of(network)).sign();
    }
}
