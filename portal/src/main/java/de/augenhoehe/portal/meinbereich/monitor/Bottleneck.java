package de.augenhoehe.portal.meinbereich.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One row of the bottleneck table: a Kreis × occupation group with its score, the verdict in words (the colour only
 * repeats it) and each indicator with its value and points — so a coordinator can see why a group is a bottleneck.
 */
record Bottleneck(String kreis, String kreisName, String group, String groupName, Double scoreValue, String score, String level, String verdict,
        List<Indicator> indicators, int events) {

    record Indicator(String name, String value, String points) {
    }

    private static final Map<String, String> NAMES = Map.of(
            "vacancyTime", "Vakanzzeit im Vergleich",
            "stockChange", "Veränderung des Bestands",
            "unfilledShare", "Anteil unbesetzt beendet");

    static Bottleneck of(JsonNode row, String kreisName, String groupName) {
        List<Indicator> indicators = new ArrayList<>();
        for (JsonNode i : row.path("indicators")) {
            String name = i.path("name").asString();
            indicators.add(new Indicator(NAMES.getOrDefault(name, name), number(i.path("value")),
                    i.path("points").isNull() || i.path("points").isMissingNode() ? "nicht bewertet" : i.path("points").asInt() + " von 3"));
        }
        JsonNode score = row.path("score");
        String level;
        String verdict;
        if (score.isNull() || score.isMissingNode()) {
            level = "keine";
            verdict = "nicht bewertbar (zu wenige beendete Stellen)";
        } else if (row.path("bottleneck").asBoolean()) {
            level = "engpass";
            verdict = "Engpass";
        } else if (score.asDouble() >= 1.0) {
            level = "anzeichen";
            verdict = "Anzeichen eines Engpasses";
        } else {
            level = "kein";
            verdict = "kein Engpass";
        }
        return new Bottleneck(row.path("kreis").asString(), kreisName, row.path("occupationGroup").asString(), groupName,
                score.isNull() || score.isMissingNode() ? null : score.asDouble(),
                score.isNull() || score.isMissingNode() ? "–" : String.format(Locale.GERMANY, "%.1f", score.asDouble()),
                level, verdict, indicators, row.path("events").asInt());
    }

    private static String number(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "–" : String.format(Locale.GERMANY, "%.2f", value.asDouble());
    }
}
