package de.augenhoehe.measures;

import static de.augenhoehe.measures.Managing.staffOf;
import static de.augenhoehe.measures.Registering.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestHttp;

/** The public catalogue's filters and its iCalendar export, checked with a real RFC 5545 parser (ical4j). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
// Every context consumes partner-/vacancy-events in the one consumer group: a context left running would take
// partitions from the next class's context, so each class closes its own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CatalogueFilterIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;

    @Test
    void filters_narrow_the_catalogue_and_the_calendar_is_valid_icalendar() throws Exception {
        UUID heilbronn = UUID.randomUUID();
        UUID ems = UUID.randomUUID();
        Partners partners = new Partners(kafka, jdbc);
        UUID hwk = partners.activeMember(heilbronn, "Handwerkskammer Heilbronn-Franken", "CHAMBER_OF_CRAFTS");
        UUID werft = partners.activeMember(ems, "Emsland Schiffbau & Anlagen AG", "COMPANY");
        Managing api = new Managing(port);

        ObjectNode techniktag = Managing.measure(heilbronn, hwk);
        techniktag.put("title", "Techniktag; Elektro, Metall \\ Holz – Öffnung für alle Schülerinnen und Schüler der Region Heilbronn-Franken");
        UUID tag = api.created(staffOf(hwk), techniktag);
        api.move(staffOf(hwk), tag, "OPEN", null);

        ObjectNode sprachkurs = Managing.measure(ems, werft);
        sprachkurs.put("title", "Fachsprache Metall für Auszubildende");
        sprachkurs.put("type", "TECHNICAL_LANGUAGE_TRAINING");
        sprachkurs.put("delivery", "VERBUND");
        sprachkurs.putArray("targetGroups").add("APPRENTICES").add("MIGRATION_BACKGROUND");
        sprachkurs.putArray("sessions")
                .add(Managing.session(LocalDate.of(2027, 3, 2), "16:00", "18:00", "26871", "Werft, Papenburg"))
                .add(Managing.session(LocalDate.of(2027, 7, 6), "16:00", "18:00", "26721", "BBS Emden"));
        UUID kurs = api.created(staffOf(werft), sprachkurs);

        assertThat(ids("")).contains(tag.toString(), kurs.toString());
        assertThat(ids("?type=TECHNICAL_LANGUAGE_TRAINING")).containsExactly(kurs.toString());
        assertThat(ids("?targetGroup=APPRENTICES&targetGroup=PUPILS_GYMNASIUM")).containsExactly(kurs.toString());
        assertThat(ids("?kreis=03402")).containsExactly(kurs.toString());
        assertThat(ids("?kreis=08121")).containsExactly(tag.toString());
        assertThat(ids("?network=" + ems)).containsExactly(kurs.toString());
        assertThat(ids("?host=" + hwk)).containsExactly(tag.toString());
        assertThat(ids("?from=2027-07-01&to=2027-07-31")).containsExactly(kurs.toString());
        assertThat(ids("?from=2027-04-01&to=2027-06-30")).doesNotContain(kurs.toString());
        assertThat(ids("?freePlaces=true")).contains(tag.toString()).doesNotContain(kurs.toString()); // planned: not open
        assertThat(ids("?status=PLANNED&network=" + ems)).containsExactly(kurs.toString());
        assertThat(ids("?status=OPEN&status=FULL&host=" + hwk)).containsExactly(tag.toString());
        assertThat(ids("?status=CANCELLED&host=" + hwk)).isEmpty();
        assertThat(ids("?status=%20&host=" + hwk)).as("a blank status is no filter").containsExactly(tag.toString());
        assertThat(new TestHttp(port).get("/api/measures?status=DONE").statusCode()).isEqualTo(400);
        assertThat(new TestHttp(port).get("/api/measures?targetGroup=ASTRONAUTS").statusCode()).isEqualTo(400);
        assertThat(new TestHttp(port).get("/api/measures?kreis=81").statusCode()).isEqualTo(400);
        assertThat(new TestHttp(port).get("/api/measures?from=2027-02-01&to=2027-01-01").statusCode()).isEqualTo(400);

        // one measure's calendar: its sessions, parsed and validated by ical4j
        var one = new TestHttp(port).get("/api/measures/" + kurs + "/calendar");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(one.body()).contains("\r\n").doesNotContainPattern("[^\r]\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(one.body()));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent winter = events.get(0);
        Temporal start = winter.getDateTimeStart().getDate();
        // 16:00 in Berlin in March is 15:00 UTC (CET), in July 14:00 UTC (CEST): the VTIMEZONE carries the rule
        assertThat(ZonedDateTime.from(start).toInstant()).isEqualTo(ZonedDateTime.of(2027, 3, 2, 16, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(ZonedDateTime.from(events.get(1).getDateTimeStart().getDate()).toInstant().toString()).isEqualTo("2027-07-06T14:00:00Z");
        assertThat(winter.getSummary().getValue()).isEqualTo("Fachsprache Metall für Auszubildende");
        assertThat(winter.getLocation().getValue()).isEqualTo("Werft, Papenburg, 26871");
        assertThat(winter.getUid().orElseThrow().getValue()).endsWith("@measures.augenhoehe");

        // the filtered catalogue: the long title with ; , \ and umlauts survives folding and escaping
        var filtered = new TestHttp(port).get("/api/measures/calendar?network=" + heilbronn);
        assertThat(filtered.statusCode()).isEqualTo(200);
        for (String line : filtered.body().split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Calendar hn = new CalendarBuilder().build(new StringReader(filtered.body()));
        assertThat(hn.validate().hasErrors()).isFalse();
        List<VEvent> hnEvents = hn.getComponents("VEVENT");
        assertThat(hnEvents).singleElement().satisfies(e -> assertThat(e.getSummary().getValue())
                .isEqualTo(techniktag.get("title").asString()));
        assertThat(new TestHttp(port).get("/api/measures/" + UUID.randomUUID() + "/calendar").statusCode()).isEqualTo(404);
    }

    @Test
    void the_calendar_of_the_catalogue_is_a_window_of_at_most_a_year_in_pages_of_measures() throws Exception {
        UUID network = UUID.randomUUID();
        UUID hwk = new Partners(kafka, jdbc).activeMember(network, "Handwerkskammer Heilbronn-Franken", "CHAMBER_OF_CRAFTS");
        Managing api = new Managing(port);
        // in Papenburg (Kreis 03454), out of the way of the other test's Kreis filters
        ObjectNode measure = Managing.measure(network, hwk);
        measure.withArray("sessions").set(0, Managing.session(LocalDate.now().plusDays(30), "09:00", "15:00", "26871", "Papenburg"));
        for (int i = 0; i < 3; i++) {
            api.created(staffOf(hwk), measure);
        }
        UUID past = api.created(staffOf(hwk), measure);
        jdbc.update("update measure_session set day = current_date - 400 where measure_id = ?", past);
        jdbc.update("update measure set starts_on = current_date - 400 where id = ?", past);

        // by default from today on: the measures of years ago are not in the file
        assertThat(calendarMeasures("?network=" + network)).hasSize(3).doesNotContain(past.toString());
        // a page of measures, with the next page linked (RFC 8288)
        var firstPage = new TestHttp(port).get("/api/measures/calendar?network=" + network + "&size=2");
        assertThat(uids(firstPage.body())).hasSize(2);
        String next = firstPage.headers().firstValue("Link").orElseThrow();
        assertThat(next).contains("page=1").endsWith("; rel=\"next\"");
        String nextPath = next.substring(next.indexOf("/api/measures/calendar"), next.indexOf('>'));
        var secondPage = new TestHttp(port).get(nextPath);
        assertThat(uids(secondPage.body())).hasSize(1);
        assertThat(secondPage.headers().firstValue("Link")).isEmpty();
        // the past by an explicit window; no window longer than a year, no page larger than 500
        assertThat(calendarMeasures("?network=" + network + "&to=" + LocalDate.now().minusDays(300))).containsExactly(past.toString());
        assertThat(new TestHttp(port).get("/api/measures/calendar?from=2027-01-01&to=2028-06-01").statusCode()).isEqualTo(400);
        assertThat(new TestHttp(port).get("/api/measures/calendar?size=501").statusCode()).isEqualTo(400);
        // a blank value of a list filter is no value (the endpoint fuzzer of #16 got a 500 for it)
        assertThat(new TestHttp(port).get("/api/measures/calendar?type=%20&page=18").statusCode()).isEqualTo(200);
        assertThat(new TestHttp(port).get("/api/measures?type=%20&targetGroup=%20").statusCode()).isEqualTo(200);
    }

    /** The measures of a calendar answer (its UIDs are session ids), after ical4j has parsed and validated it. */
    private List<String> calendarMeasures(String query) throws Exception {
        var r = new TestHttp(port).get("/api/measures/calendar" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new CalendarBuilder().build(new StringReader(r.body())).validate().hasErrors()).isFalse();
        return uids(r.body());
    }

    /** The measure of each session UID in the file, once each. */
    private List<String> uids(String ics) {
        return Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith("UID:"))
                .map(l -> UUID.fromString(l.substring(4, l.indexOf('@'))))
                .map(session -> jdbc.queryForObject("select measure_id from measure_session where id = ?", UUID.class, session).toString())
                .distinct().toList();
    }

    List<String> ids(String query) {
        var r = new TestHttp(port).get("/api/measures" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }
}
