package de.augenhoehe.measures;

import static de.augenhoehe.measures.Registering.body;
import static de.augenhoehe.measures.Registering.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TopicRecords;

/** Registrations: confirmation, waiting list, groups, cancellation with promotion, refusals, idempotency, events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "augenhoehe.measures.registrations.hold-sweep.initial-delay=PT1S", "augenhoehe.measures.registrations.hold-sweep.interval=PT1S"})
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RegistrationIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Registering api() {
        return new Registering(port);
    }

    HttpResponse<String> register(UUID measure, String name, UUID partner, Integer group) {
        var r = api().register(body(measure, name, name.toLowerCase() + "@example.org", partner, group), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    String status(Object registration) {
        return jdbc.queryForObject("select status from registration where id = ?", String.class, UUID.fromString(registration.toString()));
    }

    @Test
    void places_are_confirmed_then_waitlisted_and_cancellation_promotes_in_order_a_group_only_when_it_fits(CapturedOutput logs) {
        UUID measure = Registering.openMeasure(jdbc, 3);
        UUID school = UUID.randomUUID();
        var anna = json(register(measure, "Anna", null, null));
        assertThat(anna.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(anna.has("cancellationToken")).isFalse(); // the secret goes to the address only
        String annasToken = RegistrationLinks.token(anna.get("id").asString()); // 32 random bytes, base64url
        var klasse = json(register(measure, "Lehrerin", school, 2));
        assertThat(klasse.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(klasse.get("places").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from measure where id = ?", String.class, measure)).isEqualTo("FULL");
        var gruppe = json(register(measure, "Gruppe", null, 2));
        assertThat(gruppe.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(gruppe.get("waitlistPosition").asInt()).isEqualTo(1);
        var dora = json(register(measure, "Dora", null, null));
        assertThat(dora.get("waitlistPosition").asInt()).isEqualTo(2);

        // a wrong token and an unknown id look the same: nothing tells that the registration exists
        var wrong = api().cancel(anna.get("id").asString(), "x" + annasToken);
        var unknown = api().cancel(UUID.randomUUID(), annasToken);
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("urn:augenhoehe:problem:not-found");

        // one place free: the group of two does not fit and keeps its place in front, Dora (one) is promoted
        assertThat(api().cancel(anna.get("id").asString(), annasToken).statusCode()).isEqualTo(204);
        assertThat(status(dora.get("id").asString())).isEqualTo("CONFIRMED");
        assertThat(status(gruppe.get("id").asString())).isEqualTo("WAITLISTED");
        // two free: now the group fits
        assertThat(api().cancel(klasse.get("id").asString(), RegistrationLinks.token(klasse.get("id").asString())).statusCode()).isEqualTo(204);
        assertThat(status(gruppe.get("id").asString())).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(3);
        // cancelling again changes nothing
        assertThat(api().cancel(anna.get("id").asString(), annasToken).statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(3);

        var events = Registering.events(measure, 8);
        assertThat(events.stream().map(e -> TopicRecords.header(e, "ce_type")).toList()).containsExactly(
                "augenhoehe.measures.registration-confirmed.v1", "augenhoehe.measures.registration-confirmed.v1",
                "augenhoehe.measures.registration-waitlisted.v1", "augenhoehe.measures.registration-waitlisted.v1",
                "augenhoehe.measures.registration-cancelled.v1", "augenhoehe.measures.registration-promoted.v1",
                "augenhoehe.measures.registration-cancelled.v1", "augenhoehe.measures.registration-promoted.v1");
        var second = Registering.JSON.readTree(events.get(1).value());
        assertThat(second.get("sendingPartnerId").asString()).isEqualTo(school.toString());
        assertThat(second.get("places").asInt()).isEqualTo(2);
        assertThat(second.get("confirmedPlaces").asInt()).isEqualTo(3);
        // personal data stays here: no name, no e-mail in any event
        events.forEach(e -> assertThat(new String(e.value())).doesNotContainIgnoringCase("anna").doesNotContainIgnoringCase("lehrerin")
                .doesNotContainIgnoringCase("gruppe").doesNotContainIgnoringCase("dora").doesNotContain("@"));
        // nor in the logs: they name registrations and measures by id
        assertThat(logs.getAll()).contains("Registration " + anna.get("id").asString())
                .doesNotContain("anna@example.org").doesNotContain("Anna").doesNotContain("Lehrerin").doesNotContain("Dora");
    }

    @Test
    void registrations_the_measure_cannot_take_are_refused_with_a_stable_type_and_write_nothing() {
        UUID cancelled = Registering.measure(jdbc, 10, "CANCELLED", "now() - interval '1 day'", "now() + interval '1 day'");
        UUID notYet = Registering.measure(jdbc, 10, "OPEN", "now() + interval '1 day'", "now() + interval '2 days'");
        UUID over = Registering.measure(jdbc, 10, "OPEN", "now() - interval '2 days'", "now() - interval '1 day'");
        UUID small = Registering.openMeasure(jdbc, 10);
        int registrations = count("select count(*) from registration");
        int events = count("select count(*) from outbox_event");
        assertRefused(body(cancelled, "A", "a@example.org", null, null), 409, "measure-cancelled");
        assertRefused(body(notYet, "A", "a@example.org", null, null), 409, "registration-not-open");
        assertRefused(body(over, "A", "a@example.org", null, null), 409, "registration-closed");
        assertRefused(body(small, "A", "a@example.org", null, 11), 422, "group-exceeds-capacity", Managing.staffOf(UUID.randomUUID()));
        assertRefused(body(small, "A", "a@example.org", null, 6), 401, "unauthenticated");
        assertRefused(body(small, "A", "not-an-address", null, null), 400, "validation-failed");
        assertRefused(body(small, "A", "a@example.org", null, 0), 400, "validation-failed");
        assertRefused(body(UUID.randomUUID(), "A", "a@example.org", null, null), 404, "not-found");
        assertRefused("{\"measureId\":\"" + small + "\",\"name\":\"A\",\"email\":\"a@example.org\",\"seats\":3}", 400, "malformed-request");
        assertThat(count("select count(*) from registration")).isEqualTo(registrations);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    void assertRefused(String body, int status, String type) {
        assertRefused(body, status, type, null);
    }

    void assertRefused(String body, int status, String type, String bearer) {
        var r = api().register(body, "key-" + UUID.randomUUID(), bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("urn:augenhoehe:problem:" + type);
    }

    @Test
    void a_retry_with_its_idempotency_key_is_the_same_registration_also_when_retries_race() throws Exception {
        UUID measure = Registering.openMeasure(jdbc, 5);
        String request = body(measure, "Wiederholer", "w@example.org", null, 2);
        String key = "retry-" + UUID.randomUUID();
        var first = api().register(request, key);
        var again = api().register(request, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(json(again).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(Mailbox.all().stream().filter(m -> m.body().contains(json(first).get("id").asString()))).hasSize(1); // no second mail
        var otherBody = api().register(body(measure, "Wiederholer", "w@example.org", null, 3), key);
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.body()).contains("urn:augenhoehe:problem:idempotency-key-reused");

        String raceKey = "race-" + UUID.randomUUID();
        String raced = body(measure, "Doppelt", "d@example.org", null, null);
        List<HttpResponse<String>> answers;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<HttpResponse<String>> send = () -> api().register(raced, raceKey);
            List<Future<HttpResponse<String>>> futures = pool.invokeAll(List.of(send, send, send, send));
            answers = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 200, 200, 200);
        assertThat(answers.stream().map(a -> json(a).get("id").asString()).distinct()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from registration where measure_id = ?", Integer.class, measure)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(3);
    }

    @Test
    void the_secret_reaches_the_person_by_mail_only_and_comes_back_in_a_header_never_in_a_url() throws Exception {
        UUID measure = Registering.openMeasure(jdbc, 5);
        var mia = json(register(measure, "Mia", null, null));
        String id = mia.get("id").asString();
        assertThat(mia.has("cancellationToken")).isFalse();
        var mail = RegistrationLinks.about(id);
        assertThat(mail.to()).isEqualTo("mia@example.org");
        // a link to the portal's page with the secret in the fragment (never sent to a server), and the calendar entry
        assertThat(mail.body()).contains("http://127.0.0.1:8080/massnahmen/anmeldung/verwalten#anmeldung=" + id + "&token=")
                .contains("http://127.0.0.1:8080/api/measures/" + measure + "/calendar")
                .doesNotContain("Mia"); // anyone can type any name for any address: it is not repeated to the address
        String token = RegistrationLinks.token(id);
        assertThat(token).hasSize(43); // 32 random bytes, base64url

        // in the query string the secret counts for nothing (it would land in logs and histories)
        assertThat(api().withSecret("DELETE", "/api/registrations/" + id + "?token=" + token, null).statusCode()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("CONFIRMED");
        assertThat(api().cancel(id, token).statusCode()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("CANCELLED");

        // no operation of the API takes a secret as a query parameter
        JsonNode api = Registering.JSON.readTree(new TestHttp(port).get("/v3/api-docs").body());
        List<String> inQuery = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode parameters = op.getValue().get("parameters");
            if (parameters != null) {
                parameters.forEach(p -> {
                    if ("query".equals(p.get("in").asString()) && p.get("name").asString().toLowerCase().matches(".*(token|secret).*")) {
                        inQuery.add(op.getKey() + " " + path.getKey() + "?" + p.get("name").asString());
                    }
                });
            }
        }));
        assertThat(inQuery).isEmpty();
    }

    @Test
    void an_anonymous_registration_holds_its_places_only_until_its_hold_unless_confirmed_from_the_mail() {
        UUID measure = Registering.openMeasure(jdbc, 3);
        Instant before = Instant.now();
        var hanna = json(register(measure, "Hanna", null, 2));
        var karl = json(register(measure, "Karl", null, null));
        var wanda = json(register(measure, "Wanda", null, 2));
        assertThat(wanda.get("status").asString()).isEqualTo("WAITLISTED");
        // held for the configured two hours
        assertThat(Instant.parse(hanna.get("holdUntil").asString())).isBetween(before.plus(Duration.ofHours(2)),
                Instant.now().plus(Duration.ofHours(2)));
        assertThat(RegistrationLinks.about(hanna.get("id").asString()).body()).contains("Bitte bestätigen Sie die Anmeldung bis");

        // Karl confirms from his mail: his place is his for good; again is the same; a wrong secret is "not found"
        String karlId = karl.get("id").asString();
        String karlsToken = RegistrationLinks.token(karlId);
        var confirmed = api().confirm(karlId, karlsToken);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("holdUntil").isNull()).isTrue();
        assertThat(api().confirm(karlId, karlsToken).statusCode()).isEqualTo(200);
        assertThat(api().confirm(karlId, "x" + karlsToken).statusCode()).isEqualTo(404);
        assertThat(api().confirm(karlId, null).statusCode()).isEqualTo(404);

        // Hanna never confirms: past her hold the sweep releases her places, once, and Wanda moves up
        UUID hannaId = UUID.fromString(hanna.get("id").asString());
        jdbc.update("update registration set hold_until = now() - interval '1 second' where id = ?", hannaId);
        Eventually.await("the hold released", Duration.ofSeconds(30), () -> "CANCELLED".equals(status(hannaId)));
        assertThat(jdbc.queryForObject("select cancelled_by from registration where id = ?", String.class, hannaId)).isEqualTo("HOLD_EXPIRED");
        assertThat(status(wanda.get("id").asString())).isEqualTo("CONFIRMED");
        assertThat(status(karlId)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(3);
        var late = api().confirm(hannaId, RegistrationLinks.token(hannaId));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("urn:augenhoehe:problem:registration-expired");
        assertThat(Registering.events(measure, 6).stream().filter(e -> hannaId.toString().equals(Registering.JSON.readTree(e.value())
                .get("registrationId").asString()) && TopicRecords.header(e, "ce_type").endsWith("registration-cancelled.v1"))).hasSize(1);
    }

    @Test
    void larger_groups_come_from_a_signed_in_person_and_have_nothing_to_confirm() {
        UUID measure = Registering.openMeasure(jdbc, 30);
        UUID school = UUID.randomUUID();
        int registrations = count("select count(*) from registration");
        assertRefused(body(measure, "Lehrer", "lehrer@example.org", school, 6), 401, "unauthenticated");
        // a token that is no person of an organisation (an HR system) registers like anyone
        assertRefused(body(measure, "Lehrer", "lehrer@example.org", school, 6), 401, "unauthenticated",
                de.augenhoehe.testing.TestTokens.subject("hr").roles("hr_client").partner(school).sign());
        assertThat(count("select count(*) from registration")).isEqualTo(registrations);

        var klasse = api().register(body(measure, "Lehrerin", "lehrerin@example.org", school, 24), null, Managing.staffOf(school));
        assertThat(klasse.statusCode()).as(klasse.body()).isEqualTo(201);
        assertThat(json(klasse).get("places").asInt()).isEqualTo(24);
        assertThat(json(klasse).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(klasse).get("holdUntil").isNull()).isTrue();
        assertThat(RegistrationLinks.about(json(klasse).get("id").asString()).body()).contains("Anmeldung verwalten").doesNotContain("bestätigen Sie");
        // five places anonymously are fine
        assertThat(api().register(body(measure, "Familie", "familie@example.org", null, 5), null).statusCode()).isEqualTo(201);
    }
}
