package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.TestHttp;

/** Test fixtures: a campaign with a batch, and returnees signing up through its code. */
public record Returnee(TestHttp http) {

    public record Campaign(String id, String batchId, String code) {
    }

    /** An active campaign of the network with one door-hanger batch for {@code area}, target area Leer (26789). */
    public Campaign campaign(UUID network, String coordinator, String area) {
        var c = http.send("POST", "/api/campaigns", coordinator, CampaignIT.campaign(network, "2026-12-01", "2027-01-31", "100")
                .replace("[\"26789\",\"26871\"]", "[\"26789\"]"));
        assertThat(c.statusCode()).as(c.body()).isEqualTo(201);
        String id = CampaignIT.JSON.readTree(c.body()).get("id").asString();
        assertThat(http.send("PUT", "/api/campaigns/" + id + "/status", coordinator, "{\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(200);
        var b = http.send("POST", "/api/campaigns/" + id + "/batches", coordinator,
                "{\"quantity\":500,\"channel\":\"DOOR_HANGER\",\"area\":\"" + area + "\"}");
        assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
        var batch = CampaignIT.JSON.readTree(b.body());
        return new Campaign(id, batch.get("id").asString(), batch.get("code").asString());
    }

    public static String signUp(String first, String last, String email, String code, String occupation, String interests,
            List<String> consents) {
        String c = String.join(",", consents.stream().map(p -> switch (p) {
            case "MATCHING" -> "{\"purpose\":\"MATCHING\",\"textVersion\":\"matching-2026-11\"}";
            case "MATCH_NOTIFICATIONS" -> "{\"purpose\":\"MATCH_NOTIFICATIONS\",\"textVersion\":\"notifications-2026-11\"}";
            case "NETWORK_CONTACT" -> "{\"purpose\":\"NETWORK_CONTACT\",\"textVersion\":\"network-contact-2026-11\"}";
            default -> p;
        }).toList());
        return """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"+49 170 1234567","currentPlace":"Hamburg-Altona",
                 "occupation":"%s","qualification":"Meisterin","earliestReturn":"2027-03-01",
                 "interests":[%s],"code":"%s","consents":[%s]}""".formatted(first, last, email, occupation, interests, code, c);
    }

    public HttpResponse<String> post(String json) {
        return http.send("POST", "/api/returnees", null, json);
    }

    /** Signs up, reads the confirmation mail and confirms; returns the returnee id and the management token. */
    public String[] signUpAndConfirm(String json, String email) {
        int before = Mailbox.to(email).size();
        var r = post(json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        var mail = Mailbox.await(email, before + 1);
        var confirm = http.send("POST", "/api/returnees/confirmations", null,
                "{\"token\":\"" + MailLinks.confirmationToken(mail) + "\"}");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        return new String[] {MailLinks.returneeId(mail), MailLinks.managementToken(mail)};
    }
}
