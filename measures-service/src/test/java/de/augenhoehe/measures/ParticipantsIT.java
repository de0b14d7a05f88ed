package de.augenhoehe.measures;

import static de.augenhoehe.measures.Managing.coordinatorOf;
import static de.augenhoehe.measures.Managing.staffOf;
import static de.augenhoehe.measures.Registering.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** Hosts' view of participants, check-in, outcomes, and a participant's data export and erasure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ParticipantsIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void the_host_checks_in_records_outcomes_and_only_host_and_coordinators_see_participants() {
        UUID network = UUID.randomUUID();
        Partners partners = new Partners(kafka, jdbc);
        UUID host = partners.activeMember(network, "Neckartal Präzisionstechnik GmbH", "COMPANY");
        UUID school = partners.activeMember(network, "Gemeinschaftsschule am Wartberg", "SCHOOL");
        Managing api = new Managing(port);
        var body = Managing.measure(network, host);
        body.put("capacity", 2);
        body.withArray("sessions").add(Managing.session(LocalDate.now().plusDays(40), "09:00", "12:00", "74072", "Heilbronn"));
        UUID measure = api.created(staffOf(host), body);
        String path = "/api/measures/" + measure;

        // planned: no check-in yet
        JsonNode m = json(new de.augenhoehe.testing.TestHttp(port).get(path));
        String session = m.get("sessions").get(0).get("id").asString();
        api.move(staffOf(host), measure, "OPEN", null);
        var reg = new Registering(port);
        var ayse = json(reg.register("{\"measureId\":\"" + measure + "\",\"name\":\"Ayşe Demir\",\"email\":\"ayse@example.org\","
                + "\"sendingPartnerId\":\"" + school + "\",\"targetGroup\":\"PUPILS_GEMEINSCHAFTSSCHULE\"}", null));
        var ben = json(reg.register(Registering.body(measure, "Ben Koch", "ben@example.org", null, null), null));
        var cem = json(reg.register(Registering.body(measure, "Cem Yilmaz", "cem@example.org", null, null), null));
        assertThat(cem.get("status").asString()).isEqualTo("WAITLISTED");

        // who sees the participants: host and coordinators of the network; everyone else 404, anonymous 401
        assertThat(api.send("GET", path + "/registrations", null, null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", path + "/registrations", staffOf(school), null, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", path + "/registrations", coordinatorOf(UUID.randomUUID()), null, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", path + "/registrations", TestTokens.subject("hr").roles("hr_client").partner(host).sign(), null, null)
                .statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/measures/" + UUID.randomUUID() + "/registrations", staffOf(host), null, null).statusCode()).isEqualTo(404);
        var list = api.send("GET", path + "/registrations", coordinatorOf(network), null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("items")).hasSize(3);
        assertThat(list.body()).contains("Ayşe Demir").contains("ayse@example.org");
        // paged in order of arrival, the page size capped: a measure with thousands of registrations is no single answer
        var firstPage = json(api.send("GET", path + "/registrations?size=2", coordinatorOf(network), null, null));
        assertThat(firstPage.get("items")).extracting(p -> p.get("name").asString()).containsExactly("Ayşe Demir", "Ben Koch");
        var secondPage = json(api.send("GET", path + "/registrations?page=1&size=2", coordinatorOf(network), null, null));
        assertThat(secondPage.get("items")).extracting(p -> p.get("name").asString()).containsExactly("Cem Yilmaz");
        assertThat(api.send("GET", path + "/registrations?size=101", coordinatorOf(network), null, null).statusCode()).isEqualTo(400);

        String checkIn = path + "/sessions/" + session + "/attendance";
        String records = "{\"records\":[{\"registrationId\":\"" + ayse.get("id").asString() + "\",\"attended\":true},"
                + "{\"registrationId\":\"" + ben.get("id").asString() + "\",\"attended\":false}]}";
        assertThat(api.send("PUT", checkIn, staffOf(school), records, null).statusCode()).isEqualTo(404);
        var recorded = api.send("PUT", checkIn, staffOf(host), records, null);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(api.send("PUT", checkIn, staffOf(host), records, null).statusCode()).isEqualTo(200); // the same again: no new events
        var waitlisted = api.send("PUT", checkIn, staffOf(host),
                "{\"records\":[{\"registrationId\":\"" + cem.get("id").asString() + "\",\"attended\":true}]}", null);
        assertThat(waitlisted.statusCode()).isEqualTo(409);
        assertThat(waitlisted.body()).contains("not-a-participant");
        assertThat(api.send("PUT", path + "/sessions/" + UUID.randomUUID() + "/attendance", staffOf(host), records, null).statusCode())
                .isEqualTo(404);
        assertThat(api.send("PUT", checkIn, staffOf(host), "{\"records\":[{\"registrationId\":\"" + ben.get("id").asString()
                + "\",\"attended\":\"maybe\"}]}", null).statusCode()).isEqualTo(400);

        var outcome = api.send("PUT", path + "/registrations/" + ayse.get("id").asString() + "/outcome", staffOf(host),
                "{\"outcome\":\"STARTED_APPRENTICESHIP\",\"employerPartnerId\":\"" + host + "\"}", null);
        assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(200);
        assertThat(json(outcome).get("outcome").asString()).isEqualTo("STARTED_APPRENTICESHIP");
        assertThat(api.send("PUT", path + "/registrations/" + ayse.get("id").asString() + "/outcome", staffOf(host),
                "{\"outcome\":\"HIRED_AS_ASTRONAUT\"}", null).statusCode()).isEqualTo(400);

        var events = Registering.events(measure, 8).stream().filter(e -> {
            String t = TopicRecords.header(e, "ce_type");
            return t.contains("attendance-recorded") || t.contains("outcome-recorded");
        }).toList();
        assertThat(events).extracting(e -> TopicRecords.header(e, "ce_type")).containsExactly(
                "augenhoehe.measures.attendance-recorded.v1", "augenhoehe.measures.attendance-recorded.v1",
                "augenhoehe.measures.outcome-recorded.v1");
        var first = Registering.JSON.readTree(events.get(0).value());
        assertThat(first.get("attended").asBoolean()).isTrue();
        assertThat(first.get("targetGroup").asString()).isEqualTo("PUPILS_GEMEINSCHAFTSSCHULE");
        assertThat(first.get("networkId").asString()).isEqualTo(network.toString());
        var out = Registering.JSON.readTree(events.get(2).value());
        assertThat(out.get("sendingPartnerId").asString()).isEqualTo(school.toString());
        assertThat(out.get("employerPartnerId").asString()).isEqualTo(host.toString());
        events.forEach(e -> assertThat(new String(e.value())).doesNotContain("Ayşe").doesNotContain("Ben").doesNotContain("@")
                .doesNotContain(ayse.get("id").asString()));
    }

    @Test
    void a_participant_exports_and_erases_their_data_with_the_token_and_the_counts_stay() {
        UUID network = UUID.randomUUID();
        UUID host = new Partners(kafka, jdbc).activeMember(network, "Caritas-Beratungsstelle Heilbronn", "CHARITY");
        Managing api = new Managing(port);
        UUID measure = api.created(staffOf(host), Managing.measure(network, host));
        api.move(staffOf(host), measure, "OPEN", null);
        var reg = json(new Registering(port).register(Registering.body(measure, "Dana Engel", "dana@example.org", null, 3), null));
        String id = reg.get("id").asString();
        String token = RegistrationLinks.token(id);
        Registering own = new Registering(port);

        var wrong = own.withSecret("GET", "/api/registrations/" + id + "/personal-data", "x" + token);
        assertThat(wrong.statusCode()).isEqualTo(404);
        // the secret in the URL counts for nothing: it belongs in the header
        assertThat(api.send("GET", "/api/registrations/" + id + "/personal-data?token=" + token, null, null, null).statusCode()).isEqualTo(404);
        var export = own.withSecret("GET", "/api/registrations/" + id + "/personal-data", token);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(json(export).get("name").asString()).isEqualTo("Dana Engel");
        assertThat(json(export).get("email").asString()).isEqualTo("dana@example.org");
        assertThat(json(export).get("measureTitle").asString()).isEqualTo("Techniktag mit der Handwerkskammer");
        assertThat(own.withSecret("DELETE", "/api/registrations/" + id + "/personal-data", "wrong").statusCode()).isEqualTo(404);

        assertThat(own.withSecret("DELETE", "/api/registrations/" + id + "/personal-data", token).statusCode()).isEqualTo(204);
        var after = json(api.send("GET", "/api/measures/" + measure + "/registrations/" + id + "/personal-data", staffOf(host), null, null));
        assertThat(after.get("name").asString()).isEqualTo("[gelöscht]");
        assertThat(after.get("email").asString()).isEqualTo("[gelöscht]");
        assertThat(after.get("erasedAt").isNull()).isFalse();
        assertThat(after.get("places").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from registration where email = 'dana@example.org' or name like '%Dana%'",
                Integer.class)).isZero();

        // on request through the host; a stranger does not learn the registration exists
        var second = json(new Registering(port).register(Registering.body(measure, "Emil Gross", "emil@example.org", null, null), null));
        String secondPath = "/api/measures/" + measure + "/registrations/" + second.get("id").asString() + "/personal-data";
        assertThat(api.send("DELETE", secondPath, staffOf(UUID.randomUUID()), null, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/measures/" + measure + "/registrations/" + UUID.randomUUID() + "/personal-data",
                staffOf(host), null, null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", secondPath, coordinatorOf(network), null, null).statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select name from registration where id = ?", String.class, UUID.fromString(second.get("id").asString())))
                .isEqualTo("[gelöscht]");
        assertThat(jdbc.queryForObject("select confirmed_places from measure where id = ?", Integer.class, measure)).isEqualTo(4);
    }

    @Test
    void the_host_cancels_a_registration_with_a_reason_the_person_is_told_by_mail_and_the_waiting_list_moves_up() {
        UUID network = UUID.randomUUID();
        Partners partners = new Partners(kafka, jdbc);
        UUID host = partners.activeMember(network, "Südwestmetall Bezirksgruppe Heilbronn", "COMPANY");
        Managing api = new Managing(port);
        var body = Managing.measure(network, host);
        body.put("capacity", 3);
        UUID measure = api.created(staffOf(host), body);
        api.move(staffOf(host), measure, "OPEN", null);
        Registering reg = new Registering(port);
        String hoarder = json(reg.register(Registering.body(measure, "Viele", "viele-" + measure + "@example.org", null, 3), null))
                .get("id").asString();
        String waiting = json(reg.register(Registering.body(measure, "Wartende", "wartet-" + measure + "@example.org", null, 2), null))
                .get("id").asString();
        String cancel = "/api/measures/" + measure + "/registrations/" + hoarder + "/cancellation";
        String reason = "{\"reason\":\"Drei Plätze für eine Person: bitte melden Sie nur tatsächliche Teilnehmende an.\"}";

        // only the host and the network's coordinators; others do not learn the registration exists
        assertThat(api.send("POST", cancel, null, reason, null).statusCode()).isEqualTo(401);
        assertThat(api.send("POST", cancel, staffOf(UUID.randomUUID()), reason, null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/api/measures/" + measure + "/registrations/" + UUID.randomUUID() + "/cancellation",
                staffOf(host), reason, null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", cancel, staffOf(host), "{\"reason\":\" \"}", null).statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, UUID.fromString(hoarder)))
                .isEqualTo("CONFIRMED");

        var cancelled = api.send("POST", cancel, staffOf(host), reason, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);
        assertThat(jdbc.queryForMap("select status, cancelled_by, cancellation_reason from registration where id = ?", UUID.fromString(hoarder)))
                .containsEntry("status", "CANCELLED").containsEntry("cancelled_by", "HOST")
                .containsEntry("cancellation_reason", "Drei Plätze für eine Person: bitte melden Sie nur tatsächliche Teilnehmende an.");
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, UUID.fromString(waiting)))
                .isEqualTo("CONFIRMED");
        // the person is told, with the reason
        var told = Mailbox.await("viele-" + measure + "@example.org", 2);
        assertThat(told.subject()).startsWith("Abgesagt");
        assertThat(told.body()).contains("bitte melden Sie nur tatsächliche Teilnehmende an").contains("Techniktag mit der Handwerkskammer");
        // again: nothing changes, no second mail
        assertThat(api.send("POST", cancel, coordinatorOf(network), reason, null).statusCode()).isEqualTo(204);
        // the reason never travels on the topic
        var events = Registering.events(measure, 5);
        assertThat(events.stream().map(e -> TopicRecords.header(e, "ce_type"))).contains("augenhoehe.measures.registration-cancelled.v1",
                "augenhoehe.measures.registration-promoted.v1");
        events.forEach(e -> assertThat(new String(e.value())).doesNotContain("Teilnehmende").doesNotContain("@"));
        assertThat(Mailbox.to("viele-" + measure + "@example.org")).hasSize(2);
    }
}
