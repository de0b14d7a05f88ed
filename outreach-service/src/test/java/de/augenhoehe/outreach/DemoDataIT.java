package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/**
 * Demo mode: the Ems-Achse Christmas campaign with its four door-hanger batches, scans, sign-ups and matches; and
 * the embedded SMTP server of local runs, whose mails operators read at /internal/mails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.demo.enabled=true", "spring.application.name=outreach-service-demo-it"})
@RealInfrastructure(isolatedDatabase = true)
class DemoDataIT {

    static final UUID EMS_ACHSE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000002");
    static final String CAMPAIGN = "7c1b0e57-0d3e-4a52-9a61-000000000701";

    @DynamicPropertySource
    static void localMailServer(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int free = port;
        registry.add("spring.mail.port", () -> free);
    }

    @LocalServerPort int port;

    @Test
    void the_christmas_campaign_of_the_ems_achse_is_there_with_batches_scans_sign_ups_and_matches() {
        String coordinator = TestTokens.subject("ems").roles("coordinator").networks(List.of(EMS_ACHSE)).sign();
        var http = new TestHttp(port);
        var funnel = http.get("/api/campaigns/" + CAMPAIGN + "/funnel", coordinator);
        assertThat(funnel.statusCode()).as(funnel.body()).isEqualTo(200);
        JsonNode f = CampaignIT.JSON.readTree(funnel.body());
        assertThat(f.get("municipalities").findValuesAsString("area")).containsExactlyInAnyOrder("Leer", "Papenburg", "Meppen", "Nordhorn");
        JsonNode total = f.get("total");
        assertThat(total.get("distributed").asLong()).isEqualTo(4700);
        assertThat(total.get("scanned").asLong()).isEqualTo(170);
        assertThat(total.get("signedUp").asLong()).isEqualTo(6);
        assertThat(total.get("confirmed").asLong()).isEqualTo(4);
        assertThat(total.get("matched").asLong()).isEqualTo(4);
        var matches = CampaignIT.JSON.readTree(http.get("/api/returnees/matches?networkId=" + EMS_ACHSE, coordinator).body());
        assertThat(matches.findValuesAsString("firstName")).contains("Insa", "Hauke", "Wiebke", "Tammo");

        // the embedded SMTP server: a sign-up through a demo code is mailed there, operators can read it
        String code = f.get("batches").get(0).get("code").asString();
        String email = "neu." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        var r = http.send("POST", "/api/returnees", null, Returnee.signUp("Neele", "Demo", email, code, "24412", "\"JOB\"",
                List.of("MATCHING")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(http.get("/internal/mails", coordinator).statusCode()).isEqualTo(403);
        var mails = http.get("/internal/mails", TestTokens.operations());
        assertThat(mails.statusCode()).isEqualTo(200);
        assertThat(mails.body()).contains(email, "bestaetigen?token=");
        var token = Pattern.compile("bestaetigen\\?token=([A-Za-z0-9_-]{43})").matcher(mails.body());
        assertThat(token.find()).isTrue();
        assertThat(http.send("POST", "/api/returnees/confirmations", null, "{\"token\":\"" + token.group(1) + "\"}").statusCode())
                .isEqualTo(200);
    }
}
