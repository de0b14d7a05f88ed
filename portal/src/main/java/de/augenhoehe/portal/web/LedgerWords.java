package de.augenhoehe.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The give-and-gain ledger's kinds and units in German (partner-service README, "Kinds and units"): the network's
 * public page and the workspaces show the same words for the same entries.
 */
public final class LedgerWords {

    public static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("VACANCIES", "Stellen angeboten"), Map.entry("INTERNSHIP_PLACES", "Praktikumsplätze"),
            Map.entry("PROJECT_DAYS", "Projekttage"), Map.entry("PUPIL_PLACES", "Plätze für Schülerinnen und Schüler"),
            Map.entry("COURSE_PLACES", "Kurs- und Mentoringplätze"), Map.entry("MEASURES", "Maßnahmen mitgestaltet"),
            Map.entry("ROOMS_INFRASTRUCTURE", "Räume und Technik"), Map.entry("STAFF_HOURS", "Arbeitsstunden"),
            Map.entry("EXPERTISE", "Fachwissen"), Map.entry("FUNDING", "Geld"), Map.entry("DATA", "Daten"),
            Map.entry("OUTREACH_CHANNELS", "Kanäle für die Ansprache"),
            Map.entry("VACANCIES_FILLED", "Stellen besetzt"), Map.entry("CLIENTS_PLACED", "Menschen vermittelt"),
            Map.entry("APPRENTICES_TRAINED", "Auszubildende gewonnen"), Map.entry("PARTICIPANTS_SENT", "Teilnehmende geschickt"),
            Map.entry("RETURNEES_HIRED", "Rückkehrende eingestellt"));

    /**
     * The units of the ledger's kinds, singular and plural, and older names; a unit not named here is shown as the API
     * sends it.
     */
    private static final Map<String, List<String>> UNITS = Map.ofEntries(Map.entry("places", List.of("Platz", "Plätze")),
            Map.entry("hours", List.of("Stunde", "Stunden")), Map.entry("positions", List.of("Stelle", "Stellen")),
            Map.entry("vacancies", List.of("Stelle", "Stellen")), Map.entry("days", List.of("Tag", "Tage")),
            Map.entry("rooms", List.of("Raum", "Räume")), Map.entry("channels", List.of("Kanal", "Kanäle")),
            Map.entry("measures", List.of("Maßnahme", "Maßnahmen")), Map.entry("people", List.of("Person", "Personen")),
            Map.entry("apprentices", List.of("Auszubildende Person", "Auszubildende")),
            Map.entry("participants", List.of("teilnehmende Person", "Teilnehmende")),
            Map.entry("labour-market reports", List.of("Arbeitsmarktbericht", "Arbeitsmarktberichte")),
            Map.entry("reports", List.of("Bericht", "Berichte")), Map.entry("returnees", List.of("Rückkehrende Person", "Rückkehrende")),
            Map.entry("EUR", List.of("Euro", "Euro")));

    private LedgerWords() {
    }

    public static String category(String code) {
        return CATEGORIES.getOrDefault(code, code);
    }

    /** 15000 → "15.000", 2.5 → "2,5". */
    public static String number(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    public static String unit(String unit, BigDecimal amount) {
        List<String> german = UNITS.get(unit);
        return german == null ? unit : german.get(amount.compareTo(BigDecimal.ONE) == 0 ? 0 : 1);
    }

    /** "3 Stellen", "1 Platz". */
    public static String amount(BigDecimal amount, String unit) {
        return number(amount) + " " + unit(unit, amount);
    }
}
