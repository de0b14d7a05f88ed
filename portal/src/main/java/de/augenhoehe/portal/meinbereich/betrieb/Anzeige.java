package de.augenhoehe.portal.meinbereich.betrieb;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, ages and times as the night shift reads them: German, local time. */
final class Anzeige {

    private static final DateTimeFormatter ZEIT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.GERMANY)
            .withZone(ZoneId.of("Europe/Berlin"));
    private static final DateTimeFormatter UHRZEIT = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.GERMANY)
            .withZone(ZoneId.of("Europe/Berlin"));

    private Anzeige() {
    }

    static String zahl(double value) {
        return String.format(Locale.GERMANY, "%,d", Math.round(value));
    }

    static String prozent(double value) {
        return value < 0 ? "noch zu wenige Aufrufe" : String.format(Locale.GERMANY, "%.1f %%", value);
    }

    static String dauer(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(Math.max(0, seconds)));
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toSeconds() + " s";
    }

    static String zeit(Instant instant) {
        return instant == null ? "–" : ZEIT.format(instant);
    }

    static String uhrzeit(Instant instant) {
        return UHRZEIT.format(instant);
    }

    static Instant instant(String text) {
        try {
            return text == null || text.isBlank() || text.equals("null") ? null : Instant.parse(text);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
