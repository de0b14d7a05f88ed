package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** Campaigns: lifecycle and events, authorization, bad input, batches with tracking and QR codes, distributions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.outreach.campaigns.max-batches=5")
@RealInfrastructure(isolatedDatabase = true)
class CampaignIT extends NetworkIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String campaign(UUID network, String from, String to, String budget) {
        return """
                {"networkId":"%s","title":"Weihnachts-Rückkehraktion","goal":{"text":"Rückkehrer gewinnen","target":50},
                 "rationale":{"text":"Bevölkerung schrumpft","monitorFinding":"https://example.org/monitor/1"},
                 "audience":"Ehemalige, die über Weihnachten zu Besuch sind","channels":["DOOR_HANGER","POSTCARD"],
                 "targetAreas":["26789","26871"],"period":{"from":"%s","to":"%s"},
                 "partnerIds":["%s"],"budgetEur":%s}""".formatted(network, from, to, UUID.randomUUID(), budget);
    }

    JsonNode created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    String create(UUID network, String token) {
        return created(http().send("POST", "/api/campaigns", token, campaign(network, "2026-12-01", "2027-01-31", "1500.00")))
                .get("id").asString();
    }

    static List<ConsumerRecord<String, byte[]>> events(String campaign, int count) {
        return TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "outreach-events",
                rs -> rs.stream().filter(r -> campaign.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> campaign.equals(r.key())).toList();
    }

    @Test
    void a_campaign_goes_from_draft_to_active_to_closed_and_tells_so() {
        String id = create(network, coordinator);
        var read = JSON.readTree(http().get("/api/campaigns/" + id, coordinator).body());
        assertThat(read.get("status").asString()).isEqualTo("DRAFT");
        assertThat(read.get("goal").get("target").asInt()).isEqualTo(50);

        var update = http().send("PUT", "/api/campaigns/" + id, coordinator, campaign(network, "2026-12-01", "2027-02-28", "2000"));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(JSON.readTree(update.body()).get("period").get("to").asString()).isEqualTo("2027-02-28");

        assertThat(status(id, "CLOSED").statusCode()).isEqualTo(409);
        assertThat(status(id, "CLOSED").body()).contains("urn:augenhoehe:problem:illegal-campaign-transition");
        assertThat(status(id, "ACTIVE").statusCode()).isEqualTo(200);
        assertThat(status(id, "ACTIVE").statusCode()).isEqualTo(409);
        assertThat(status(id, "CLOSED").statusCode()).isEqualTo(200);
        assertThat(status(id, "DRAFT").statusCode()).isEqualTo(409);
        assertThat(http().send("PUT", "/api/campaigns/" + id, coordinator, campaign(network, "2026-12-01", "2027-02-28", "1")).statusCode())
                .isEqualTo(409);

        var records = events(id, 2);
        assertThat(records).extracting(r -> TopicRecords.header(r, "ce_type")).containsExactly(
                "augenhoehe.outreach.campaign-launched.v1", "augenhoehe.outreach.campaign-closed.v1");
        var launched = JSON.readTree(records.getFirst().value());
        assertThat(launched.get("networkId").asString()).isEqualTo(network.toString());
        assertThat(launched.get("period").get("to").asString()).isEqualTo("2027-02-28");
        assertThat(launched.get("channels").toString()).contains("DOOR_HANGER", "POSTCARD");
    }

    HttpResponse<String> status(String id, String status) {
        return http().send("PUT", "/api/campaigns/" + id + "/status", coordinator, "{\"status\":\"" + status + "\"}");
    }

    @Test
    void only_coordinators_of_the_network_see_a_campaign() {
        String id = create(network, coordinator);
        String other = TestTokens.subject("andere").roles("coordinator").networks(List.of(UUID.randomUUID())).sign();
        String staff = TestTokens.subject("staff").roles("partner_staff").networks(List.of(network)).sign();
        String path = "/api/campaigns/" + id;

        assertThat(http().get(path).statusCode()).isEqualTo(401);
        assertThat(http().get(path, other).statusCode()).isEqualTo(404);
        assertThat(http().get(path, staff).statusCode()).isEqualTo(403);
        assertThat(http().send("PUT", path + "/status", other, "{\"status\":\"ACTIVE\"}").statusCode()).isEqualTo(404);
        assertThat(http().send("POST", path + "/batches", other, "{\"quantity\":10,\"channel\":\"POSTER\",\"area\":\"Leer\"}").statusCode())
                .isEqualTo(404);
        assertThat(http().get(path + "/batches", other).statusCode()).isEqualTo(404);
        assertThat(http().send("POST", "/api/campaigns", other, campaign(network, "2026-12-01", "2027-01-31", "0")).statusCode())
                .isEqualTo(403);
        assertThat(http().send("POST", "/api/campaigns", staff, campaign(network, "2026-12-01", "2027-01-31", "0")).statusCode())
                .isEqualTo(403);
        assertThat(http().send("POST", "/api/campaigns", null, campaign(network, "2026-12-01", "2027-01-31", "0")).statusCode())
                .isEqualTo(401);
        assertThat(JSON.readTree(http().get("/api/campaigns", other).body()).get("items").size()).isZero();
        assertThat(JSON.readTree(http().get("/api/campaigns", coordinator).body()).get("items").size()).isEqualTo(1);
        // paged, with a capped page size
        create(network, coordinator);
        var page = JSON.readTree(http().get("/api/campaigns?size=1&page=1", coordinator).body());
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("id").asString()).isNotEqualTo(id);
        assertThat(http().get("/api/campaigns?size=101", coordinator).statusCode()).isEqualTo(400);
        // one network's campaigns (the portal's list per network): another network's are none for this coordinator
        assertThat(JSON.readTree(http().get("/api/campaigns?networkId=" + network, coordinator).body()).get("total").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(http().get("/api/campaigns?networkId=" + UUID.randomUUID(), coordinator).body()).get("total").asLong())
                .isZero();
        assertThat(JSON.readTree(http().get("/api/campaigns?networkId=" + network, other).body()).get("items").size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from campaign where network_id = ?", Integer.class, network)).isEqualTo(2);
    }

    @Test
    void bad_input_gets_a_problem_and_writes_nothing() {
        
        for (String body : List.of(
                campaign(network, "2027-02-01", "2027-01-31", "10"),       // period reversed
                campaign(network, "2026-12-01", "2027-01-31", "-1"),       // negative budget
                campaign(network, "2026-12-01", "2027-01-31", "10").replace("\"26789\"", "\"2678\""),
                campaign(network, "2026-12-01", "2027-01-31", "10").replace("\"POSTCARD\"", "\"CARRIER_PIGEON\""),
                campaign(network, "2026-12-01", "2027-01-31", "10").replace("\"title\"", "\"unknown\":1,\"title\""),
                campaign(network, "2026-12-01", "2027-01-31", "10").replace("\"target\":50", "\"target\":0"),
                "{not json")) {
            var r = http().send("POST", "/api/campaigns", coordinator, body);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isBetween(400, 422);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(jdbc.queryForObject("select count(*) from campaign where network_id = ?", Integer.class, network)).isZero();

        String id = create(network, coordinator);
        var badBatch = http().send("POST", "/api/campaigns/" + id + "/batches", coordinator, "{\"quantity\":0,\"channel\":\"POSTER\",\"area\":\"Leer\"}");
        assertThat(badBatch.statusCode()).isBetween(400, 422);
        var badStatus = http().send("PUT", "/api/campaigns/" + id + "/status", coordinator, "{\"status\":\"PAUSED\"}");
        assertThat(badStatus.statusCode()).isBetween(400, 422);
        assertThat(jdbc.queryForObject("select count(*) from material_batch where campaign_id = ?::uuid", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tracking_code where campaign_id = ?::uuid", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select status from campaign where id = ?::uuid", String.class, id)).isEqualTo("DRAFT");
    }

    @Test
    void each_batch_gets_its_own_code_which_scans_to_the_campaign_and_has_a_qr_code() throws Exception {
        String id = create(network, coordinator);
        Set<String> codes = new HashSet<>();
        JsonNode first = null;
        for (String area : List.of("Leer", "Papenburg", "Meppen", "Nordhorn", "26789")) {
            var batch = created(http().send("POST", "/api/campaigns/" + id + "/batches", coordinator,
                    "{\"quantity\":1250,\"channel\":\"DOOR_HANGER\",\"area\":\"" + area + "\"}"));
            String code = batch.get("code").asString();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{8}");
            assertThat(batch.get("scanUrl").asString()).isEqualTo("http://127.0.0.1:8080/r/" + code);
            codes.add(code);
            first = first == null ? batch : first;
        }
        assertThat(codes).hasSize(5);
        var sixth = http().send("POST", "/api/campaigns/" + id + "/batches", coordinator,
                "{\"quantity\":10,\"channel\":\"POSTER\",\"area\":\"Leer\"}");
        assertThat(sixth.statusCode()).as("at most max-batches (here 5) per campaign").isEqualTo(409);
        assertThat(sixth.body()).contains("urn:augenhoehe:problem:batch-limit");
        assertThat(JSON.readTree(http().get("/api/campaigns/" + id + "/batches", coordinator).body()).size()).isEqualTo(5);

        String code = first.get("code").asString();
        var scan = http().get("/r/" + code.toLowerCase());
        assertThat(scan.statusCode()).isEqualTo(303);
        assertThat(scan.headers().firstValue("Location")).hasValue("/rueckkehr?campaign=" + id + "&code=" + code);
        assertThat(jdbc.queryForObject("select batch_id from tracking_code where code = ?", UUID.class, code))
                .isEqualTo(UUID.fromString(first.get("id").asString()));

        String qrPath = "/api/campaigns/" + id + "/batches/" + first.get("id").asString() + "/qr.svg";
        var svg = http().get(qrPath, coordinator);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(svg.body()).contains("/r/" + code);
        var png = http().get(qrPath.replace(".svg", ".png"), coordinator);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        String other = TestTokens.subject("andere").roles("coordinator").networks(List.of(UUID.randomUUID())).sign();
        assertThat(http().get(qrPath, other).statusCode()).isEqualTo(404);

        var sheet = http().get(qrPath.replace("qr.svg", "print-sheet.svg"), coordinator);
        assertThat(sheet.statusCode()).isEqualTo(200);
        var sheetDoc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(sheet.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(sheetDoc.getDocumentElement().getAttribute("width")).isEqualTo("210mm");
        assertThat(sheetDoc.getElementsByTagName("use").getLength()).isEqualTo(8);
        assertThat(sheet.body()).contains(code.substring(0, 4) + " " + code.substring(4), "http://127.0.0.1:8080/r/" + code,
                "Weihnachts-Rückkehraktion", "Leer");
        assertThat(http().get(qrPath.replace("qr.svg", "print-sheet.svg"), other).statusCode()).isEqualTo(404);
    }

    @Test
    void distributions_never_exceed_the_batch_and_are_counted_in_events() {
        String id = create(network, coordinator);
        var batch = created(http().send("POST", "/api/campaigns/" + id + "/batches", coordinator,
                "{\"quantity\":100,\"channel\":\"DOOR_HANGER\",\"area\":\"Leer\"}"));
        String path = "/api/campaigns/" + id + "/batches/" + batch.get("id").asString() + "/distributions";
        UUID partner = UUID.randomUUID();
        var one = created(http().send("POST", path, coordinator,
                "{\"partnerId\":\"" + partner + "\",\"streets\":\"Hauptstraße, Mühlenstraße\",\"on\":\"2026-11-20\",\"quantity\":60}"));
        assertThat(one.get("batchDistributed").asInt()).isEqualTo(60);
        var tooMany = http().send("POST", path, coordinator,
                "{\"volunteer\":\"Ehrenamt Leer 1\",\"postalCodes\":[\"26789\"],\"on\":\"2026-11-21\",\"quantity\":41}");
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.body()).contains("urn:augenhoehe:problem:batch-exhausted");
        var nobody = http().send("POST", path, coordinator, "{\"postalCodes\":[\"26789\"],\"on\":\"2026-11-21\",\"quantity\":1}");
        assertThat(nobody.statusCode()).isEqualTo(400);
        var rest = created(http().send("POST", path, coordinator,
                "{\"volunteer\":\"Ehrenamt Leer 1\",\"postalCodes\":[\"26789\"],\"on\":\"2026-11-21\",\"quantity\":40}"));
        assertThat(rest.get("batchDistributed").asInt()).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from distribution where batch_id = ?::uuid", Integer.class, batch.get("id").asString())).isEqualTo(2);

        var records = events(id, 2);
        assertThat(records).extracting(r -> TopicRecords.header(r, "ce_type"))
                .containsOnly("augenhoehe.outreach.batch-distributed.v1");
        var last = JSON.readTree(records.getLast().value());
        assertThat(last.get("quantity").asInt()).isEqualTo(40);
        assertThat(last.get("batchDistributed").asInt()).isEqualTo(100);
        assertThat(new String(records.getLast().value())).doesNotContain("Ehrenamt", "26789");
    }
}
