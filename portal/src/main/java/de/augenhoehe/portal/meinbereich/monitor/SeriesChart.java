package de.augenhoehe.portal.meinbereich.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Geometry of the monitor's time-series chart, drawn by the template as inline SVG (no script, no library): per month
 * a bar for the inflow and one for the outflow, and the stock at month end as a line. The numbers stand in the table
 * below the chart, which is what a screen reader reads (the chart is one image with a title that says so).
 */
record SeriesChart(List<Bar> bars, String stockLine, List<Dot> dots, List<Label> xLabels, List<Label> yLabels,
        List<Double> gridLines) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final double LEFT = 48;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 36;

    /** One month's figures: openings open at month end, published in the month, closed in the month. */
    record Point(YearMonth month, int stock, int inflow, int outflow) {

        public String label() {
            return SeriesChart.label(month);
        }
    }

    record Bar(String x, String y, String width, String height, String kind) {
    }

    record Dot(String x, String y) {
    }

    record Label(String x, String y, String text) {
    }

    static SeriesChart of(List<Point> points) {
        int max = Math.max(1, points.stream().mapToInt(p -> Math.max(p.stock(), Math.max(p.inflow(), p.outflow()))).max().orElse(1));
        int step = niceStep(max);
        int top = ((max + step - 1) / step) * step;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, points.size());
        List<Bar> bars = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        List<Label> xLabels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(points.size() / 12.0));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x0 = LEFT + i * slot;
            bars.add(bar(x0 + slot * 0.15, slot * 0.33, p.inflow(), top, plotHeight, "zugang"));
            bars.add(bar(x0 + slot * 0.52, slot * 0.33, p.outflow(), top, plotHeight, "abgang"));
            dots.add(new Dot(f(x0 + slot / 2), f(y(p.stock(), top, plotHeight))));
            if (i % every == 0) {
                xLabels.add(new Label(f(x0 + slot / 2), f(HEIGHT - BOTTOM + 16), label(p.month())));
            }
        }
        String line = dots.stream().map(d -> d.x() + "," + d.y()).collect(Collectors.joining(" "));
        List<Label> yLabels = new ArrayList<>();
        List<Double> grid = new ArrayList<>();
        for (int v = 0; v <= top; v += step) {
            double y = y(v, top, plotHeight);
            grid.add(y);
            yLabels.add(new Label(f(LEFT - 6), f(y + 4), String.valueOf(v)));
        }
        return new SeriesChart(bars, line, dots, xLabels, yLabels, grid);
    }

    private static Bar bar(double x, double width, int value, int top, double plotHeight, String kind) {
        double y = y(value, top, plotHeight);
        return new Bar(f(x), f(y), f(width), f(TOP + plotHeight - y), kind);
    }

    private static double y(int value, int top, double plotHeight) {
        return TOP + plotHeight - plotHeight * value / top;
    }

    /** A step of 1, 2 or 5 × 10ⁿ that divides the axis into at most five parts. */
    static int niceStep(int max) {
        int magnitude = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * magnitude * 5 >= max) {
                    return m * magnitude;
                }
            }
            magnitude *= 10;
        }
    }

    static String label(YearMonth month) {
        return String.format(Locale.GERMANY, "%02d/%02d", month.getMonthValue(), month.getYear() % 100);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public double leftEdge() {
        return LEFT;
    }

    public double rightEdge() {
        return WIDTH - RIGHT;
    }
}
