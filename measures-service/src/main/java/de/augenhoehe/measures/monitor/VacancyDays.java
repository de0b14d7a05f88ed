package de.augenhoehe.measures.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Vacancy times (published → closed) of closed postings as a histogram at a resolution of a tenth of a day: counts
 * per bucket, bucket = the time in tenths of a day rounded to the nearest (half up). A median read from it differs
 * from the median of the exact times by at most half a bucket (0.05 days): rounding every value by at most that moves
 * the median by at most that. It is what {@code monitor_month.days} keeps per Kreis × group × type × month, as the
 * text of a PostgreSQL {@code int[]} of (bucket, count) pairs in bucket order — so the monitor merges a month's
 * histograms instead of reading every posting. Immutable.
 */
final class VacancyDays {

    static final int PER_DAY = 10;
    static final VacancyDays NONE = new VacancyDays(new int[0], new int[0]);

    private final int[] buckets;
    private final int[] counts;

    private VacancyDays(int[] buckets, int[] counts) {
        this.buckets = buckets;
        this.counts = counts;
    }

    /** The bucket of one vacancy time, from whole minutes as the exact figure took them (see the migration V7). */
    static int bucket(Instant published, Instant closed) {
        long minutes = Duration.between(published, closed).toMinutes();
        return (int) Math.floor(minutes / (1440.0 / PER_DAY) + 0.5);
    }

    static VacancyDays of(int bucket, int count) {
        return count == 0 ? NONE : new VacancyDays(new int[] {bucket}, new int[] {count});
    }

    /** From the text of the {@code int[]} column, e.g. {@code {900,3,905,1}}; null or {@code {}} is none. */
    static VacancyDays parse(String text) {
        if (text == null || text.length() <= 2) {
            return NONE;
        }
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == ',' ? 1 : 0;
        }
        int[] b = new int[n / 2];
        int[] c = new int[n / 2];
        int value = 0, index = 0;
        boolean negative = false;
        for (int i = 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '-') {
                negative = true;
            } else if (ch >= '0' && ch <= '9') {
                value = value * 10 + (ch - '0');
            } else {
                (index % 2 == 0 ? b : c)[index / 2] = negative ? -value : value;
                index++;
                value = 0;
                negative = false;
            }
        }
        return new VacancyDays(b, c);
    }

    String text() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < buckets.length; i++) {
            s.append(i == 0 ? "" : ",").append(buckets[i]).append(',').append(counts[i]);
        }
        return s.append('}').toString();
    }

    boolean isEmpty() {
        return buckets.length == 0;
    }

    /** Both histograms summed (a count may be negative: a delta); buckets whose count becomes 0 drop out. */
    VacancyDays plus(VacancyDays other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int[] b = new int[buckets.length + other.buckets.length];
        int[] c = new int[b.length];
        int i = 0, j = 0, n = 0;
        while (i < buckets.length || j < other.buckets.length) {
            int bucket;
            int count;
            if (j == other.buckets.length || i < buckets.length && buckets[i] < other.buckets[j]) {
                bucket = buckets[i];
                count = counts[i++];
            } else if (i == buckets.length || other.buckets[j] < buckets[i]) {
                bucket = other.buckets[j];
                count = other.counts[j++];
            } else {
                bucket = buckets[i];
                count = counts[i++] + other.counts[j++];
            }
            if (count != 0) {
                b[n] = bucket;
                c[n++] = count;
            }
        }
        return new VacancyDays(Arrays.copyOf(b, n), Arrays.copyOf(c, n));
    }

    VacancyDays negated() {
        return new VacancyDays(buckets, Arrays.stream(counts).map(c -> -c).toArray());
    }

    int total() {
        return Arrays.stream(counts).sum();
    }

    /** The median in days (the mean of the two middle values for an even count), as {@link Bottlenecks#median}; null when empty. */
    Double median() {
        int n = total();
        if (n == 0) {
            return null;
        }
        double lower = value((n - 1) / 2);
        return n % 2 == 1 ? lower : (lower + value(n / 2)) / 2;
    }

    /** The value of the k-th smallest time (0-based), in days. */
    private double value(int k) {
        int seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += counts[i];
            if (k < seen) {
                return buckets[i] / (double) PER_DAY;
            }
        }
        throw new IllegalStateException("rank " + k + " beyond " + seen);
    }
}
