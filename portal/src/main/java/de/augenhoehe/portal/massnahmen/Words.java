package de.augenhoehe.portal.massnahmen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import de.augenhoehe.portal.web.Kreise;

/**
 * The German words for the API's codes of a measure (type, target group, Kreis, status) and its dates. The filters'
 * select boxes offer exactly these codes, so a filter value outside them is refused at the field, not by the API.
 * The Kreise are named by {@link Kreise}.
 */
final class Words {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'").withZone(BERLIN);

    static final Map<String, String> TYPES = ordered(
            "TECHNOLOGY_DAY", "Techniktag",
            "PROJECT_DAY", "Projekttag",
            "INTERNSHIP_PROGRAMME", "Praktikumsprogramm",
            "TECHNICAL_LANGUAGE_TRAINING", "Fachsprachkurs",
            "QUALIFICATION", "Qualifizierung",
            "MENTORING", "Mentoring",
            "JOB_FAIR", "Jobmesse",
            "INFORMATION_EVENT", "Informationsveranstaltung",
            "RETURNEE_EVENT", "Veranstaltung für Rückkehrende",
            "OTHER", "Sonstiges");

    static final Map<String, String> TARGET_GROUPS = ordered(
            "PUPILS_HAUPTSCHULE", "Schülerinnen und Schüler der Hauptschule",
            "PUPILS_REALSCHULE", "Schülerinnen und Schüler der Realschule",
            "PUPILS_GYMNASIUM", "Schülerinnen und Schüler des Gymnasiums",
            "PUPILS_GEMEINSCHAFTSSCHULE", "Schülerinnen und Schüler der Gemeinschaftsschule",
            "PUPILS_VOCATIONAL_SCHOOL", "Schülerinnen und Schüler der Berufsschule",
            "APPRENTICES", "Auszubildende",
            "MIGRATION_BACKGROUND", "Menschen mit Zuwanderungsgeschichte",
            "JOB_SEEKERS", "Arbeitsuchende",
            "EMPLOYEES", "Beschäftigte",
            "RETURNEES", "Rückkehrende",
            "COMPANIES", "Unternehmen");

    static final Map<String, String> KREISE = Kreise.NAMES;

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

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
