package de.augenhoehe.portal.journeys;

import java.util.UUID;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the returnee journeys set up through the API, as a coordinator of the Ems-Achse would. */
final class Returnees {

    static final String EMS_ACHSE = "0d3e4a52-7c1b-4f0e-9a61-000000000002";
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Campaign(String id, String batchId, String code, String scanUrl) {
    }

    private Returnees() {
    }

    static String email() {
        return "rueckkehr-" + UUID.randomUUID() + "@example.org";
    }

    /** An active campaign of the Ems-Achse around Papenburg (26871) with one door-hanger batch. */
    static Campaign campaign(RunningPlatform platform, String coordinator) {
        JsonNode campaign = call(platform, coordinator, "POST", "/api/campaigns", """
                {"networkId":"%s","title":"Weihnachts-Rückkehraktion Papenburg","goal":{"text":"Rückkehrer gewinnen","target":20},
                 "rationale":{"text":"Fachkräfte fehlen"},"audience":"Ehemalige zu Besuch","channels":["DOOR_HANGER"],
                 "targetAreas":["26871"],"period":{"from":"2026-12-01","to":"2027-01-31"},"partnerIds":[],"budgetEur":500}"""
                .formatted(EMS_ACHSE));
        String id = campaign.path("id").asString();
        call(platform, coordinator, "PUT", "/api/campaigns/" + id + "/status", "{\"status\":\"ACTIVE\"}");
        JsonNode batch = call(platform, coordinator, "POST", "/api/campaigns/" + id + "/batches",
                "{\"quantity\":300,\"channel\":\"DOOR_HANGER\",\"area\":\"Papenburg\"}");
        return new Campaign(id, batch.path("id").asString(), batch.path("code").asString(), batch.path("scanUrl").asString());
    }

    /**
     * Signs Talea Ostendorp up through the API and confirms by the mailed link; {@code attribution} is where she came
     * from, {@code "code":"…"} (a scanned batch) or {@code "networkId":"…"} (a network's page). Answers her mail.
     */
    static Mail signedUpAndConfirmed(RunningPlatform platform, String email, String attribution) {
        StringBuilder consents = new StringBuilder();
        for (JsonNode text : call(platform, null, "GET", "/api/returnees/consent-texts", null)) {
            String purpose = text.path("purpose").asString();
            if (purpose.equals("MATCHING") || purpose.equals("MATCH_NOTIFICATIONS")) {
                consents.append(consents.isEmpty() ? "" : ",").append("{\"purpose\":\"%s\",\"textVersion\":\"%s\"}"
                        .formatted(purpose, text.path("version").asString()));
            }
        }
        call(platform, null, "POST", "/api/returnees", """
                {"firstName":"Talea","lastName":"Ostendorp","email":"%s","currentPlace":"Oldenburg","occupation":"24412",
                 "interests":["JOB"],%s,"consents":[%s]}""".formatted(email, attribution, consents));
        Mail mail = platform.awaitMail(email, 1);
        String confirm = mail.link(platform.url("/rueckkehr/bestaetigen?token="));
        call(platform, null, "POST", "/api/returnees/confirmations",
                "{\"token\":\"" + confirm.substring(confirm.indexOf("token=") + 6) + "\"}");
        return mail;
    }

    static JsonNode call(RunningPlatform platform, String token, String method, String path, String json) {
        String body = platform.call(token, method, path, json);
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /** Presses Tab until the element with this id has the focus: how a keyboard user gets there. */
    static void tabTo(Page page, String id) {
        for (int i = 0; i < 40; i++) {
            if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("#" + id + " not reached with the Tab key on " + page.url());
    }
}
