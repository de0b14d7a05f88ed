package de.augenhoehe.vacancy.posting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.TestTokens;

/** HTTP as a client sees it, with the headers these tests need (If-Match, Accept). */
record Http(int port) {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        return TestTokens.subject("coordinator").roles("coordinator").networks(java.util.List.of(network)).sign();
    }
}
