package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.RealInfrastructure;

/** The network's give-and-gain in numbers, public for the portal's network page, naming no partner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class NetworkSummaryIT extends InOneNetwork {

    static final String PLEDGE = "{\"category\":\"INTERNSHIP_PLACES\",\"quantity\":3,\"unit\":\"places\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"}";

    void pledge(UUID partner, String body) {
        var r = api().send("POST", "/api/partners/" + partner + "/ledger/pledges", partnerAdmin("admin", partner), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void anyone_sees_the_networks_totals_over_its_active_members_without_names() {
        UUID one = member("Eins Summen GmbH");
        UUID two = member("Zwei Summen GmbH");
        member("Ruhig Summen GmbH");
        UUID outsider = partner("Draussen Summen GmbH");
        pledge(one, PLEDGE.replace("{", "{\"networkId\":\"" + network + "\","));
        pledge(two, PLEDGE.replace("\"quantity\":3", "\"quantity\":2"));
        pledge(two, PLEDGE.replace("INTERNSHIP_PLACES", "STAFF_HOURS").replace("places", "hours"));
        pledge(outsider, PLEDGE.replace("\"quantity\":3", "\"quantity\":100"));

        String path = "/api/networks/" + network + "/balance/summary";
        var r = api().send("GET", path, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode summary = json(r);
        assertThat(summary.get("members").asInt()).isEqualTo(3);
        assertThat(summary.get("membersGiving").asInt()).isEqualTo(2);
        assertThat(summary.get("membersGaining").asInt()).isZero();
        assertThat(summary.get("gave").size()).isEqualTo(2);
        JsonNode places = summary.get("gave").get(0);
        assertThat(places.get("category").asString()).isEqualTo("INTERNSHIP_PLACES");
        assertThat(places.get("pledged").decimalValue()).as("the outsider's 100 do not count").isEqualByComparingTo("5");
        assertThat(places.get("entries").asInt()).isEqualTo(2);
        assertThat(summary.get("gave").get(1).get("category").asString()).isEqualTo("STAFF_HOURS");
        assertThat(summary.get("gained").size()).isZero();
        assertThat(r.body()).doesNotContain(one.toString()).doesNotContain(two.toString()).doesNotContain("Summen GmbH");

        assertThat(json(api().send("GET", path + "?from=2026-04-01", null, null)).get("gave").size()).isZero();
        var badPeriod = api().send("GET", path + "?from=2026-05-01&to=2026-04-01", null, null);
        assertThat(badPeriod.statusCode()).isEqualTo(422);
        assertThat(badPeriod.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(api().send("GET", "/api/networks/" + UUID.randomUUID() + "/balance/summary", null, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", path + "?from=gestern", null, null).statusCode()).isEqualTo(400);
    }
}
