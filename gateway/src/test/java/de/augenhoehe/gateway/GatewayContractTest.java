package de.augenhoehe.gateway;

import static de.augenhoehe.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own OpenAPI document, committed like the services' ({@code src/main/resources/contracts/openapi.json},
 * linted by Spectral in .ci/run): what it serves must equal the committed file. After a deliberate change,
 * {@code ./mvnw verify -pl gateway -Dcontracts.update=true} rewrites it for review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayContractTest {

    static final Path COMMITTED = Path.of("src/main/resources/contracts/openapi.json");
    @RegisterExtension
    static final EchoServices SERVICES = new EchoServices();
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.register(registry, true);
    }


    @Test
    @SuppressWarnings("unchecked")
    void the_served_document_is_the_committed_contract_with_a_real_title() throws IOException {
        var served = send(port, "GET", "/v3/api-docs/gateway", null);
        assertThat(served.statusCode()).isEqualTo(200);
        Map<String, Object> doc = JSON.readValue(served.body(), Map.class);
        doc.remove("servers"); // the test server's random port
        String actual = JSON.writeValueAsString(doc) + "\n";
        assertThat(actual).contains("\"title\" : \"Augenhöhe gateway: operations\"").contains("RFC8725");
        if (Boolean.getBoolean("contracts.update") || !Files.exists(COMMITTED)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, actual);
            return;
        }
        assertThat(actual).as("served differs from " + COMMITTED + " (./mvnw verify -pl gateway -Dcontracts.update=true)")
                .isEqualTo(Files.readString(COMMITTED));
    }
}
