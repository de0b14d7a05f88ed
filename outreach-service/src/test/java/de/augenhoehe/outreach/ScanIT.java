package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.net.http.HttpClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.OpenApiContract;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.outreach.scans.window=PT2S", "augenhoehe.outreach.scans.publish-interval=PT0.5S"})
@RealInfrastructure(isolatedDatabase = true)
class ScanIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    HttpResponse<String> get(String path) {
        return new TestHttp(port).get(path);
    }

    @Test
    void a_scan_is_counted_and_redirected_with_attribution_and_typos_are_forgiven() {
        UUID campaign = UUID.randomUUID();
        jdbc.update("insert into tracking_code (code, campaign_id) values ('K7Q2', ?)", campaign);
        var scan = get("/r/k7q2");
        assertThat(scan.statusCode()).isEqualTo(303);
        assertThat(scan.headers().firstValue("Location")).hasValue("/rueckkehr?campaign=" + campaign + "&code=K7Q2");
        request("GET", "/r/K7Q2", "X-Forwarded-For", "198.51.100.20"); // another visitor (one visitor counts once per window)
        assertThat(jdbc.queryForObject("select scans from tracking_code where code = 'K7Q2'", Long.class)).isEqualTo(2);
        var unknown = get("/r/ZZZZ");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:augenhoehe:problem:unknown-code");
    }

    HttpResponse<String> request(String method, String path, String... headers) {
        try {
            var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bots_head_requests_and_repeated_scans_of_a_device_are_not_counted_and_windows_are_published_as_aggregates() {
        UUID network = UUID.randomUUID();
        String coordinator = TestTokens.subject("k").roles("coordinator").networks(List.of(network)).sign();
        var campaign = new Returnee(new TestHttp(port)).campaign(network, coordinator, "Papenburg");
        String path = "/r/" + campaign.code();

        var first = request("GET", path, "User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");
        assertThat(first.statusCode()).isEqualTo(303);
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("ah_seen_" + campaign.code() + "=1").contains("Max-Age=1800", "HttpOnly");
        // the same device again within the window: redirected, not counted
        assertThat(request("GET", path, "User-Agent", "Mozilla/5.0 (iPhone)", "Cookie", cookie.split(";")[0]).statusCode()).isEqualTo(303);
        // link-preview fetchers and crawlers, a missing User-Agent, HEAD requests: not counted
        for (String bot : List.of("WhatsApp/2.23.20.0", "facebookexternalhit/1.1", "Mozilla/5.0 (compatible; Googlebot/2.1)",
                "Slackbot-LinkExpanding 1.0", "TelegramBot (like TwitterBot)", "curl/8.5.0")) {
            assertThat(request("GET", path, "User-Agent", bot).statusCode()).isEqualTo(303);
        }
        assertThat(request("HEAD", path, "User-Agent", "Mozilla/5.0 (Android 15)").statusCode()).isEqualTo(303);
        // another device
        assertThat(request("GET", path, "User-Agent", "Mozilla/5.0 (Android 15)").statusCode()).isEqualTo(303);
        assertThat(jdbc.queryForObject("select scans from tracking_code where code = ?", Long.class, campaign.code())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where table_name in "
                + "('tracking_code', 'scan_window') and column_name ~ '(ip|agent|device|cookie)'", Integer.class)).isZero();

        var counted = de.augenhoehe.testing.TopicRecords.read(de.augenhoehe.testing.Infrastructure.get().kafkaBootstrapServers(),
                "outreach-events", rs -> rs.stream().filter(r -> campaign.id().equals(r.key())
                        && "augenhoehe.outreach.scans-counted.v1".equals(de.augenhoehe.testing.TopicRecords.header(r, "ce_type")))
                        .mapToInt(r -> CampaignIT.JSON.readTree(r.value()).get("scans").asInt()).sum() >= 2,
                Duration.ofSeconds(30)).stream().filter(r -> campaign.id().equals(r.key())
                        && "augenhoehe.outreach.scans-counted.v1".equals(de.augenhoehe.testing.TopicRecords.header(r, "ce_type"))).toList();
        assertThat(counted).isNotEmpty();
        int total = counted.stream().mapToInt(r -> CampaignIT.JSON.readTree(r.value()).get("scans").asInt()).sum();
        assertThat(total).isEqualTo(2);
        var event = CampaignIT.JSON.readTree(counted.getFirst().value());
        assertThat(event.get("batchId").asString()).isEqualTo(campaign.batchId());
        assertThat(event.get("networkId").asString()).isEqualTo(network.toString());
    }

    @Test
    void cookie_less_scans_count_once_per_visitor_and_window() {
        UUID network = UUID.randomUUID();
        String coordinator = TestTokens.subject("k").roles("coordinator").networks(List.of(network)).sign();
        var campaign = new Returnee(new TestHttp(port)).campaign(network, coordinator, "Meppen");
        String path = "/r/" + campaign.code();
        String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";
        // a script that throws the cookie away: one visitor (address + User-Agent) counts once per window
        for (int i = 0; i < 5; i++) {
            assertThat(request("GET", path, "User-Agent", iphone, "X-Forwarded-For", "198.51.100.7").statusCode()).isEqualTo(303);
        }
        assertThat(scans(campaign.code())).isEqualTo(1);
        // another address with the same User-Agent, the same address with another one: other visitors
        request("GET", path, "User-Agent", iphone, "X-Forwarded-For", "198.51.100.8");
        request("GET", path, "User-Agent", "Mozilla/5.0 (Android 15)", "X-Forwarded-For", "198.51.100.7");
        assertThat(scans(campaign.code())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select sum(scans) from scan_window where code = ?", Long.class, campaign.code()))
                .as("the windows published on Kafka count alike").isEqualTo(3);
        // only keyed hashes are kept, never the address or the User-Agent
        assertThat(jdbc.queryForObject("select count(*) from scan_visitor where code = ?", Integer.class, campaign.code())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where table_name = 'scan_visitor' "
                + "and data_type not in ('bytea', 'timestamp with time zone') and column_name <> 'code'", Integer.class)).isZero();
        // once the visitor's window is over, they count again
        jdbc.update("update scan_visitor set seen_until = now() - interval '1 second' where code = ?", campaign.code());
        request("GET", path, "User-Agent", iphone, "X-Forwarded-For", "198.51.100.7");
        assertThat(scans(campaign.code())).isEqualTo(4);
    }

    long scans(String code) {
        return jdbc.queryForObject("select scans from tracking_code where code = ?", Long.class, code);
    }

    @Test
    void an_unknown_code_gets_a_friendly_page_in_a_browser_and_a_problem_for_api_clients() {
        var html = request("GET", "/r/QQQQQQQQ", "Accept", "text/html,application/xhtml+xml", "User-Agent", "Mozilla/5.0");
        assertThat(html.statusCode()).isEqualTo(404);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("Diesen Code kennen wir leider nicht", "href=\"/rueckkehr\"");
        var api = request("GET", "/r/QQQQQQQQ", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("urn:augenhoehe:problem:unknown-code");
    }

    @Test
    void the_served_openapi_document_is_the_committed_contract() {
        OpenApiContract.assertServedMatchesCommitted(port);
    }
}
