package de.augenhoehe.portal.netzwerke;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The network's give-and-gain in numbers ({@code GET /api/networks/{id}/balance/summary}), in German: what the
 * members put in, what they got out, and how many of them did each.
 */
public record Balance(long members, long membersGiving, long membersGaining, List<Line> gave, List<Line> gained) {

    /** One category: the amount (pledged and realised together) with its unit, and how many entries make it up. */
    public record Line(String category, String amount, long entries) {
    }

    static final Map<String, String> CATEGORIES = Map.ofEntries(
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
     * The units of the ledger's kinds (partner-service README, "Kinds and units"), singular and plural, and older names;
     * a unit not named here is shown as the API sends it.
     */
    static final Map<String, List<String>> UNITS = Map.ofEntries(Map.entry("places", List.of("Platz", "Plätze")),
            Map.entry("hours", List.of("Stunde", "Stunden")), Map.entry("positions", List.of("Stelle", "Stellen")),
            Map.entry("vacancies", List.of("Stelle", "Stellen")), Map.entry("days", List.of("Tag", "Tage")),
            Map.entry("rooms", List.of("Raum", "Räume")), Map.entry("channels", List.of("Kanal", "Kanäle")),
            Map.entry("measures", List.of("Maßnahme", "Maßnahmen")), Map.entry("people", List.of("Person", "Personen")),
            Map.entry("apprentices", List.of("Auszubildende Person", "Auszubildende")),
            Map.entry("participants", List.of("teilnehmende Person", "Teilnehmende")),
            Map.entry("labour-market reports", List.of("Arbeitsmarktbericht", "Arbeitsmarktberichte")),
            Map.entry("reports", List.of("Bericht", "Berichte")), Map.entry("returnees", List.of("Rückkehrende Person", "Rückkehrende")),
            Map.entry("EUR", List.of("Euro", "Euro")));

    static Balance of(JsonNode summary) {
        return new Balance(summary.path("members").asLong(0), summary.path("membersGiving").asLong(0),
                summary.path("membersGaining").asLong(0), lines(summary.path("gave")), lines(summary.path("gained")));
    }

    public boolean empty() {
        return gave.isEmpty() && gained.isEmpty();
    }

    /** 15000 → "15.000", 2.5 → "2,5". */
    static String number(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    static String unit(String unit, BigDecimal amount) {
        List<String> german = UNITS.get(unit);
        return german == null ? unit : german.get(amount.compareTo(BigDecimal.ONE) == 0 ? 0 : 1);
    }

    /** One line per category; a category counted in several units shows each ("2 Tage · 120 Plätze"). */
    private static List<Line> lines(JsonNode totals) {
        Map<String, List<String>> amounts = new LinkedHashMap<>();
        Map<String, Long> entries = new LinkedHashMap<>();
        for (JsonNode t : totals) {
            BigDecimal amount = t.path("pledged").decimalValue().add(t.path("realised").decimalValue());
            String unit = t.path("unit").asString("");
            String category = t.path("category").asString("");
            String label = CATEGORIES.getOrDefault(category, category);
            amounts.computeIfAbsent(label, k -> new ArrayList<>()).add(number(amount) + " " + unit(unit, amount));
            entries.merge(label, t.path("entries").asLong(0), Long::sum);
        }
        List<Line> lines = new ArrayList<>();
        amounts.forEach((label, list) -> lines.add(new Line(label, String.join(" · ", list), entries.get(label))));
        return lines;
    }
}
