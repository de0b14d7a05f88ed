package de.augenhoehe.portal.meinbereich.anbieten;

import static de.augenhoehe.portal.web.MeasureWords.ordered;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;


/**
 * The host's words for measures-service's codes: how a measure is delivered, where it stands and which steps it may
 * take next (the service's lifecycle: PLANNED → OPEN → RUNNING → COMPLETED, or CANCELLED from any but the last),
 * a participant's registration and outcome.
 */
final class HostWords {

    static final Map<String, String> DELIVERY = ordered(
            "IN_COMPANY", "Im eigenen Betrieb",
            "VERBUND", "Im Verbund mit anderen Partnern",
            "EXTERNAL", "Bei einem externen Träger");

    static final Map<String, String> STATUS = ordered(
            "PLANNED", "In Planung",
            "OPEN", "Zur Anmeldung offen",
            "FULL", "Ausgebucht",
            "RUNNING", "Läuft",
            "COMPLETED", "Abgeschlossen",
            "CANCELLED", "Abgesagt");

    /** The steps a host takes by hand, with the button's words; FULL follows from the registrations. */
    static final Map<String, String> STEPS = ordered(
            "OPEN", "Zur Anmeldung öffnen",
            "RUNNING", "Als laufend markieren",
            "COMPLETED", "Als abgeschlossen markieren");

    private static final Map<String, List<String>> NEXT = Map.of(
            "PLANNED", List.of("OPEN"),
            "OPEN", List.of("RUNNING"),
            "FULL", List.of("RUNNING"),
            "RUNNING", List.of("COMPLETED"));

    static final Map<String, String> CANCELLATION_REASONS = ordered(
            "TOO_FEW_REGISTRATIONS", "Zu wenige Anmeldungen",
            "HOST_UNAVAILABLE", "Wir können sie nicht durchführen",
            "SPEAKER_UNAVAILABLE", "Referentin oder Referent fällt aus",
            "VENUE_UNAVAILABLE", "Der Ort steht nicht zur Verfügung",
            "FORCE_MAJEURE", "Höhere Gewalt",
            "OTHER", "Anderer Grund");

    static final Map<String, String> REGISTRATION = ordered(
            "CONFIRMED", "Angemeldet",
            "WAITLISTED", "Warteliste",
            "CANCELLED", "Storniert");

    static final Map<String, String> OUTCOMES = ordered(
            "COMPLETED", "Erfolgreich teilgenommen",
            "DROPPED_OUT", "Abgebrochen",
            "STARTED_APPRENTICESHIP", "Hat eine Ausbildung begonnen",
            "STARTED_JOB", "Hat eine Arbeit begonnen",
            "FURTHER_MEASURE", "Nimmt an einer weiteren Maßnahme teil");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, dd.MM.yyyy", java.util.Locale.GERMAN);

    private HostWords() {
    }

    static List<String> nextSteps(String status) {
        return NEXT.getOrDefault(status, List.of());
    }

    static boolean cancellable(String status) {
        return NEXT.containsKey(status);
    }

    /** "Dienstag, 15.01.2027, 09:00–15:00 Uhr" of a session as the API answers it. */
    static String session(String isoDate, String start, String end) {
        return LocalDate.parse(isoDate).format(DATE) + ", " + LocalTime.parse(start).toString() + "–" + LocalTime.parse(end) + " Uhr";
    }
}
