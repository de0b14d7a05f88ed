package de.augenhoehe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document of a service ({@code src/main/resources/contracts/openapi.json}) must equal what
 * the running service serves: a changed endpoint without a changed contract fails the build. After a deliberate
 * change, {@code ./mvnw verify -Dcontracts.update=true} rewrites the file for review and commit.
 */
public final class OpenApiContract {

    public static final Path COMMITTED = Path.of("src/main/resources/contracts/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private OpenApiContract() {
    }

    public static void assertServedMatchesCommitted(int port) {
        String served;
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) { // never commit a problem as the contract
                throw new AssertionError("/v3/api-docs answered " + answer.statusCode() + ": " + answer.body());
            }
            served = answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String actual = normalise(served);
        List<String> notProblems = errorsNotDeclaredAsProblems(actual);
        if (!notProblems.isEmpty()) {
            throw new AssertionError("Every error answer is an RFC 9457 problem, but the document declares other content for "
                    + notProblems);
        }
        try {
            if (Boolean.getBoolean("contracts.update") || !Files.exists(COMMITTED)) {
                boolean missing = !Files.exists(COMMITTED);
                Files.createDirectories(COMMITTED.getParent());
                Files.writeString(COMMITTED, actual);
                if (missing) {
                    throw new AssertionError("No committed OpenAPI contract at " + COMMITTED + ": written now — review and commit it");
                }
                return;
            }
            String committed = normalise(Files.readString(COMMITTED));
            if (!committed.equals(actual)) {
                throw new AssertionError("The served OpenAPI document differs from " + COMMITTED.toAbsolutePath()
                        + ". Change the contract deliberately: ./mvnw verify -Dcontracts.update=true, review, commit.\nServed:\n" + actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Error answers (4xx, 5xx) whose declared content is anything but {@code application/problem+json}. */
    @SuppressWarnings("unchecked")
    static List<String> errorsNotDeclaredAsProblems(String json) {
        Map<String, Object> doc = JSON.readValue(json, Map.class);
        List<String> wrong = new java.util.ArrayList<>();
        ((Map<String, Map<String, Object>>) doc.getOrDefault("paths", Map.of())).forEach((path, item) -> item.forEach((method, op) -> {
            if (op instanceof Map<?, ?> operation && operation.get("responses") instanceof Map<?, ?> responses) {
                responses.forEach((status, response) -> {
                    if ((String.valueOf(status).startsWith("4") || String.valueOf(status).startsWith("5"))
                            && response instanceof Map<?, ?> r && r.get("content") instanceof Map<?, ?> content
                            && content.keySet().stream().anyMatch(type -> !"application/problem+json".equals(type))) {
                        wrong.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " " + status + " " + content.keySet());
                    }
                });
            }
        }));
        return wrong;
    }

    @SuppressWarnings("unchecked")
    static String normalise(String json) {
        Map<String, Object> doc = JSON.readValue(json, Map.class);
        doc.remove("servers"); // the test server's random port
        return JSON.writeValueAsString(doc) + "\n";
    }
}
