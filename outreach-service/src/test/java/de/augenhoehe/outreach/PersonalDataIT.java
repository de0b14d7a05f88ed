package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/**
 * A person's rights: export of everything held (Art. 15) and erasure (Art. 17), by the person's management link
 * or a coordinator of the network — and the zero-hits test: after erasure, neither this service's database, nor
 * any topic, nor the logs contain the person's name or e-mail.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=outreach-service-personal-data-it", "augenhoehe.outreach.matching.notify-interval=PT0.5S"})
@RealInfrastructure(isolatedDatabase = true)
class PersonalDataIT extends NetworkIT {

    HttpResponse<String> withToken(String method, String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).header("Returnee-Token", token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns (table.column) of every text-like column of every table that contain one of the needles. */
    List<String> databaseHits(List<String> needles) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_schema, table_name, column_name from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea', 'USER-DEFINED')""");
        assertThat(columns).hasSizeGreaterThan(20);
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String sql = "select count(*) from \"%s\".\"%s\" where %s".formatted(c.get("table_schema"), c.get("table_name"),
                    String.join(" or ", needles.stream().map(n -> "position(lower(?) in lower(\"" + c.get("column_name") + "\"::text)) > 0").toList()));
            int n = jdbc.queryForObject(sql, Integer.class, needles.toArray());
            if (n > 0) {
                hits.add(c.get("table_name") + "." + c.get("column_name"));
            }
        }
        return hits;
    }

    @Test
    void after_erasure_the_database_the_topics_and_the_logs_hold_zero_hits_of_the_name_and_email(CapturedOutput logs) {
        // letters only (a name holds no digits): the hex digits 0-9 become g-p
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).chars()
                .map(c -> c <= '9' ? 'g' + (c - '0') : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String first = "Zoraida" + suffix;
        String last = "Quennefeld" + suffix;
        String email = "zq." + suffix + "@example.org";
        var fixtures = new Returnee(new TestHttp(port));
        var campaign = fixtures.campaign(network, coordinator, "Leer");
        String[] person = fixtures.signUpAndConfirm(Returnee.signUp(first, last, email, campaign.code(), "24412", "\"JOB\"",
                List.of("MATCHING", "MATCH_NOTIFICATIONS", "NETWORK_CONTACT")), email);
        UUID vacancy = UUID.randomUUID();
        Vacancies.send("published", vacancy, Vacancies.open(vacancy, UUID.randomUUID(), "JOB", "24412", "26789", 53.2316, 7.4610,
                null, Instant.now()));
        Mailbox.await(email, 2); // the match notification
        Eventually.await("the notification recorded", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from mail_sent where returnee_id = ?::uuid and kind = 'MATCH'", Integer.class, person[0]) == 1);

        // Art. 15: everything held, for the person (management link) and for a coordinator of the network
        var export = withToken("GET", "/api/returnees/" + person[0] + "/export", person[1]);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        JsonNode data = CampaignIT.JSON.readTree(export.body());
        assertThat(data.get("profile").get("firstName").asString()).isEqualTo(first);
        assertThat(data.get("profile").get("email").asString()).isEqualTo(email);
        assertThat(data.get("profile").get("phone").asString()).isEqualTo("+49 170 1234567");
        assertThat(data.get("consents").size()).isEqualTo(3);
        assertThat(data.get("consents").toString()).contains("matching-2026-11", "Ich willige ein", "landing-page:" + campaign.code());
        assertThat(data.get("mails").toString()).contains("CONFIRMATION", "MATCH");
        assertThat(data.get("heldElsewhere").get("matches").toString()).contains(vacancy.toString());
        assertThat(new TestHttp(port).get("/api/returnees/" + person[0] + "/export", coordinator).statusCode()).isEqualTo(200);
        String other = TestTokens.subject("andere").roles("coordinator").networks(List.of(UUID.randomUUID())).sign();
        assertThat(new TestHttp(port).get("/api/returnees/" + person[0] + "/export", other).statusCode()).isEqualTo(404);
        assertThat(withToken("GET", "/api/returnees/" + person[0] + "/export", "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(new TestHttp(port).send("DELETE", "/api/returnees/" + person[0], other, null).statusCode()).isEqualTo(404);

        // the search below finds the person while they are held (so its zero hits afterwards mean something)
        assertThat(databaseHits(List.of(first, last, email, suffix))).contains("returnee.first_name", "returnee.email");

        // Art. 17
        assertThat(withToken("DELETE", "/api/returnees/" + person[0], person[1]).statusCode()).isEqualTo(204);
        assertThat(withToken("DELETE", "/api/returnees/" + person[0], person[1]).statusCode()).isEqualTo(404);
        assertThat(withToken("GET", "/api/returnees/" + person[0] + "/export", person[1]).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from returnee_match where returnee_id = ?::uuid", Integer.class, person[0])).isZero();
        // aggregate counts stay
        assertThat(jdbc.queryForObject("select status || ':' || (confirmed_at is not null) || ':' || (first_matched_at is not null) "
                + "|| ':' || campaign_id from returnee where id = ?::uuid", String.class, person[0]))
                .isEqualTo("ERASED:true:true:" + campaign.id());
        var funnel = CampaignIT.JSON.readTree(new TestHttp(port).get("/api/campaigns/" + campaign.id() + "/funnel", coordinator).body());
        assertThat(funnel.get("total").get("confirmed").asLong()).isEqualTo(1);
        assertThat(funnel.get("total").get("matched").asLong()).isEqualTo(1);
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        var erased = TopicRecords.read(bootstrap, "outreach-events", rs -> rs.stream().anyMatch(r -> person[0].equals(r.key())
                && "augenhoehe.outreach.person-erased.v1".equals(TopicRecords.header(r, "ce_type"))), Duration.ofSeconds(30));
        assertThat(erased).anyMatch(r -> "augenhoehe.outreach.person-erased.v1".equals(TopicRecords.header(r, "ce_type"))
                && person[0].equals(r.key()));

        List<String> needles = List.of(first, last, email, suffix);
        // the database: every text-like column of every table
        assertThat(databaseHits(needles)).as("database columns holding the person").isEmpty();

        // every topic, from the beginning: keys, values and headers
        List<String> topicHits = new ArrayList<>();
        int records = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                var consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var topics = admin.listTopics().names().get();
            assertThat(topics).contains("outreach-events", "vacancy-events");
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    StringBuilder all = new StringBuilder();
                    all.append(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)).append('\n');
                    all.append(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8)).append('\n');
                    for (Header h : r.headers()) {
                        all.append(new String(h.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    String text = all.toString().toLowerCase();
                    needles.stream().filter(n -> text.contains(n.toLowerCase())).forEach(n -> topicHits.add(r.topic() + "@" + r.offset()));
                }
            }
            assertThat(partitions).allMatch(p -> consumer.position(p) >= end.get(p));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(records).as("records read from all topics").isGreaterThan(5);
        assertThat(topicHits).as("records holding the person").isEmpty();

        // the logs of this test (the service runs in this JVM)
        assertThat(logs.getAll()).contains("Returnee " + person[0] + " erased");
        needles.forEach(n -> assertThat(logs.getAll().toLowerCase()).as("logs").doesNotContain(n.toLowerCase()));
    }

    @Test
    void the_person_corrects_their_profile_with_the_management_link_and_is_matched_anew() {
        var fixtures = new Returnee(http());
        var campaign = fixtures.campaign(network, coordinator, "Leer");
        UUID nursing = UUID.randomUUID();
        Vacancies.send("published", nursing, Vacancies.open(nursing, UUID.randomUUID(), "JOB", "81302", "26789", 53.2316, 7.4610,
                null, Instant.now()));
        Eventually.await("the vacancy projected", Duration.ofSeconds(30),
                () -> jdbc.queryForObject("select count(*) from vacancy where id = ?", Integer.class, nursing) == 1);
        String email = "frauke." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String[] person = fixtures.signUpAndConfirm(Returnee.signUp("Frauke", "Janssen", email, campaign.code(), "24412",
                "\"JOB\"", List.of("MATCHING")), email);
        String correction = """
                {"firstName":"Frauke","lastName":"Janßen-Meyer","currentPlace":"Bremen","occupation":"81302","interests":["JOB"]}""";

        assertThat(put(person[0], "B".repeat(43), correction).statusCode()).as("a forged link").isEqualTo(404);
        assertThat(put(person[0], "B".repeat(101), correction).statusCode()).as("longer than any link's secret (Returnee-Token maxLength 100, as"
                + " for export, erasure and withdrawal)").isEqualTo(400);
        assertThat(put(person[0], person[1], correction.replace("Janßen-Meyer", "R2-D2")).statusCode()).isEqualTo(400);
        var ok = put(person[0], person[1], correction);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);

        JsonNode export = CampaignIT.JSON.readTree(withToken("GET", "/api/returnees/" + person[0] + "/export", person[1]).body());
        JsonNode profile = export.get("profile");
        assertThat(profile.get("lastName").asString()).isEqualTo("Janßen-Meyer");
        assertThat(profile.get("currentPlace").asString()).isEqualTo("Bremen");
        assertThat(profile.get("occupation").asString()).isEqualTo("81302");
        assertThat(profile.get("occupationGroup").asString()).isEqualTo("813");
        assertThat(profile.get("email").asString()).as("the address is not corrected here").isEqualTo(email);
        assertThat(profile.get("phone").isNull()).as("left empty: removed").isTrue();
        assertThat(export.get("heldElsewhere").get("matches").get("vacancies").toString()).as("matched anew").contains(nursing.toString());
    }

    HttpResponse<String> put(String id, String token, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/returnees/" + id))
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                    .header("Returnee-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
