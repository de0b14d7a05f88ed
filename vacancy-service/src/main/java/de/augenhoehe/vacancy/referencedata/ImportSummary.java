package de.augenhoehe.vacancy.referencedata;

import java.util.List;
import java.util.Map;

/**
 * What one import of one file did. {@code rowsRead} counts the data records of the file (header and blank lines not
 * included) and equals {@code inserted + updated + unchanged + skipped}.
 *
 * @param skippedReasons count per reason of skipping
 * @param skippedExamples the first skipped rows with line and reason (at most {@value #MAX_EXAMPLES})
 * @param notes what was imported but is worth knowing (e.g. a postal code without a Kreis)
 */
public record ImportSummary(String dataset, String source, int rowsRead, int inserted, int updated, int unchanged,
        int skipped, Map<String, Integer> skippedReasons, List<String> skippedExamples, List<String> notes, long durationMillis) {

    static final int MAX_EXAMPLES = 20;

    @Override
    public String toString() {
        return "%s import of %s: %d rows read, %d inserted, %d updated, %d unchanged, %d skipped %s in %d ms%s".formatted(
                dataset, source, rowsRead, inserted, updated, unchanged, skipped, skippedReasons, durationMillis,
                notes.isEmpty() ? "" : "; notes: " + notes);
    }
}
