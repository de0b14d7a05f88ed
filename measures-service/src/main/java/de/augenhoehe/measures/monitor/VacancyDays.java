package de.augenhoehe.measures.monitor;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Vacancy times (published → closed) of closed postings as a histogram at a resolution of a tenth of a day: counts
 * per bucket, bucket = the time in tenths of a day rounded to the nearest (half up). A median read from it differs
 * from the median of the exact times by at most half a bucket (0.05 days): rounding every value by at most that moves
 * the median by at most that. It is what {@code monitor_month.days} keeps per Kreis × group × type × month: (bucket,
 * count) pairs in bucket order as bytes — so the monitor merges a month's histograms instead of reading every posting.
 * Immutable.
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

    /** From the bytes of the column: (bucket, count) pairs, each number 4 bytes big-endian; null or none is none. */
    static VacancyDays parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return NONE;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int[] b = new int[bytes.length / 8];
        int[] c = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = in.getInt();
            c[i] = in.getInt();
        }
        return new VacancyDays(b, c);
    }

    byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(buckets.length * 8);
        for (int i = 0; i < buckets.length; i++) {
            out.putInt(buckets[i]).putInt(counts[i]);
        }
        return out.array();
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

    /** The median in days (the mean of the two middle values for an even count), as {@link Bottlenecks#median}; null when empty. */
    Double median() {
        Tally one = new Tally();
        one.add(this);
        return one.median();
    }

    /**
     * Many histograms summed — a cell's months, a network's cells — into counts per bucket indexed directly: merging
     * sorted pairs again and again cost most of a year's bottleneck score (measured with JFR).
     */
    static final class Tally {

        private int offset;
        private int[] counts = new int[0];

        void add(VacancyDays days) {
            if (days.isEmpty()) {
                return;
            }
            int low = days.buckets[0];
            int high = days.buckets[days.buckets.length - 1];
            if (counts.length == 0) {
                offset = low;
                counts = new int[high - low + 1];
            } else if (low < offset || high >= offset + counts.length) {
                int newOffset = Math.min(offset, low);
                int[] grown = new int[Math.max(offset + counts.length, high + 1) - newOffset];
                System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
                offset = newOffset;
                counts = grown;
            }
            for (int i = 0; i < days.buckets.length; i++) {
                counts[days.buckets[i] - offset] += days.counts[i];
            }
        }

        /** The median of all added, in days; null when none. */
        Double median() {
            long n = 0;
            for (int c : counts) {
                n += c;
            }
            if (n == 0) {
                return null;
            }
            double lower = value((n - 1) / 2);
            return n % 2 == 1 ? lower : (lower + value(n / 2)) / 2;
        }

        private double value(long k) {
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (k < seen) {
                    return (offset + i) / (double) PER_DAY;
                }
            }
            throw new IllegalStateException("rank " + k + " beyond " + seen);
        }
    }
}
