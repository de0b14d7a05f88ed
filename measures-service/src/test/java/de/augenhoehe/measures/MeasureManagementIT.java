package de.augenhoehe.measures;

import static de.augenhoehe.measures.Managing.coordinatorOf;
import static de.augenhoehe.measures.Managing.staffOf;
import static de.augenhoehe.measures.Registering.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** Measures managed by their hosts: creation, change, lifecycle, events, refusals and who may do what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MeasureManagementIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    final UUID network = UUID.randomUUID();
    UUID hwk;
    UUID company;

    @BeforeEach
    void members() {
        Partners partners = new Partners(kafka, jdbc);
        hwk = partners.activeMember(network, "Handwerkskammer Heilbronn-Franken", "CHAMBER_OF_CRAFTS");
        company = partners.activeMember(network, "Neckartal Präzisionstechnik GmbH", "COMPANY");
    }

    Managing api() {
        return new Managing(port);
    }

    @Test
    void a_host_creates_opens_changes_and_completes_a_measure_and_every_step_is_an_event() {
        ObjectNode body = Managing.measure(network, hwk);
        body.putArray("coOrganiserIds").add(company.toString());
        body.withArray("sessions").add(Managing.session(LocalDate.now().plusDays(31), "09:00", "12:30", "74172", "Werkhalle, Neckarsulm"));
        var created = api().create(staffOf(hwk), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        var m = json(created);
        UUID id = UUID.fromString(m.get("id").asString());
        assertThat(m.get("status").asString()).isEqualTo("PLANNED");
        assertThat(m.get("kreise").toString()).isEqualTo("[\"08121\",\"08125\"]");
        assertThat(m.get("sessions").get(1).get("kreis").asString()).isEqualTo("08125");
        assertThat(m.get("freePlaces").asInt()).isEqualTo(20);

        // public read, no token
        var read = new de.augenhoehe.testing.TestHttp(port).get("/api/measures/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("foldedInto").asString()).isEqualTo("Bildungsmesse Heilbronn");

        // planned: no registration yet
        var early = new Registering(port).register(Registering.body(id, "Lena", "lena@example.org", null, null), null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("registration-not-open");

        assertThat(api().move(staffOf(hwk), id, "OPEN", null).statusCode()).isEqualTo(200);
        // a class of 20: registered by a signed-in person (anonymous groups are capped)
        var reg = new Registering(port).register(Registering.body(id, "Lena", "lena@example.org", null, 20), null, staffOf(UUID.randomUUID()));
        assertThat(json(reg).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(read(id).get("status").asString()).isEqualTo("FULL");
        var waiting = new Registering(port).register(Registering.body(id, "Ole", "ole@example.org", null, 5), null);
        assertThat(json(waiting).get("status").asString()).isEqualTo("WAITLISTED");

        // a change needs the version read; more places confirm the waiting group at once
        body.put("capacity", 25);
        var blind = api().send("PUT", "/api/measures/" + id, staffOf(hwk), body.toString(), null);
        assertThat(blind.statusCode()).isEqualTo(428);
        var stale = api().send("PUT", "/api/measures/" + id, staffOf(hwk), body.toString(), "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        var changed = api().send("PUT", "/api/measures/" + id, staffOf(hwk), body.toString(), "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("capacity").asInt()).isEqualTo(25);
        assertThat(json(changed).get("status").asString()).isEqualTo("FULL");
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class,
                UUID.fromString(json(waiting).get("id").asString()))).isEqualTo("CONFIRMED");
        body.put("capacity", 10);
        var tooSmall = api().send("PUT", "/api/measures/" + id, staffOf(hwk), body.toString(), "\"2\"");
        assertThat(tooSmall.statusCode()).isEqualTo(409);
        assertThat(tooSmall.body()).contains("capacity-below-registrations");

        // FULL follows from registrations, never set by hand; an illegal step names the allowed ones
        var full = api().move(staffOf(hwk), id, "FULL", null);
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("urn:augenhoehe:problem:illegal-status-transition").contains("\"allowed\":[\"CANCELLED\",\"RUNNING\"]");
        assertThat(api().move(staffOf(hwk), id, "COMPLETED", null).statusCode()).isEqualTo(409);
        assertThat(api().move(coordinatorOf(network), id, "RUNNING", null).statusCode()).isEqualTo(200);
        assertThat(api().move(staffOf(hwk), id, "COMPLETED", "alle Sitzungen durchgeführt").statusCode()).isEqualTo(200);
        assertThat(api().move(staffOf(hwk), id, "CANCELLED", null).statusCode()).isEqualTo(409);
        var afterwards = api().send("PUT", "/api/measures/" + id, staffOf(hwk), body.toString(), "\"4\"");
        assertThat(afterwards.statusCode()).isEqualTo(409);
        assertThat(afterwards.body()).contains("measure-closed");

        var events = Registering.events(id, 9).stream()
                .filter(e -> TopicRecords.header(e, "ce_type").contains(".measure-")).toList();
        assertThat(events).extracting(e -> TopicRecords.header(e, "ce_type")).containsExactly(
                "augenhoehe.measures.measure-published.v1", "augenhoehe.measures.measure-updated.v1",
                "augenhoehe.measures.measure-updated.v1", "augenhoehe.measures.measure-updated.v1",
                "augenhoehe.measures.measure-completed.v1");
        var published = Registering.JSON.readTree(events.get(0).value());
        assertThat(published.get("hostPartnerId").asString()).isEqualTo(hwk.toString());
        assertThat(published.get("coOrganiserIds").toString()).isEqualTo("[\"" + company + "\"]");
        assertThat(published.get("kreise").toString()).isEqualTo("[\"08121\",\"08125\"]");
        assertThat(published.get("occupationGroups").toString()).isEqualTo("[\"244\",\"262\"]");
        assertThat(published.get("firstSessionDate").asString()).isEqualTo(LocalDate.now().plusDays(30).toString());
        assertThat(published.get("lastSessionDate").asString()).isEqualTo(LocalDate.now().plusDays(31).toString());
        var completed = Registering.JSON.readTree(events.get(4).value());
        assertThat(completed.get("participants").asInt()).isEqualTo(25);
        // the host's free text stays here (public view of the measure), never on the topic
        assertThat(completed.has("reason")).isFalse();
        assertThat(new String(events.get(4).value())).doesNotContain("Sitzungen");
    }

    @Test
    void a_cancelled_measure_takes_no_registrations_and_tells_how_many_were_affected_with_a_reason_code_not_the_free_text() {
        UUID id = api().created(coordinatorOf(network), Managing.measure(network, company));
        api().move(staffOf(company), id, "OPEN", null);
        new Registering(port).register(Registering.body(id, "Kim", "kim@example.org", null, 3), null);
        // free text may name a person ("Herr Maier erkrankt"): it stays in this service, the topic gets the code
        var moved = api().move(Managing.adminOf(company), id, "CANCELLED", "Referent Herr Maier erkrankt", "SPEAKER_UNAVAILABLE");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("statusReason").asString()).isEqualTo("Referent Herr Maier erkrankt");
        var refused = new Registering(port).register(Registering.body(id, "Jo", "jo@example.org", null, null), null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("measure-cancelled");
        // wait for the cancellation itself, not a count: the relay may still be sending it after the earlier events
        var cancelled = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "measure-events",
                rs -> rs.stream().anyMatch(r -> id.toString().equals(r.key()) && isCancellation(r)), Duration.ofSeconds(30))
                .stream().filter(r -> id.toString().equals(r.key()) && isCancellation(r)).toList();
        assertThat(cancelled).singleElement().satisfies(e -> {
            var data = Registering.JSON.readTree(e.value());
            assertThat(data.get("participants").asInt()).isEqualTo(3);
            assertThat(data.get("reasonCode").asString()).isEqualTo("SPEAKER_UNAVAILABLE");
            assertThat(data.has("reason")).isFalse();
            assertThat(new String(e.value())).doesNotContain("Maier").doesNotContain("erkrankt");
        });
    }

    @Test
    void bad_input_is_a_problem_and_writes_nothing() {
        UUID stranger = UUID.randomUUID();
        new Partners(kafka, jdbc).register(stranger, "Nicht-Mitglied GmbH", "COMPANY");
        int measures = count("select count(*) from measure");
        int sessions = count("select count(*) from measure_session");
        int outbox = count("select count(*) from outbox_event");
        String coordinator = coordinatorOf(network);

        refused(coordinator, b -> b.put("capacity", -5), 400, "validation-failed");
        refused(coordinator, b -> b.withArray("sessions").set(0,
                Managing.session(LocalDate.now().plusDays(5), "15:00", "09:00", "74072", "Heilbronn")), 400, "validation-failed");
        refused(coordinator, b -> b.withArray("sessions").set(0,
                Managing.session(LocalDate.now().plusDays(5), "09:00", "15:00", "99999", "Nirgendwo")), 400, "unknown-postal-code");
        refused(coordinator, b -> b.withArray("targetGroups").add("ASTRONAUTS"), 400, "malformed-request");
        refused(coordinator, b -> b.put("seats", 3), 400, "malformed-request");
        refused(coordinator, b -> b.put("type", "PICNIC"), 400, "malformed-request");
        refused(coordinator, b -> b.putArray("sessions"), 400, "validation-failed");
        refused(coordinator, b -> b.putArray("targetGroups"), 400, "validation-failed");
        refused(coordinator, b -> b.put("registrationClosesAt", "2020-01-01T00:00:00Z"), 400, "validation-failed");
        refused(coordinator, b -> b.putArray("occupationGroups").add("26"), 400, "validation-failed");
        refused(coordinator, b -> b.put("hostPartnerId", stranger.toString()), 422, "host-not-member");
        refused(coordinator, b -> b.putArray("coOrganiserIds").add(stranger.toString()), 422, "co-organiser-not-member");
        refused(coordinator, b -> {
            b.remove("capacity");
            b.withArray("sessions").get(0);
        }, 400, "validation-failed");

        // a suspended member hosts nothing new
        new Partners(kafka, jdbc).suspend(company, network);
        var suspended = api().create(staffOf(company), Managing.measure(network, company));
        assertThat(suspended.statusCode()).isEqualTo(422);
        assertThat(suspended.body()).contains("host-not-member");

        assertThat(count("select count(*) from measure")).isEqualTo(measures);
        assertThat(count("select count(*) from measure_session")).isEqualTo(sessions);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    /** Who may create and manage: the host's admins and staff, the network's coordinators; nobody else. */
    @Test
    void object_level_rights_per_role() {
        UUID otherNetwork = UUID.randomUUID();
        UUID otherPartner = UUID.randomUUID();
        var body = Managing.measure(network, hwk);
        record Case(String who, String token, int create) {
        }
        List<Case> cases = List.of(
                new Case("anonymous", null, 401),
                new Case("staff of the host", staffOf(hwk), 201),
                new Case("admin of the host", Managing.adminOf(hwk), 201),
                new Case("coordinator of the network", coordinatorOf(network), 201),
                new Case("staff of a co-member", staffOf(company), 403),
                new Case("staff of an unknown partner", staffOf(otherPartner), 403),
                new Case("coordinator of another network", coordinatorOf(otherNetwork), 403),
                new Case("hr client of the host", TestTokens.subject("hr").roles("hr_client").partner(hwk).sign(), 403),
                new Case("operations", TestTokens.operations(), 403),
                new Case("coordinator role without networks", TestTokens.subject("c").roles("coordinator").sign(), 403));
        UUID id = api().created(staffOf(hwk), body);
        for (Case c : cases) {
            assertThat(api().create(c.token(), body).statusCode()).as("create: " + c.who()).isEqualTo(c.create());
            int manage = c.create() == 201 ? 200 : c.create();
            var put = api().send("PUT", "/api/measures/" + id, c.token(), body.toString(), "\"" + read(id).get("version").asLong() + "\"");
            assertThat(put.statusCode()).as("change: " + c.who() + " " + put.body()).isEqualTo(manage);
            var move = api().move(c.token(), id, "PLANNED", null);
            assertThat(move.statusCode()).as("status: " + c.who()).isEqualTo(c.create() == 201 ? 409 : c.create());
        }
        assertThat(api().move(staffOf(hwk), UUID.randomUUID(), "OPEN", null).statusCode()).isEqualTo(404);
    }

    /** A change of capacity and a burst of registrations serialise on the measure's row lock: never over capacity, no 5xx. */
    @Test
    void capacity_changes_racing_registrations_never_overbook() throws Exception {
        ObjectNode body = Managing.measure(network, hwk);
        body.put("capacity", 30);
        UUID id = api().created(staffOf(hwk), body);
        api().move(staffOf(hwk), id, "OPEN", null);
        List<Future<Integer>> answers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                String reg = Registering.body(id, "T" + i, "t" + i + "@example.org", null, null);
                answers.add(pool.submit(() -> new Registering(port).register(reg, null).statusCode()));
                if (i % 10 == 5) {
                    String changed = body.deepCopy().put("capacity", 10 + i / 2).toString();
                    answers.add(pool.submit(() -> {
                        String version = "\"" + read(id).get("version").asLong() + "\"";
                        return api().send("PUT", "/api/measures/" + id, staffOf(hwk), changed, version).statusCode();
                    }));
                }
            }
        }
        for (var a : answers) {
            assertThat(a.get()).as("no 5xx").isLessThan(500);
        }
        var m = read(id);
        assertThat(m.get("confirmedPlaces").asInt()).isLessThanOrEqualTo(m.get("capacity").asInt());
        assertThat(jdbc.queryForObject("select coalesce(sum(places), 0) from registration where measure_id = ? and status = 'CONFIRMED'",
                Integer.class, id)).isEqualTo(m.get("confirmedPlaces").asInt());
        assertThat(count("select count(*) from registration where measure_id = '" + id + "'")).isEqualTo(60);
    }

    tools.jackson.databind.JsonNode read(UUID id) {
        return json(new de.augenhoehe.testing.TestHttp(port).get("/api/measures/" + id));
    }

    void refused(String token, Consumer<ObjectNode> change, int status, String type) {
        ObjectNode body = Managing.measure(network, hwk);
        change.accept(body);
        HttpResponse<String> r = api().create(token, body);
        assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(status);
        assertThat(r.body()).contains("urn:augenhoehe:problem:" + type);
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static boolean isCancellation(ConsumerRecord<String, byte[]> r) {
        return "augenhoehe.measures.measure-cancelled.v1".equals(TopicRecords.header(r, "ce_type"));
    }
}
