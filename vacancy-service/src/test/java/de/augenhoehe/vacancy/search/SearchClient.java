package de.augenhoehe.vacancy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public search as its callers see it: {@code GET /api/vacancies?…} over HTTP, for the search ITs. */
final class SearchClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    SearchClient(int port) {
        this.port = port;
    }

    /** The answer to "a=b&c=d", which must be 200. */
    JsonNode get(String query) {
        HttpResponse<String> response = send(query);
        assertThat(response.statusCode()).as(query + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> send(String query) {
        try {
            String uri = "http://127.0.0.1:" + port + "/api/vacancies" + (query.isEmpty() ? "" : "?" + encodeQuery(query));
            return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<UUID> ids(String query) {
        return ids(get(query));
    }

    /** The hits of every page, following the cursors to the end. */
    List<UUID> allPages(String query) {
        JsonNode page = get(query);
        List<UUID> seen = new ArrayList<>(ids(page));
        while (!page.get("next").isNull()) {
            page = get(query + "&cursor=" + enc(page.get("next").asString()));
            seen.addAll(ids(page));
        }
        return seen;
    }

    static List<UUID> ids(JsonNode result) {
        List<UUID> ids = new ArrayList<>();
        result.get("items").forEach(h -> ids.add(UUID.fromString(h.get("id").asString())));
        return ids;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Encodes the values of "a=b&c=d" (already encoded values, like cursors, pass through unchanged). */
    private static String encodeQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            boolean encoded = value.contains("%");
            out.append(out.isEmpty() ? "" : "&").append(pair, 0, eq + 1).append(encoded ? value : enc(value));
        }
        return out.toString();
    }
}
