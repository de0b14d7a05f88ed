package de.augenhoehe.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.augenhoehe.chaos.Observed.Applied;
import de.augenhoehe.chaos.Observed.Event;
import de.augenhoehe.chaos.Observed.Row;

class VerdictTest {

    static final LocalDate BASE = LocalDate.of(2026, 12, 6);
    static final String PUBLISHED = "augenhoehe.vacancy.published.v1", UPDATED = "augenhoehe.vacancy.updated.v1",
            CLOSED = "augenhoehe.vacancy.closed.v1";

    /** Sources built to agree with the ledger; each test then breaks one thing. */
    final Ledger ledger = new Ledger();
    final Map<String, Row> database = new HashMap<>();
    final Map<String, List<Event>> topic = new HashMap<>();
    final Map<String, Applied> monitor = new HashMap<>();
    final Map<String, Integer> matching = new HashMap<>();
    final Map<String, Integer> entries = new HashMap<>();

    /** Key K-n, posting P-n, written {@code steps} times, each acknowledged with version = step. */
    void written(int n, int steps) {
        List<Event> events = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            ledger.attempt("K-" + n, Writer.content(BASE, step));
            ledger.acknowledge("K-" + n, "P-" + n, step, Writer.content(BASE, step));
            events.add(new Event("E-" + n + "-" + step, step == 1 ? PUBLISHED : UPDATED, step));
        }
        database.put("K-" + n, new Row("P-" + n, steps, steps));
        topic.put("P-" + n, events);
        monitor.put("P-" + n, new Applied(steps, steps));
        matching.put("P-" + n, steps);
    }

    /** Key K-n, written {@code steps} times, then filled: version steps + 1, a closed event, one VACANCIES_FILLED entry. */
    void filled(int n, int steps) {
        written(n, steps);
        ledger.fillAttempt("K-" + n);
        ledger.fillAcknowledged("K-" + n, steps + 1);
        ranFill(n, steps);
    }

    /** What a fill of K-n does in every source. */
    void ranFill(int n, int steps) {
        database.put("K-" + n, new Row("P-" + n, steps + 1, steps));
        topic.get("P-" + n).add(new Event("E-" + n + "-fill", CLOSED, steps));
        monitor.put("P-" + n, new Applied(steps, steps + 1));
        entries.put("E-" + n + "-fill", 1);
    }

    Verdict.Result verdict() {
        Map<String, Boolean> readable = new HashMap<>();
        Verdict.SOURCES.forEach(s -> readable.put(s, true));
        return Verdict.of(ledger.snapshot(), new Observed(database, topic, monitor, matching, entries, readable));
    }

    @Test
    void everythingAcknowledgedEverywhereHolds() {
        written(1, 3);
        written(2, 1);
        filled(3, 2);
        var result = verdict();
        assertThat(result.holds()).isTrue();
        assertThat(result.requestsAcknowledged()).isEqualTo(7);
        assertThat(result.counts().values()).allSatisfy(c -> assertThat(c.ok()).isEqualTo(3));
    }

    @Test
    void aLostAcknowledgedUpdateCountsInTheDatabaseAndDownstream() {
        written(1, 3);
        database.put("K-1", new Row("P-1", 2, 2)); // the acknowledged step 3 is gone (a crash without durable commits)
        topic.get("P-1").removeLast();
        monitor.put("P-1", new Applied(2, 2));
        var result = verdict();
        assertThat(result.holds()).isFalse();
        assertThat(result.counts().get(Verdict.DATABASE).ok()).isZero();
        assertThat(result.counts().get(Verdict.TOPIC).ok()).isZero();
        assertThat(result.counts().get(Verdict.MONITOR).ok()).isZero();
        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void aMissingPostingIsLost() {
        written(1, 1);
        written(2, 1);
        database.remove("K-2");
        matching.remove("P-2");
        var result = verdict();
        assertThat(result.counts().get(Verdict.DATABASE).ok()).isEqualTo(1);
        assertThat(result.counts().get(Verdict.MATCHING).ok()).isEqualTo(1);
        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventIsNoDuplicateButASecondEventForOneWriteIs() {
        written(1, 2);
        topic.get("P-1").add(topic.get("P-1").getLast()); // the same event id again: at least once
        assertThat(verdict().holds()).isTrue();
        topic.get("P-1").add(new Event("E-other", UPDATED, 2)); // a new event id for the same write
        monitor.put("P-1", new Applied(2, 3));
        var result = verdict();
        assertThat(result.counts().get(Verdict.TOPIC).duplicates()).isEqualTo(1);
        assertThat(result.holds()).isFalse();
    }

    @Test
    void anEffectAppliedTwiceInAReadModelIsADuplicate() {
        written(1, 2);
        monitor.put("P-1", new Applied(2, 3)); // three applied events, two on the topic
        filled(2, 3);
        entries.put("E-2-fill", 2); // the ledger counted the fill twice
        var result = verdict();
        assertThat(result.counts().get(Verdict.MONITOR).duplicates()).isEqualTo(1);
        assertThat(result.counts().get(Verdict.LEDGER).duplicates()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(2);
    }

    @Test
    void anEntryForAPostingNeverFilledIsAWrongEffect() {
        written(1, 2);
        entries.put("E-1-1", 2); // gave for publishing (the rule before #16): two entries of the published event
        var result = verdict();
        assertThat(result.counts().get(Verdict.LEDGER).duplicates()).isEqualTo(2);
        assertThat(result.counts().get(Verdict.LEDGER).ok()).isZero();
        assertThat(result.holds()).isFalse();
    }

    @Test
    void aFilledPostingWithoutItsEntryOrItsClosedEventIsNotThereYet() {
        filled(1, 2);
        filled(2, 2);
        entries.remove("E-1-fill");
        var result = verdict();
        assertThat(result.counts().get(Verdict.LEDGER).ok()).isEqualTo(1);
        assertThat(result.converged()).isFalse();
        topic.get("P-2").removeLast(); // acknowledged as filled, but no closed event (yet)
        assertThat(verdict().counts().get(Verdict.TOPIC).ok()).isEqualTo(1);
    }

    @Test
    void aSecondClosedEventIsADuplicateAndAChangeAfterClosingAViolation() {
        filled(1, 2);
        topic.get("P-1").add(new Event("E-1-fill-again", CLOSED, 2));
        assertThat(verdict().counts().get(Verdict.TOPIC).duplicates()).isEqualTo(1);
        topic.get("P-1").removeLast();
        topic.get("P-1").add(new Event("E-1-late", UPDATED, 3));
        assertThat(verdict().counts().get(Verdict.TOPIC).orderViolations()).isEqualTo(1);
    }

    @Test
    void anOpenFillMayOrMayNotHaveRun() {
        written(1, 2);
        ledger.fillAttempt("K-1"); // sent, never answered
        assertThat(verdict().holds()).isTrue(); // it did not run
        ranFill(1, 2);
        assertThat(verdict().holds()).isTrue(); // it ran: the next version, the closed event, its entry
        database.put("K-1", new Row("P-1", 4, 2));
        assertThat(verdict().counts().get(Verdict.DATABASE).duplicates()).isEqualTo(1); // two versions further: no
    }

    @Test
    void eventsOfOneKeyOutOfOrderAreViolationsAndAnOldStateIsNotTheAcknowledgedOne() {
        written(1, 3);
        List<Event> events = topic.get("P-1");
        events.add(events.remove(1)); // step 2 after step 3
        matching.put("P-1", 2); // the read model applied the stale one last
        var result = verdict();
        assertThat(result.counts().get(Verdict.TOPIC).orderViolations()).isEqualTo(1);
        assertThat(result.counts().get(Verdict.TOPIC).ok()).isZero();
        assertThat(result.counts().get(Verdict.MATCHING).ok()).isZero();
    }

    @Test
    void anOpenAttemptMayOrMayNotHaveBeenApplied() {
        written(1, 2);
        ledger.attempt("K-1", Writer.content(BASE, 3)); // sent, never answered
        assertThat(verdict().holds()).isTrue(); // not applied
        database.put("K-1", new Row("P-1", 3, 3));
        topic.get("P-1").add(new Event("E-1-3", UPDATED, 3));
        monitor.put("P-1", new Applied(3, 3));
        matching.put("P-1", 3);
        var result = verdict(); // applied: nobody was told either way
        assertThat(result.holds()).isTrue();
        assertThat(result.openAttempts()).isEqualTo(1);
    }

    @Test
    void theSameContentUnderAnotherVersionIsASecondEffect() {
        written(1, 2);
        database.put("K-1", new Row("P-1", 3, 2));
        assertThat(verdict().counts().get(Verdict.DATABASE).duplicates()).isEqualTo(1);
    }

    @Test
    void anUnreadableSourceNeverPasses() {
        written(1, 1);
        Map<String, Boolean> readable = new HashMap<>();
        Verdict.SOURCES.forEach(s -> readable.put(s, !s.equals(Verdict.MONITOR)));
        var result = Verdict.of(ledger.snapshot(), new Observed(database, topic, monitor, matching, entries, readable));
        assertThat(result.holds()).isFalse();
    }

    @Test
    void theStepIsReadBackFromValidThrough() {
        assertThat(Writer.stepOf(BASE, LocalDate.parse(Writer.content(BASE, 7).validThrough()))).isEqualTo(7);
    }
}
