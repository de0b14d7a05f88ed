package de.augenhoehe.portal.meinbereich.koordination;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The bar chart of a balance page, drawn on the server as inline SVG: per partner two bars, its give entries and its
 * gain entries, scaled to the largest count of the page. The numbers are written beside the bars and stand in the
 * table below, so neither colour nor length alone carries them.
 */
record BalanceChart(List<Row> rows, int height) {

    static final int ROW = 64;
    /** Where the bars begin (the partner's name stands above them) and how long the longest may be, in SVG units. */
    static final int BAR_START = 8;
    static final int BAR_MAX = 300;

    record Row(String name, long gives, long gains, int giveWidth, int gainWidth, int y) {
    }

    static BalanceChart of(List<JsonNode> members) {
        long max = Math.max(1, members.stream()
                .mapToLong(m -> Math.max(m.path("giveEntries").asLong(0), m.path("gainEntries").asLong(0))).max().orElse(1));
        List<Row> rows = new java.util.ArrayList<>();
        for (JsonNode m : members) {
            long gives = m.path("giveEntries").asLong(0);
            long gains = m.path("gainEntries").asLong(0);
            rows.add(new Row(m.path("name").asString(""), gives, gains, width(gives, max), width(gains, max), rows.size() * ROW));
        }
        return new BalanceChart(rows, Math.max(ROW, rows.size() * ROW));
    }

    private static int width(long count, long max) {
        return (int) Math.round((double) count * BAR_MAX / max);
    }
}
