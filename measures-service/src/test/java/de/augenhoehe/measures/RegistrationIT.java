package de.augenhoehe.measures;

import static de.augenhoehe.measures.Registering.body;
import static de.augenhoehe.measures.Registering.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TopicRecords;

/** Registrations: confirmation, waiting list, groups, cancellation with promotion, refusals, idempotency, events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
        assertThat(anna.get("cancellationToken").asString()).hasSize(43); // 32 random bytes, base64url
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
        var wrong = api().cancel(anna.get("id").asString(), "x" + anna.get("cancellationToken").asString());
        var unknown = api().cancel(UUID.randomUUID(), anna.get("cancellationToken").asString());
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("urn:augenhoehe:problem:not-found");

        // one place free: the group of two does not fit and keeps its place in front, Dora (one) is promoted
        assertThat(api().cancel(anna.get("id").asString(), anna.get("cancellationToken").asString()).statusCode()).isEqualTo(204);
        assertThat(status(dora.get("id").asString())).isEqualTo("CONFIRMED");
        assertThat(status(gruppe.get("id").asString())).isEqualTo("WAITLISTED");
        // two free: now the group fits
        assertThat(api().cancel(klasse.get("id").asString(), klasse.get("cancellationToken").asString()).statusCode()).isEqualTo(204);
        assertThat(status(gruppe.get("id").asString())).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(3);
        // cancelling again changes nothing
        assertThat(api().cancel(anna.get("id").asString(), anna.get("cancellationToken").asString()).statusCode()).isEqualTo(204);
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
        assertRefused(body(small, "A", "a@example.org", null, 11), 422, "group-exceeds-capacity");
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
        var r = api().register(body, "key-" + UUID.randomUUID());
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
        assertThat(json(again).get("cancellationToken").isNull()).isTrue(); // only its hash is kept
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
}
