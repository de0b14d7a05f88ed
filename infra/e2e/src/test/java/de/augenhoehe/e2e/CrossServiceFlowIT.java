package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.augenhoehe.localservers.FreePorts;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * The walking skeleton end to end: a coordinator registers a company through the gateway at partner-service; the
 * event crosses Kafka through the outbox; vacancy-service knows the company — read back through the gateway.
 */
class CrossServiceFlowIT {

    @Test
    void a_partner_registered_through_the_gateway_becomes_known_to_vacancy_service_via_partner_events() throws Exception {
        Infrastructure infra = Infrastructure.get();
        Map<String, String> common = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "SPRING_DATASOURCE_USERNAME", infra.postgresUser(),
                "SPRING_DATASOURCE_PASSWORD", infra.postgresPassword(),
                "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + TestTokens.publicKeyFile(),
                "AUGENHOEHE_SECURITY_JWT_ISSUER", TestTokens.ISSUER,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", ""));
        Map<String, String> partnerEnv = new HashMap<>(common);
        partnerEnv.put("SPRING_DATASOURCE_URL", infra.jdbcUrl(infra.createDatabase("e2e_partner")));
        Map<String, String> vacancyEnv = new HashMap<>(common);
        vacancyEnv.put("SPRING_DATASOURCE_URL", infra.jdbcUrl(infra.createDatabase("e2e_vacancy")));
        vacancyEnv.put("AUGENHOEHE_SEARCH_CURSOR_SECRET", "e2e-only-cursor-key-0123456789abcdef");

        try (ServiceProcess partner = ServiceProcess.start("partner-service", FreePorts.next(), partnerEnv);
                ServiceProcess vacancy = ServiceProcess.start("vacancy-service", FreePorts.next(), vacancyEnv)) {
            Map<String, String> gatewayEnv = Map.of(
                    "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + TestTokens.publicKeyFile(),
                    "AUGENHOEHE_SECURITY_JWT_ISSUER", TestTokens.ISSUER,
                    "AUGENHOEHE_GATEWAY_SERVICES_PARTNER", "http://127.0.0.1:" + partner.port,
                    "AUGENHOEHE_GATEWAY_SERVICES_VACANCY", "http://127.0.0.1:" + vacancy.port,
                    "AUGENHOEHE_GATEWAY_SERVICES_MEASURES", "http://127.0.0.1:1",
                    "AUGENHOEHE_GATEWAY_SERVICES_OUTREACH", "http://127.0.0.1:1",
                    "LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
            try (ServiceProcess gateway = ServiceProcess.start("gateway", FreePorts.next(), gatewayEnv)) {
                partner.awaitReady(Duration.ofSeconds(120));
                vacancy.awaitReady(Duration.ofSeconds(120));
                gateway.awaitReady(Duration.ofSeconds(120));
                String base = "http://127.0.0.1:" + gateway.port;
                HttpClient http = HttpClient.newHttpClient();

                String token = TestTokens.subject("coordinator-e2e").roles("coordinator").sign();
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/partners"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Leeraner Maschinenbau GmbH\",\"kind\":\"COMPANY\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String location = created.headers().firstValue("Location").orElseThrow();
                String id = location.substring(location.lastIndexOf('/') + 1);

                URI employer = URI.create(base + "/api/vacancies/employers/" + id);
                Eventually.await("vacancy-service knows the company", Duration.ofSeconds(60), () -> {
                    try {
                        return http.send(HttpRequest.newBuilder(employer).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
                assertThat(http.send(HttpRequest.newBuilder(employer).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .contains("Leeraner Maschinenbau GmbH").contains("COMPANY");
                HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/api/partners"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"X\",\"kind\":\"COMPANY\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("an anonymous write is refused").isEqualTo(401);
                assertThat(anonymous.body()).contains("urn:augenhoehe:problem:unauthenticated");
            }
        }
    }
}
