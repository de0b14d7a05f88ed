package de.augenhoehe.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Points in time of the API (instants) as people in the networks read them: local time in Germany. */
public final class Times {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'").withZone(ZoneId.of("Europe/Berlin"));

    private Times() {
    }

    /** "06.12.2026, 21:15 Uhr"; empty for none. */
    public static String when(String instant) {
        return instant == null || instant.isBlank() ? "" : WHEN.format(Instant.parse(instant));
    }
}
