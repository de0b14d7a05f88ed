package de.augenhoehe.chaos;

import java.util.ArrayList;
import java.util.List;

import de.augenhoehe.chaos.Verdict.Count;

/**
 * The table the suite prints: one row per fault. "acked" counts acknowledged requests (keys in brackets); each source
 * column shows how many keys hold their last acknowledged state; "dup" and "order" the ones that appeared during
 * this fault (all sources, all keys). A row passes when nothing is lost, duplicated or out
 * of order, everything converged within {@link #CONVERGENCE_TARGET_SECONDS} s, the poison (if any) is dead-lettered by
 * every consumer group, and the fault's alert rule saw it.
 */
final class Report {

    static final int CONVERGENCE_TARGET_SECONDS = 60;

    /**
     * @param convergedSeconds seconds from the fault's end until every source held, or -1 if they never did
     * @param alert            what the fault's alert rule(s) made of it
     * @param alertSeen        whether the condition of the fault's rule became true
     * @param deadLetters      "-" when the fault injected no poison, else what ended in the DLT
     * @param deadLettersOk    all poison dead-lettered by every group
     */
    record Row(String fault, Verdict.Result result, double convergedSeconds, String alert, boolean alertSeen,
            String deadLetters, boolean deadLettersOk, int newDuplicates, int newOrderViolations) {

        /** Duplicates and order violations count in the row of the fault during which they appeared. */
        Row(String fault, Verdict.Result result, Verdict.Result before, double convergedSeconds, String alert,
                boolean alertSeen, String deadLetters, boolean deadLettersOk) {
            this(fault, result, convergedSeconds, alert, alertSeen, deadLetters, deadLettersOk,
                    result.duplicates() - (before == null ? 0 : before.duplicates()),
                    result.orderViolations() - (before == null ? 0 : before.orderViolations()));
        }

        boolean passes() {
            return result.converged() && convergedSeconds >= 0 && convergedSeconds <= CONVERGENCE_TARGET_SECONDS
                    && newDuplicates == 0 && newOrderViolations == 0 && alertSeen && deadLettersOk;
        }
    }

    private Report() {
    }

    static String table(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"fault", "acked (keys)", "in db", "on topic", "monitor", "matching", "ledger", "dup", "order",
            "converged", "DLT", "alert", "verdict"});
        for (Row r : rows) {
            var c = r.result().counts();
            cells.add(new String[] {r.fault(),
                r.result().requestsAcknowledged() + " (" + c.get(Verdict.DATABASE).acknowledged() + ")",
                cell(c.get(Verdict.DATABASE)), cell(c.get(Verdict.TOPIC)), cell(c.get(Verdict.MONITOR)),
                cell(c.get(Verdict.MATCHING)), cell(c.get(Verdict.LEDGER)),
                String.valueOf(r.newDuplicates()), String.valueOf(r.newOrderViolations()),
                r.convergedSeconds() < 0 ? "no" : String.format("%.1f s", r.convergedSeconds()), r.deadLetters(),
                r.alert(), r.passes() ? "ok" : "FAILED"});
        }
        int[] width = new int[cells.getFirst().length];
        cells.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            out.append('|');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(row[i]).append(" ".repeat(width[i] - row[i].length())).append(" |");
            }
            out.append('\n');
            if (row == cells.getFirst()) {
                out.append('|');
                for (int w : width) {
                    out.append("-".repeat(w + 2)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** "n" when every key holds; "ok/acknowledged" otherwise; "?" when the source could not be read. */
    private static String cell(Count c) {
        if (!c.readable()) {
            return "? (unreadable)";
        }
        return c.ok() == c.acknowledged() ? String.valueOf(c.ok()) : c.ok() + "/" + c.acknowledged();
    }
}
