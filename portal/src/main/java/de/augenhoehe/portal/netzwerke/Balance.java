package de.augenhoehe.portal.netzwerke;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.LedgerWords;

/**
 * The network's give-and-gain in numbers ({@code GET /api/networks/{id}/balance/summary}), in German: what the
 * members put in, what they got out, and how many of them did each.
 */
public record Balance(long members, long membersGiving, long membersGaining, List<Line> gave, List<Line> gained) {

    /** One category: the amount (pledged and realised together) with its unit, and how many entries make it up. */
    public record Line(String category, String amount, long entries) {
    }

    static Balance of(JsonNode summary) {
        return new Balance(summary.path("members").asLong(0), summary.path("membersGiving").asLong(0),
                summary.path("membersGaining").asLong(0), lines(summary.path("gave")), lines(summary.path("gained")));
    }

    public boolean empty() {
        return gave.isEmpty() && gained.isEmpty();
    }

    /** One line per category; a category counted in several units shows each ("2 Tage · 120 Plätze"). */
    private static List<Line> lines(JsonNode totals) {
        Map<String, List<String>> amounts = new LinkedHashMap<>();
        Map<String, Long> entries = new LinkedHashMap<>();
        for (JsonNode t : totals) {
            BigDecimal amount = t.path("pledged").decimalValue().add(t.path("realised").decimalValue());
            String unit = t.path("unit").asString("");
            String category = t.path("category").asString("");
            String label = LedgerWords.category(category);
            amounts.computeIfAbsent(label, k -> new ArrayList<>()).add(LedgerWords.amount(amount, unit));
            entries.merge(label, t.path("entries").asLong(0), Long::sum);
        }
        List<Line> lines = new ArrayList<>();
        amounts.forEach((label, list) -> lines.add(new Line(label, String.join(" · ", list), entries.get(label))));
        return lines;
    }
}
