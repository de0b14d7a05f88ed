package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
        assertThat(token.find(mails.body().indexOf(email))).as("the token in this person's mail").isTrue();
        assertThat(http.send("POST", "/api/returnees/confirmations", null, "{\"token\":\"" + token.group(1) + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void erasure_also_clears_the_person_s_mails_from_the_demo_mailbox() throws Exception {
        var http = new TestHttp(port);
        String coordinator = TestTokens.subject("ems").roles("coordinator").networks(List.of(EMS_ACHSE)).sign();
        String code = new Returnee(http).campaign(EMS_ACHSE, coordinator, "Leer").code(); // the demo campaign's counts stay
        String email = "weg." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        String other = "bleibt." + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        for (String address : List.of(email, other)) {
            assertThat(http.send("POST", "/api/returnees", null, Returnee.signUp("Okke", "Demo", address, code, "24412",
                    "\"JOB\"", List.of("MATCHING"))).statusCode()).isEqualTo(202);
        }
        String mails = http.get("/internal/mails", TestTokens.operations()).body();
        var link = Pattern.compile("meine-daten\\?id=([0-9a-f-]{36})&token=([A-Za-z0-9_-]{43})").matcher(mails);
        String id = null;
        String token = null;
        while (link.find()) {
            if (mails.lastIndexOf(email, link.start()) > mails.lastIndexOf(other, link.start())) {
                id = link.group(1);
                token = link.group(2);
            }
        }
        assertThat(id).as("the person's mail in the demo mailbox").isNotNull();
        var erased = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/returnees/" + id)).DELETE()
                .header("Returnee-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        String after = http.get("/internal/mails", TestTokens.operations()).body();
        assertThat(after).as("the erased person's mails are gone").doesNotContain(email, id);
        assertThat(after).as("the others' stay").contains(other);
    }
}
