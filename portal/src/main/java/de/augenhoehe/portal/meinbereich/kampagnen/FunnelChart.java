package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The funnel as a bar chart, drawn on the server as inline SVG: per batch (or municipality) one bar per step, from
 * distributed to returned or hired, scaled to the largest number of the page. A step that counted something keeps a
 * visible sliver even beside thousands distributed; the number stands beside each bar and in the table below, so
 * neither length nor colour alone carries it.
 */
record FunnelChart(List<Group> groups, int height) {

    /** The steps in the funnel's order: the API's field and the German word. */
    static final List<String[]> STEPS = List.of(new String[] {"distributed", "verteilt"}, new String[] {"scanned", "gescannt"},
            new String[] {"signedUp", "angemeldet"}, new String[] {"confirmed", "bestätigt"}, new String[] {"matched", "passende Stelle"},
            new String[] {"returnedOrHired", "zurück oder eingestellt"});
    static final int BAR = 14;
    static final int STEP = 20;
    /** The name above the bars, then one bar per step, then a gap. */
    static final int GROUP = 24 + STEPS.size() * STEP + 8;
    static final int BAR_START = 8;
    static final int BAR_MAX = 220;

    record Bar(String step, String word, long count, int width, int y, String css) {
    }

    record Group(String name, int y, List<Bar> bars) {
    }

    /** {@code rows}: the funnel's batches or municipalities, each with its {@code stages}; {@code name} names a row. */
    static FunnelChart of(List<JsonNode> rows, java.util.function.Function<JsonNode, String> name) {
        long max = 1;
        for (JsonNode row : rows) {
            for (String[] step : STEPS) {
                max = Math.max(max, row.path("stages").path(step[0]).asLong(0));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (JsonNode row : rows) {
            int top = groups.size() * GROUP;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < STEPS.size(); i++) {
                String[] step = STEPS.get(i);
                long count = row.path("stages").path(step[0]).asLong(0);
                bars.add(new Bar(step[0], step[1], count, width(count, max), top + 24 + i * STEP, "stufe-" + i));
            }
            groups.add(new Group(name.apply(row), top, bars));
        }
        return new FunnelChart(groups, Math.max(GROUP, groups.size() * GROUP));
    }

    static int width(long count, long max) {
        if (count == 0) {
            return 0;
        }
        return (int) Math.max(3, Math.round((double) count * BAR_MAX / max));
    }
}
