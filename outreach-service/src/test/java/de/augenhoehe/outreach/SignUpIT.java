package de.augenhoehe.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TopicRecords;

/** Sign-up from the landing page: consent, attribution, double opt-in through a real SMTP server, bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class SignUpIT extends NetworkIT {

    Returnee returnee() {
        return new Returnee(new TestHttp(port));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_sign_up_is_used_only_after_the_mailed_single_use_link_is_confirmed() {
        var campaign = returnee().campaign(network, coordinator, "Leer");
        String email = unique("anna.") + "@example.org";
        var r = returnee().post(Returnee.signUp("Anna", "Tjarks", email, campaign.code().toLowerCase(), "26112",
                "\"JOB\",\"HOUSING\"", List.of("MATCHING")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.body()).doesNotContain(email).contains("CONFIRMATION_SENT");

        UUID id = jdbc.queryForObject("select id from returnee where email = ?", UUID.class, email);
        assertThat(jdbc.queryForObject("select status from returnee where id = ?", String.class, id)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select campaign_id::text || '/' || batch_id::text from returnee where id = ?", String.class, id))
                .isEqualTo(campaign.id() + "/" + campaign.batchId());
        assertThat(jdbc.queryForObject("select occupation_group from returnee where id = ?", String.class, id)).isEqualTo("261");
        assertThat(jdbc.queryForList("select purpose || ':' || text_version || ':' || source from consent where returnee_id = ?", String.class, id))
                .containsExactly("MATCHING:matching-2026-11:landing-page:" + campaign.code());
        // nothing is used before the confirmation: coordinators do not see the person
        assertThat(CampaignIT.JSON.readTree(new TestHttp(port).get("/api/returnees?networkId=" + network, coordinator).body())
                .get("items").size()).isZero();

        var mail = Mailbox.await(email, 1);
        assertThat(mail.subject()).contains("bestätigen");
        assertThat(mail.body()).as("no free text of the caller in a mail").doesNotContain("Anna", "Tjarks", "Hamburg", "Meisterin");
        String token = MailLinks.confirmationToken(mail);
        assertThat(MailLinks.returneeId(mail)).isEqualTo(id.toString());
        // only hashes are stored
        assertThat(jdbc.queryForObject("select count(*) from returnee where encode(confirmation_hash, 'escape') like ? "
                + "or encode(management_hash, 'escape') like ?", Integer.class, "%" + token + "%", "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("select length(confirmation_hash) from returnee where id = ?", Integer.class, id)).isEqualTo(32);

        var forged = confirm(token.substring(0, 42) + (token.endsWith("A") ? "B" : "A"));
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("urn:augenhoehe:problem:unknown-link");
        assertThat(confirm("short").statusCode()).isEqualTo(404);
        var ok = confirm(token);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains(id.toString(), "CONFIRMED");
        var reused = confirm(token);
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.body()).contains("urn:augenhoehe:problem:link-used");

        var visible = CampaignIT.JSON.readTree(new TestHttp(port).get("/api/returnees?networkId=" + network, coordinator).body()).get("items");
        assertThat(visible.size()).isEqualTo(1);
        assertThat(visible.get(0).get("firstName").asString()).isEqualTo("Anna");
        assertThat(visible.get(0).get("region").asString()).isEqualTo("26789");
        assertThat(visible.get(0).get("email").isNull()).as("no NETWORK_CONTACT consent: no e-mail").isTrue();
        assertThat(visible.toString()).doesNotContain("Tjarks", "+49");

        List<ConsumerRecord<String, byte[]>> events = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "outreach-events",
                rs -> rs.stream().filter(x -> id.toString().equals(x.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(x -> id.toString().equals(x.key())).toList();
        assertThat(events).extracting(e -> TopicRecords.header(e, "ce_type")).containsExactly(
                "augenhoehe.outreach.returnee-signed-up.v1", "augenhoehe.outreach.returnee-confirmed.v1");
        var confirmed = CampaignIT.JSON.readTree(events.getLast().value());
        assertThat(confirmed.get("campaignId").asString()).isEqualTo(campaign.id());
        assertThat(confirmed.get("batchId").asString()).isEqualTo(campaign.batchId());
        assertThat(confirmed.get("networkId").asString()).isEqualTo(network.toString());
        assertThat(confirmed.get("occupationGroup").asString()).isEqualTo("261");
        events.forEach(e -> assertThat(new String(e.value())).doesNotContain("Anna", "Tjarks", email));
    }

    @Test
    void an_expired_link_is_refused_and_a_second_sign_up_of_the_same_address_looks_the_same_from_outside() {
        var campaign = returnee().campaign(network, coordinator, "Papenburg");
        String email = unique("bernd.") + "@example.org";
        String json = Returnee.signUp("Bernd", "Hinrichs", email, campaign.code(), "25102", "\"JOB\"", List.of("MATCHING"));
        var first = returnee().post(json);
        String token = MailLinks.confirmationToken(Mailbox.await(email, 1));
        jdbc.update("update returnee set confirmation_expires = now() - interval '1 minute' where email = ?", email);
        var expired = confirm(token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("urn:augenhoehe:problem:link-expired");

        var second = returnee().post(json);
        assertThat(second.statusCode()).isEqualTo(first.statusCode());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject("select count(*) from returnee where email = ?", Integer.class, email)).isEqualTo(1);
        String fresh = MailLinks.confirmationToken(Mailbox.await(email, 2));
        assertThat(confirm(token).statusCode()).as("the replaced sign-up's link is void").isEqualTo(404);
        assertThat(confirm(fresh).statusCode()).isEqualTo(200);

        var third = returnee().post(json);
        assertThat(third.body()).isEqualTo(first.body());
        var already = Mailbox.await(email, 3);
        assertThat(already.subject()).contains("bereits angemeldet");
        assertThat(jdbc.queryForObject("select count(*) from returnee where email = ?", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void bad_sign_ups_get_a_problem_and_write_nothing() {
        var campaign = returnee().campaign(network, coordinator, "Meppen");
        String email = unique("carla.") + "@example.org";
        String good = Returnee.signUp("Carla", "Brink", email, campaign.code(), "26112", "\"JOB\"", List.of("MATCHING"));
        record Case(String body, int status, String slug) {
        }
        for (Case c : List.of(
                new Case(Returnee.signUp("Carla", "Brink", email, campaign.code(), "26112", "\"JOB\"", List.of("MATCH_NOTIFICATIONS")), 422, "consent-missing"),
                new Case(good.replace("\"consents\":[{\"purpose\":\"MATCHING\",\"textVersion\":\"matching-2026-11\"}]", "\"consents\":[]"), 400, "validation-failed"),
                new Case(good.replace("matching-2026-11", "matching-1999-01"), 400, "unknown-consent-text"),
                new Case(good.replace("matching-2026-11", "network-contact-2026-11"), 400, "unknown-consent-text"),
                new Case(good.replace(email, "carla-at-example.org"), 400, "validation-failed"),
                new Case(good.replace(email, "carla@localhost"), 400, "validation-failed"),
                new Case(good.replace("\"26112\"", "\"2611\""), 400, "validation-failed"),
                new Case(good.replace("\"JOB\"", "\"CASTLE\""), 400, "malformed-request"),
                new Case(good.replace("\"firstName\"", "\"shoeSize\":43,\"firstName\""), 400, "malformed-request"),
                new Case(good.replace(campaign.code(), "ZZZZZZZZ"), 422, "unknown-code"),
                new Case(good.replace("\"code\":\"" + campaign.code() + "\",", ""), 422, "network-missing"),
                new Case(good.replace("Hamburg-Altona", "x".repeat(1_100_000)), 413, "payload-too-large"))) {
            var r = returnee().post(c.body());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(c.status());
            assertThat(r.body()).contains("urn:augenhoehe:problem:" + c.slug());
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(jdbc.queryForObject("select count(*) from returnee where network_id = ?", Integer.class, network)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from consent where source = ?", Integer.class,
                "landing-page:" + campaign.code())).isZero();
        assertThat(Mailbox.to(email)).isEmpty();

        // the texts the landing page shows
        var texts = new TestHttp(port).get("/api/returnees/consent-texts");
        assertThat(texts.statusCode()).isEqualTo(200);
        assertThat(texts.body()).contains("matching-2026-11", "notifications-2026-11", "network-contact-2026-11");
    }

    @Test
    void mails_to_one_address_are_limited_per_window_and_the_answer_stays_the_same() {
        var campaign = returnee().campaign(network, coordinator, "Leer");
        String email = unique("flut.") + "@example.org";
        String json = Returnee.signUp("Frauke", "Lüpkes", email, campaign.code(), "26112", "\"JOB\"", List.of("MATCHING"));
        var first = returnee().post(json);
        for (int i = 0; i < 4; i++) {
            var again = returnee().post(json);
            assertThat(again.statusCode()).isEqualTo(first.statusCode());
            assertThat(again.body()).isEqualTo(first.body());
        }
        Mailbox.await(email, 3);
        assertThat(Mailbox.to(email)).as("at most 3 mails per address and window").hasSize(3);
        // the last mailed link still works: an over-limit sign-up replaced nothing
        assertThat(confirm(MailLinks.confirmationToken(Mailbox.to(email).get(2))).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where table_name = 'sign_up_mail' "
                + "and data_type <> 'bytea' and column_name <> 'sent_at'", Integer.class)).as("no address stored").isZero();

        // once the window is over, the address gets mail again (here: the confirmed person's "already signed up")
        jdbc.update("update sign_up_mail set sent_at = sent_at - interval '25 hours'");
        assertThat(returnee().post(json).body()).isEqualTo(first.body());
        assertThat(Mailbox.await(email, 4).subject()).contains("bereits angemeldet");
    }

    @Test
    void an_anonymous_sign_up_never_changes_a_confirmed_person_nor_their_management_link() {
        var campaign = returnee().campaign(network, coordinator, "Leer");
        String email = unique("gesa.") + "@example.org";
        String[] person = returnee().signUpAndConfirm(Returnee.signUp("Gesa", "Ommen", email, campaign.code(), "26112",
                "\"JOB\"", List.of("MATCHING")), email);
        String forged = Returnee.signUp("Mallory", "Klick hier", email, campaign.code(), "72213", "\"HOUSING\"",
                List.of("MATCHING", "NETWORK_CONTACT"));
        var again = returnee().post(forged);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("CONFIRMATION_SENT");

        var already = Mailbox.await(email, 2);
        assertThat(already.subject()).contains("bereits angemeldet");
        assertThat(already.body()).as("no free text of the caller").doesNotContain("Mallory", "Klick", "Gesa", "Ommen");
        assertThat(jdbc.queryForObject("select first_name || '/' || last_name || '/' || occupation from returnee where id = ?::uuid",
                String.class, person[0])).isEqualTo("Gesa/Ommen/26112");
        assertThat(jdbc.queryForObject("select count(*) from consent where returnee_id = ?::uuid", Integer.class, person[0])).isEqualTo(1);
        assertThat(export(person[0], person[1]).statusCode()).as("the management link still works").isEqualTo(200);
    }

    @Test
    void names_are_made_of_name_characters_only() {
        var campaign = returnee().campaign(network, coordinator, "Meppen");
        for (String bad : List.of("https://evil.example", "www.evil.example", "Anna@evil", "12345", "Anna/Bert", "Tel:0170",
                "Anna\\nBert", "Gewinn!", "- -", "Jo 3")) {
            String email = unique("name.") + "@example.org";
            for (String json : List.of(Returnee.signUp(bad, "Brink", email, campaign.code(), "26112", "\"JOB\"", List.of("MATCHING")),
                    Returnee.signUp("Carla", bad, email, campaign.code(), "26112", "\"JOB\"", List.of("MATCHING")))) {
                var r = returnee().post(json);
                assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
                assertThat(r.body()).contains("urn:augenhoehe:problem:validation-failed");
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from returnee where network_id = ?", Integer.class, network)).isZero();
        for (String good : List.of("Zoë", "Jean-Luc", "O'Brien", "Ñúñez", "Hans J. Müller", "Łukasz", "Ségolène Æbelø", "D’Angelo")) {
            String email = unique("name.") + "@example.org";
            var r = returnee().post(Returnee.signUp(good, good, email, campaign.code(), "26112", "\"JOB\"", List.of("MATCHING")));
            assertThat(r.statusCode()).as(good + ": " + r.body()).isEqualTo(202);
        }
    }

    @Test
    void two_confirmations_with_the_same_link_at_once_confirm_once() throws Exception {
        var campaign = returnee().campaign(network, coordinator, "Emden");
        String email = unique("enno.") + "@example.org";
        returnee().post(Returnee.signUp("Enno", "Saathoff", email, campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")));
        String token = MailLinks.confirmationToken(Mailbox.await(email, 1));
        try (var pool = Executors.newFixedThreadPool(4)) {
            Callable<Integer> attempt = () -> confirm(token).statusCode();
            var answers = pool.invokeAll(Collections.nCopies(4, attempt));
            List<Integer> codes = new ArrayList<>();
            for (var a : answers) {
                codes.add(a.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(200, 409, 409, 409);
        }
        UUID id = jdbc.queryForObject("select id from returnee where email = ?", UUID.class, email);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_key = ? and event_type = ?", Integer.class,
                id.toString(), "augenhoehe.outreach.returnee-confirmed.v1")).isEqualTo(1);
    }

    @Test
    void the_landing_page_reads_the_public_face_of_a_code_s_campaign_and_nothing_else() {
        var campaign = returnee().campaign(network, coordinator, "Papenburg");
        var r = new TestHttp(port).get("/api/returnees/campaign-message?code=" + campaign.code().toLowerCase(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var message = CampaignIT.JSON.readTree(r.body());
        assertThat(message.get("campaignId").asString()).isEqualTo(campaign.id());
        assertThat(message.get("networkId").asString()).isEqualTo(network.toString());
        assertThat(message.get("code").asString()).isEqualTo(campaign.code());
        assertThat(message.get("title").asString()).isEqualTo("Weihnachts-Rückkehraktion");
        assertThat(message.get("area").asString()).isEqualTo("Papenburg");
        assertThat(message.get("open").asBoolean()).isTrue();
        assertThat(r.body()).as("the coordinators' part stays theirs").doesNotContain("Rückkehrer gewinnen", "schrumpft", "budget");

        var unknown = new TestHttp(port).get("/api/returnees/campaign-message?code=ZZZZZZZZ", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new TestHttp(port).get("/api/returnees/campaign-message?code=" + "X".repeat(33), null).statusCode()).isEqualTo(400);
    }

    @Autowired JavaMailSender mailSender;

    @Test
    void when_the_mail_server_is_unreachable_the_sign_up_is_refused_and_nothing_is_written() {
        var campaign = returnee().campaign(network, coordinator, "Nordhorn");
        String email = unique("dirk.") + "@example.org";
        var sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        try (var closed = new ServerSocket(0)) {
            sender.setPort(closed.getLocalPort()); // closed again when the block ends: nobody listens there
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            var r = returnee().post(Returnee.signUp("Dirk", "Wübbena", email, campaign.code(), "24412", "\"JOB\"", List.of("MATCHING")));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.body()).contains("urn:augenhoehe:problem:mail-unavailable").doesNotContain(email);
        } finally {
            sender.setPort(port);
        }
        assertThat(jdbc.queryForObject("select count(*) from returnee where network_id = ?", Integer.class, network)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where payload::text like ?", Integer.class,
                "%" + campaign.batchId() + "%")).as("no sign-up event either").isZero();
    }

    HttpResponse<String> export(String id, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/returnees/" + id + "/export"))
                    .header("Returnee-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> confirm(String token) {
        return new TestHttp(port).send("POST", "/api/returnees/confirmations", null, "{\"token\":\"" + token + "\"}");
    }
}
