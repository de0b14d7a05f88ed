package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One JSON access-log line per request with trace id, client, route, status, latency and bytes; never a token or query. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogTest {

    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, true);
    }


    @Test
    void one_structured_line_per_request_without_token_or_query_string(CapturedOutput output) {
        String token = GatewayTestSupport.token("coordinator");
        HttpResponse<String> ok = send(port, "GET", "/api/working-groups/7?email=erika.muster%40example.org&q=geheim", token);
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send(port, "GET", "/api/working-groups/8?name=Erika", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = send(port, "GET", "/ops/health", token);
        assertThat(forbidden.statusCode()).isEqualTo(403);

        Eventually.until(Duration.ofSeconds(5), () -> accessLines(output).size() >= 3);
        List<JsonNode> lines = accessLines(output);
        JsonNode first = lines.stream().filter(l -> l.get("path").asString().equals("/api/working-groups/7")).findFirst().orElseThrow();
        assertThat(first.get("trace_id").asString()).matches("[0-9a-f]{16,32}");
        assertThat(first.get("client").asString()).isEqualTo("sub:user-coordinator");
        assertThat(first.get("route").asString()).isEqualTo("partner-service");
        assertThat(first.get("method").asString()).isEqualTo("GET");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(first.get("bytes").asLong()).isEqualTo(ok.body().getBytes(StandardCharsets.UTF_8).length);

        JsonNode second = lines.stream().filter(l -> l.get("path").asString().equals("/api/working-groups/8")).findFirst().orElseThrow();
        assertThat(second.get("client").asString()).isEqualTo("anonymous");
        assertThat(second.get("status").asInt()).isEqualTo(401);

        JsonNode third = lines.stream().filter(l -> l.get("path").asString().equals("/ops/health")).findFirst().orElseThrow();
        assertThat(third.get("client").asString()).as("who was refused").isEqualTo("sub:user-coordinator");
        assertThat(third.get("status").asInt()).isEqualTo(403);

        String all = output.getAll();
        assertThat(all).doesNotContain(token).doesNotContain(token.substring(0, 40)).doesNotContain("Bearer ey");
        assertThat(all).doesNotContain("example.org").doesNotContain("geheim").doesNotContain("Erika").doesNotContain("email=");
    }

    private static List<JsonNode> accessLines(CapturedOutput output) {
        return output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("\"logger\":\"access\""))
                .map(l -> JSON.readTree(l)).toList();
    }
}
