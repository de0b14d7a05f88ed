package de.augenhoehe.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.OpenApiContract;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** Registering a partner: who may, what is refused, and the event the network receives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class PartnerRegistrationIT {

    @LocalServerPort int port;
    HttpResponse<String> send(String method, String path, String token, String body) {
        return new TestHttp(port).send(method, path, token, body);
    }

    String coordinator() {
        return TestTokens.subject("coordinator-1").roles("coordinator").sign();
    }

    @Test
    void a_coordinator_registers_a_partner_which_is_public_and_announced_without_personal_data() {
        var created = send("POST", "/api/partners", coordinator(), "{\"name\":\"Handwerkskammer Test\",\"kind\":\"CHAMBER_OF_CRAFTS\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);

        var read = send("GET", location, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Handwerkskammer Test").contains("CHAMBER_OF_CRAFTS");

        var records = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "partner-events",
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        var event = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicRecords.header(event, "ce_type")).isEqualTo("augenhoehe.partner.registered.v1");
        assertThat(new String(event.value())).contains("\"partnerId\":\"" + id + "\"").doesNotContain("coordinator-1");
    }

    @Test
    void only_coordinators_register_and_bad_input_is_refused_with_problems() {
        String body = "{\"name\":\"Firma\",\"kind\":\"COMPANY\"}";
        assertThat(send("POST", "/api/partners", null, body).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/partners", TestTokens.subject("s").roles("partner_staff").sign(), body).statusCode()).isEqualTo(403);
        var unknownKind = send("POST", "/api/partners", coordinator(), "{\"name\":\"X\",\"kind\":\"RANKED_FIRST\"}");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("urn:augenhoehe:problem:malformed-request");
        assertThat(send("POST", "/api/partners", coordinator(), "{\"name\":\"\",\"kind\":\"COMPANY\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/partners", coordinator(), "{\"name\":\"X\",\"kind\":\"COMPANY\",\"rank\":1}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/partners", coordinator(), "{\"name\":\"Doppelt\",\"kind\":\"COMPANY\"}").statusCode()).isEqualTo(201);
        var duplicate = send("POST", "/api/partners", coordinator(), "{\"name\":\"doppelt\",\"kind\":\"COMPANY\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("urn:augenhoehe:problem:partner-exists");
        var missing = send("GET", "/api/partners/00000000-0000-0000-0000-000000000000", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("urn:augenhoehe:problem:not-found");
    }

    @Test
    void the_served_openapi_document_is_the_committed_contract() {
        OpenApiContract.assertServedMatchesCommitted(port);
    }
}
