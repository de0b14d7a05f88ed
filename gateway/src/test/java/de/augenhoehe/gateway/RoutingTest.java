package de.augenhoehe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each path family reaches its service — real HTTP servers standing in for the four services — with the token relayed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingTest {

    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();
    /** A token that passes every coarse role check, so that only routing is under test here. */
    static final String TOKEN = GatewayTestSupport.token("coordinator", "hr_client");

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, true);
    }


    @Test
    void every_path_family_reaches_its_service_with_the_token_relayed() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/api/partners/1", "partner"), Map.entry("/api/networks/1", "partner"),
                Map.entry("/api/working-groups/1", "partner"), Map.entry("/api/kreise", "partner"), Map.entry("/.well-known/openid-configuration", "partner"),
                Map.entry("/oauth2/token", "partner"), Map.entry("/api/vacancies", "vacancy"),
                Map.entry("/api/vacancies/1", "vacancy"), Map.entry("/integration/v1/vacancies/x", "vacancy"),
                Map.entry("/api/measures", "measures"), Map.entry("/api/registrations/1", "measures"),
                Map.entry("/api/monitor/gaps", "measures"), Map.entry("/api/campaigns/1", "outreach"),
                Map.entry("/api/returnees/1", "outreach"), Map.entry("/api/returnees/matches", "outreach"), Map.entry("/r/K7Q2", "outreach"),
                Map.entry("/stellen/1", "portal"), Map.entry("/", "portal"), Map.entry("/robots.txt", "portal"));
        for (var e : expected.entrySet()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + e.getKey()))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).as(e.getKey()).isEqualTo(e.getValue() + " " + e.getKey() + " Bearer " + TOKEN);
        }
        for (String svc : List.of("partner", "vacancy", "measures", "outreach")) {
            HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/" + svc)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.body()).as("API docs of " + svc).isEqualTo(svc + " /v3/api-docs null");
        }
        HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/gateway/swagger-config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.body()).contains("/v3/api-docs/partner").contains("/v3/api-docs/vacancy").contains("/v3/api-docs/measures")
                .contains("/v3/api-docs/outreach");
        var unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/unknown"))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("urn:augenhoehe:problem:not-found");
    }
}
