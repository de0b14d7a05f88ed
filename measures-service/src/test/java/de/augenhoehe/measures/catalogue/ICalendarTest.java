package de.augenhoehe.measures.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** RFC 5545 details of the writer, read back by ical4j: folding at 75 octets in UTF-8, escaping, CRLF. */
class ICalendarTest {

    @Test
    void long_lines_with_multibyte_characters_fold_at_75_octets_and_unfold_to_the_same_text() throws Exception {
        String title = "Überbetriebliche Ausbildung: Öl-, Gas- und Wärmetechnik; Grundlagen, Übungen \\ Prüfung – „Ständig üben“ ".repeat(3).strip();
        String description = "Zeile eins\nZeile zwei, mit Komma; und Semikolon";
        var event = new ICalendar.Event(UUID.randomUUID(), UUID.randomUUID(), title, description, LocalDate.of(2027, 3, 28),
                LocalTime.of(9, 0), LocalTime.of(17, 30), "Bildungszentrum, Heilbronn, 74072", false, Instant.parse("2026-11-01T10:00:00Z"));
        String ics = ICalendar.write(List.of(event), Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(ics).contains("SUMMARY:Überbetriebliche").contains("\\;").contains("\\,").contains("\\\\").contains("\\n");
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        assertThat(parsed.validate().hasErrors()).isFalse();
        VEvent e = (VEvent) parsed.getComponents("VEVENT").get(0);
        assertThat(e.getSummary().getValue()).isEqualTo(title);
        assertThat(e.getDescription().getValue()).isEqualTo(description);
        assertThat(e.getLocation().getValue()).isEqualTo("Bildungszentrum, Heilbronn, 74072");
    }

    @Test
    void a_cancelled_measure_is_published_as_cancelled_events() throws Exception {
        var event = new ICalendar.Event(UUID.randomUUID(), UUID.randomUUID(), "Projekttag", null, LocalDate.of(2027, 4, 20),
                LocalTime.of(8, 0), LocalTime.of(13, 0), "Werft, Papenburg, 26871", true, null);
        Calendar parsed = new CalendarBuilder().build(new StringReader(ICalendar.write(List.of(event), Instant.now())));
        assertThat(((VEvent) parsed.getComponents("VEVENT").get(0)).getStatus().getValue()).isEqualTo("CANCELLED");
    }
}
