package de.augenhoehe.measures.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bottleneck score, in the spirit of the BA Engpassanalyse: several indicators, each rated 0–3 points against
 * fixed thresholds, averaged. The BA's own job-seeker relations need data this platform does not have; these three
 * come from the vacancies alone. Every score carries its indicators, their values, thresholds and this formula.
 */
final class Bottlenecks {

    static final String FORMULA = "score = mean of the rated indicators (each 0–3 points); an indicator needs at least "
            + Bottlenecks.MIN_CLOSED + " closed vacancies where it uses them. vacancyTime: median vacancy time of the occupation "
            + "group ÷ median of all occupation groups of the network in the period; <1.0 → 0, <1.2 → 1, <1.4 → 2, else 3. "
            + "stockChange: (stock at period end − stock at period start) ÷ max(stock at start, 1); ≤0 → 0, ≤0.10 → 1, ≤0.25 → 2, "
            + "else 3. unfilledShare: closed as EXPIRED or WITHDRAWN ÷ all closed; <0.10 → 0, <0.25 → 1, <0.40 → 2, else 3. "
            + "A bottleneck: score ≥ 2.0 with at least 2 rated indicators. Temporary-work agencies are excluded.";
    static final int MIN_CLOSED = 3;
    static final double BOTTLENECK = 2.0;

    record Indicator(String name, Double value, Double reference, Integer points, String rule) {
    }

    record Score(Double score, boolean bottleneck, List<Indicator> indicators, String formula) {
    }

    private Bottlenecks() {
    }

    /** Group figures of one Kreis × occupation group over the period, and the network's all-occupations median. */
    static Score score(Double groupMedianDays, int closed, int unfilled, int stockStart, int stockEnd, Double allMedianDays) {
        List<Indicator> indicators = new ArrayList<>();
        if (closed >= MIN_CLOSED && groupMedianDays != null && allMedianDays != null && allMedianDays > 0) {
            double ratio = groupMedianDays / allMedianDays;
            indicators.add(new Indicator("vacancyTime", round(ratio), round(allMedianDays), points(ratio, 1.0, 1.2, 1.4, false),
                    "median vacancy days ÷ all-occupations median (reference, days): <1.0 → 0, <1.2 → 1, <1.4 → 2, else 3"));
        } else {
            indicators.add(new Indicator("vacancyTime", null, allMedianDays == null ? null : round(allMedianDays), null,
                    "not rated: fewer than " + MIN_CLOSED + " closed vacancies"));
        }
        double change = (stockEnd - stockStart) / (double) Math.max(stockStart, 1);
        indicators.add(new Indicator("stockChange", round(change), (double) stockStart, points(change, 0.0, 0.10, 0.25, true),
                "(stock at end − stock at start) ÷ max(stock at start, 1), reference = stock at start: ≤0 → 0, ≤0.10 → 1, ≤0.25 → 2, else 3"));
        if (closed >= MIN_CLOSED) {
            double share = unfilled / (double) closed;
            indicators.add(new Indicator("unfilledShare", round(share), (double) closed, points(share, 0.10, 0.25, 0.40, false),
                    "closed EXPIRED/WITHDRAWN ÷ closed (reference = closed): <0.10 → 0, <0.25 → 1, <0.40 → 2, else 3"));
        } else {
            indicators.add(new Indicator("unfilledShare", null, (double) closed, null,
                    "not rated: fewer than " + MIN_CLOSED + " closed vacancies"));
        }
        List<Integer> rated = indicators.stream().map(Indicator::points).filter(Objects::nonNull).toList();
        Double score = rated.isEmpty() ? null : round(rated.stream().mapToInt(Integer::intValue).average().orElseThrow());
        return new Score(score, score != null && rated.size() >= 2 && score >= BOTTLENECK, indicators, FORMULA);
    }

    /** 0–3 by three thresholds; {@code inclusive}: a value equal to a threshold still gets the lower points. */
    static int points(double value, double t1, double t2, double t3, boolean inclusive) {
        if (inclusive ? value <= t1 : value < t1) {
            return 0;
        }
        if (inclusive ? value <= t2 : value < t2) {
            return 1;
        }
        if (inclusive ? value <= t3 : value < t3) {
            return 2;
        }
        return 3;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
