package de.augenhoehe.portal.netzwerke;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The network's give-and-gain in numbers ({@code GET /api/networks/{id}/balance/summary}), in German: what the
 * members put in, what they got out, and how many of them did each.
 */
record Balance(long members, long membersGiving, long membersGaining, List<Line> gave, List<Line> gained) {

    /** One category: the amount (pledged and realised together) with its unit, and how many entries make it up. */
    record Line(String category, String amount, long entries) {
    }

    static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("VACANCIES", "Stellen angeboten"), Map.entry("INTERNSHIP_PLACES", "Praktikumsplätze"),
            Map.entry("PROJECT_DAYS", "Projekttage"), Map.entry("COURSE_PLACES", "Kursplätze"),
            Map.entry("ROOMS_INFRASTRUCTURE", "Räume und Technik"), Map.entry("STAFF_HOURS", "Arbeitsstunden"),
            Map.entry("EXPERTISE", "Fachwissen"), Map.entry("FUNDING", "Geld"), Map.entry("DATA", "Daten"),
            Map.entry("OUTREACH_CHANNELS", "Kanäle für die Ansprache"),
            Map.entry("VACANCIES_FILLED", "Stellen besetzt"), Map.entry("CLIENTS_PLACED", "Menschen vermittelt"),
            Map.entry("APPRENTICES_TRAINED", "Auszubildende gewonnen"), Map.entry("PARTICIPANTS_SENT", "Teilnehmende geschickt"),
            Map.entry("RETURNEES_HIRED", "Rückkehrende eingestellt"));

    /** The units the ledger uses today; a unit not named here is shown as the API sends it. */
    static final Map<String, String> UNITS = Map.ofEntries(Map.entry("places", "Plätze"), Map.entry("hours", "Stunden"),
            Map.entry("positions", "Stellen"), Map.entry("vacancies", "Stellen"), Map.entry("days", "Tage"),
            Map.entry("rooms", "Räume"), Map.entry("channels", "Kanäle"), Map.entry("measures", "Maßnahmen"),
            Map.entry("people", "Personen"), Map.entry("apprentices", "Auszubildende"),
            Map.entry("participants", "Teilnehmende"), Map.entry("EUR", "Euro"));

    static Balance of(JsonNode summary) {
        return new Balance(summary.path("members").asLong(0), summary.path("membersGiving").asLong(0),
                summary.path("membersGaining").asLong(0), lines(summary.path("gave")), lines(summary.path("gained")));
    }

    boolean empty() {
        return gave.isEmpty() && gained.isEmpty();
    }

    /** 15000 → "15.000", 2.5 → "2,5". */
    static String number(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    private static List<Line> lines(JsonNode totals) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode t : totals) {
            BigDecimal amount = t.path("pledged").decimalValue().add(t.path("realised").decimalValue()).stripTrailingZeros();
            String unit = t.path("unit").asString("");
            String category = t.path("category").asString("");
            lines.add(new Line(CATEGORIES.getOrDefault(category, category),
                    number(amount) + " " + UNITS.getOrDefault(unit, unit),
                    t.path("entries").asLong(0)));
        }
        return lines;
    }
}
