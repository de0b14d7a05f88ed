package de.augenhoehe.portal.massnahmen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import de.augenhoehe.portal.web.Kreise;
import de.augenhoehe.portal.web.MeasureWords;

/**
 * The German words for the API's codes of a measure (type, target group, Kreis, status) and its dates. The filters'
 * select boxes offer exactly these codes, so a filter value outside them is refused at the field, not by the API.
 * The words are shared with the host's workspace ({@link MeasureWords}); the Kreise are named by {@link Kreise}.
 */
final class Words {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'").withZone(BERLIN);

    static final Map<String, String> TYPES = MeasureWords.TYPES;
    static final Map<String, String> TARGET_GROUPS = MeasureWords.TARGET_GROUPS;
    static final Map<String, String> KREISE = MeasureWords.KREISE;

    private static final Map<String, String> STATUS = Map.of(
            "PLANNED", "In Vorbereitung – Anmeldung noch nicht möglich",
            "OPEN", "Anmeldung möglich",
            "FULL", "Ausgebucht – Anmeldung auf die Warteliste",
            "RUNNING", "Läuft bereits",
            "COMPLETED", "Beendet",
            "CANCELLED", "Abgesagt");

    private Words() {
    }

    static String type(String code) {
        return TYPES.getOrDefault(code, code);
    }

    static String targetGroup(String code) {
        return TARGET_GROUPS.getOrDefault(code, code);
    }

    static String kreis(String key) {
        return Kreise.name(key);
    }

    static String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    static String date(String isoDate) {
        return isoDate == null || isoDate.isEmpty() ? "" : LocalDate.parse(isoDate).format(DATE);
    }

    static String time(String isoTime) {
        return LocalTime.parse(isoTime).format(TIME);
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
