package de.augenhoehe.measures.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes measures' sessions as an RFC 5545 calendar: one VEVENT per session in local time of Europe/Berlin (TZID with
 * its VTIMEZONE, so clients need no time-zone database of their own), CRLF line ends, text escaped (§3.3.11) and lines
 * folded at 75 octets without splitting a UTF-8 character (§3.1).
 */
final class ICalendar {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The EU rule for Berlin since 1996: summer time from the last Sunday of March to the last Sunday of October. */
    private static final List<String> BERLIN = List.of(
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE");

    record Event(UUID sessionId, UUID measureId, String title, String description, LocalDate day, LocalTime start, LocalTime end,
            String location, boolean cancelled, Instant lastModified) {
    }

    private ICalendar() {
    }

    static String write(List<Event> events, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Augenhoehe//measures-service//DE");
        line(out, "CALSCALE:GREGORIAN");
        BERLIN.forEach(l -> line(out, l));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.sessionId() + "@measures.augenhoehe");
            line(out, "DTSTAMP:" + UTC.format(now));
            if (e.lastModified() != null) {
                line(out, "LAST-MODIFIED:" + UTC.format(e.lastModified()));
            }
            line(out, "DTSTART;TZID=Europe/Berlin:" + LOCAL.format(e.day().atTime(e.start())));
            line(out, "DTEND;TZID=Europe/Berlin:" + LOCAL.format(e.day().atTime(e.end())));
            line(out, "SUMMARY:" + text(e.title()));
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + text(e.description()));
            }
            line(out, "LOCATION:" + text(e.location()));
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets: each continuation starts with one space, which counts to its 75. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
