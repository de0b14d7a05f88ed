package de.augenhoehe.chaos;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every write the platform acknowledged (2xx), per external id: the last acknowledged state wins, as it must everywhere
 * downstream. A write sent but not acknowledged (time-out, 5xx, connection reset) may or may not have been applied: it
 * is kept as the key's open attempt, and a source that holds that content instead of the acknowledged one is not
 * counted as lost (nobody was told either way). One key is written by one thread at a time (per-key order). Some keys
 * end filled ({@code POST …/fill}): only a filled posting gives in the partner ledger (#16), so the fills are what
 * the ledger's exactly-once is judged on; a fill sent but not acknowledged is open like a write.
 */
final class Ledger {

    /** The content a write carried: {@code step} counts the writes of one key (1 = created), nothing else changes. */
    record Content(int step, int openings, String validThrough) {
    }

    /** The last acknowledged write of one external id, with the posting id and ETag version the service answered. */
    record Ack(String externalId, String postingId, long version, Content content, int acknowledgements) {
    }

    private final Map<String, Ack> acks = new ConcurrentHashMap<>();
    private final Map<String, Content> open = new ConcurrentHashMap<>();
    private final Set<String> filled = ConcurrentHashMap.newKeySet();
    private final Set<String> fillsOpen = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    void attempt(String externalId, Content content) {
        open.put(externalId, content);
    }

    void failed() {
        failedAttempts.incrementAndGet();
    }

    void acknowledge(String externalId, String postingId, long version, Content content) {
        acks.merge(externalId, new Ack(externalId, postingId, version, content, 1),
                (old, now) -> new Ack(externalId, postingId, version, content, old.acknowledgements() + 1));
        open.remove(externalId);
        acknowledged.incrementAndGet();
    }

    void fillAttempt(String externalId) {
        fillsOpen.add(externalId);
    }

    /** The fill was acknowledged: the content stays, the version is the one the fill answered. */
    void fillAcknowledged(String externalId, long version) {
        acks.computeIfPresent(externalId,
                (k, old) -> new Ack(k, old.postingId(), version, old.content(), old.acknowledgements() + 1));
        filled.add(externalId);
        fillsOpen.remove(externalId);
        acknowledged.incrementAndGet();
    }

    /** A consistent picture while the writers are paused (or a moving one while they run: only for progress output). */
    Snapshot snapshot() {
        return new Snapshot(new TreeMap<>(acks), new TreeMap<>(open), new TreeSet<>(filled), new TreeSet<>(fillsOpen),
                acknowledged.get(), failedAttempts.get());
    }

    record Snapshot(Map<String, Ack> acks, Map<String, Content> open, Set<String> filled, Set<String> fillsOpen,
            long requestsAcknowledged, long failedAttempts) {

        /** The version a database row may have: the acknowledged one, or the next when a fill is open (it may have run). */
        boolean acceptableVersion(String externalId, long version) {
            Ack ack = acks.get(externalId);
            return ack != null && (ack.version() == version || fillsOpen.contains(externalId) && ack.version() + 1 == version);
        }

        /** The content a source may hold for a key: the acknowledged one, or an open attempt after it. */
        boolean acceptable(String externalId, int step) {
            Ack ack = acks.get(externalId);
            Content attempt = open.get(externalId);
            return ack != null && ack.content().step() == step || attempt != null && attempt.step() == step;
        }
    }
}
