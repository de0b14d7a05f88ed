package de.augenhoehe.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.augenhoehe.chaos.Ledger.Ack;
import de.augenhoehe.chaos.Ledger.Snapshot;
import de.augenhoehe.chaos.Observed.Event;

/**
 * Counts every acknowledged write against every source. Per source: how many keys hold the last acknowledged state
 * ({@code ok}; the rest are lost or not there yet), duplicate effects, and per-key order violations. Pure: the suite
 * calls it until everything holds or the convergence time is over.
 */
final class Verdict {

    static final String DATABASE = "vacancy db";
    static final String TOPIC = "vacancy-events";
    static final String MONITOR = "measures monitor";
    static final String MATCHING = "outreach matching";
    static final String LEDGER = "partner ledger";
    static final List<String> SOURCES = List.of(DATABASE, TOPIC, MONITOR, MATCHING, LEDGER);

    record Count(String source, int acknowledged, int ok, int duplicates, int orderViolations, boolean readable) {

        boolean holds() {
            return readable && ok == acknowledged && duplicates == 0 && orderViolations == 0;
        }
    }

    record Result(long requestsAcknowledged, long openAttempts, Map<String, Count> counts) {

        boolean holds() {
            return counts.values().stream().allMatch(Count::holds);
        }

        /** Every source holds every key's last acknowledged state (duplicates and order are judged apart). */
        boolean converged() {
            return counts.values().stream().allMatch(c -> c.readable() && c.ok() == c.acknowledged());
        }

        int lost() {
            return counts.values().stream().mapToInt(c -> c.acknowledged() - c.ok()).max().orElse(0);
        }

        int duplicates() {
            return counts.values().stream().mapToInt(Count::duplicates).sum();
        }

        int orderViolations() {
            return counts.values().stream().mapToInt(Count::orderViolations).sum();
        }
    }

    private Verdict() {
    }

    static Result of(Snapshot ledger, Observed seen) {
        Map<String, int[]> tally = new LinkedHashMap<>(); // ok, duplicates, order
        SOURCES.forEach(s -> tally.put(s, new int[3]));
        for (Ack ack : ledger.acks().values()) {
            String key = ack.externalId();
            database(ledger, ack, seen, tally.get(DATABASE));
            List<Event> events = distinct(seen.topic().getOrDefault(ack.postingId(), List.of()));
            topic(ledger, key, events, tally.get(TOPIC));
            Observed.Applied applied = seen.monitor().get(ack.postingId());
            if (applied != null) {
                int[] t = tally.get(MONITOR);
                if (ledger.acceptable(key, applied.step())) {
                    t[0]++;
                }
                // each distinct event is applied once: a higher count is an effect applied twice
                t[1] += Math.max(0, applied.events() - events.size());
            }
            Integer matched = seen.matching().get(ack.postingId());
            if (matched != null && ledger.acceptable(key, matched)) {
                tally.get(MATCHING)[0]++;
            }
            ledger(ledger, key, events, seen.ledger(), tally.get(LEDGER));
        }
        Map<String, Count> counts = new LinkedHashMap<>();
        int acknowledged = ledger.acks().size();
        tally.forEach((source, t) -> counts.put(source,
                new Count(source, acknowledged, t[0], t[1], t[2], seen.readable().getOrDefault(source, false))));
        return new Result(ledger.requestsAcknowledged(), ledger.open().size(), counts);
    }

    private static void database(Snapshot ledger, Ack ack, Observed seen, int[] t) {
        Observed.Row row = seen.database().get(ack.externalId());
        if (row == null) {
            return;
        }
        if (!row.postingId().equals(ack.postingId())) {
            t[1]++; // another posting under the acknowledged external id
        } else if (row.step() == ack.content().step() && !ledger.acceptableVersion(ack.externalId(), row.version())) {
            t[1]++; // the same content written again: a second effect of one write
        } else if (ledger.acceptable(ack.externalId(), row.step())) {
            t[0]++;
        } else if (row.step() > ack.content().step()) {
            t[2]++; // newer than anything sent last: cannot be, counted as an order violation
        }
    }

    /**
     * One key's events in offset order: the step only grows, the last content event is the acknowledged one; a filled
     * key ends with exactly one closed event (it carries the last step again), an unfilled key has none.
     */
    private static void topic(Snapshot ledger, String key, List<Event> events, int[] t) {
        List<Event> content = events.stream().filter(e -> !closed(e)).toList();
        for (int i = 1; i < content.size(); i++) {
            int before = content.get(i - 1).step(), now = content.get(i).step();
            if (now == before) {
                t[1]++; // one write, two events
            } else if (now < before) {
                t[2]++;
            }
        }
        long closings = events.stream().filter(Verdict::closed).count();
        t[1] += (int) Math.max(0, closings - 1); // one fill, two closed events
        if (closings > 0 && !closed(events.getLast())) {
            t[2]++; // a change after the posting was closed
        }
        boolean closingAsExpected = ledger.filled().contains(key) ? closings > 0
                : ledger.fillsOpen().contains(key) || closings == 0;
        if (!content.isEmpty() && closingAsExpected && ledger.acceptable(key, content.getLast().step())) {
            t[0]++;
        }
    }

    /**
     * The partner ledger gives for a posting only when it is filled (#16): exactly one VACANCIES_FILLED entry from
     * the closed event of a filled key, no entry from any other event (an entry without a fill is a wrong effect,
     * counted with the duplicates). {@code entries}: per event id, for closed events their VACANCIES_FILLED entries,
     * for the others all their entries (see {@link Observer}).
     */
    private static void ledger(Snapshot ledger, String key, List<Event> events, Map<String, Integer> entries, int[] t) {
        int fills = 0, others = 0;
        for (Event e : events) {
            int n = entries.getOrDefault(e.eventId(), 0);
            if (closed(e)) {
                fills += n;
            } else {
                others += n;
            }
        }
        t[1] += others + Math.max(0, fills - 1);
        boolean ok = ledger.filled().contains(key) ? fills == 1 : fills == 0 || ledger.fillsOpen().contains(key);
        if (ok && others == 0) {
            t[0]++;
        }
    }

    static boolean closed(Event e) {
        return e.type().endsWith(".closed.v1");
    }

    /** Redeliveries (the same event id again: at least once) are not effects; the first delivery counts. */
    static List<Event> distinct(List<Event> events) {
        List<Event> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Event e : events) {
            if (seen.add(e.eventId())) {
                out.add(e);
            }
        }
        return out;
    }
}
