package de.augenhoehe.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.augenhoehe.chaos.Verdict.Count;

class ReportTest {

    static Verdict.Result result(int ok, int order) {
        Map<String, Count> counts = new LinkedHashMap<>();
        Verdict.SOURCES.forEach(s -> counts.put(s, new Count(s, 10, ok, 0, s.equals(Verdict.TOPIC) ? order : 0, true)));
        return new Verdict.Result(20, 0, counts);
    }

    @Test
    void anOrderViolationFailsTheRowOfItsFaultOnly() {
        var first = new Report.Row("kafka SIGKILL", result(10, 3), null, 30, "BrokerUnreachable: fires", true, "-", true);
        var second = new Report.Row("gateway SIGKILL", result(10, 3), first.result(), 1, "InstanceDown: seen", true, "-", true);
        assertThat(first.newOrderViolations()).isEqualTo(3);
        assertThat(first.passes()).isFalse();
        assertThat(second.newOrderViolations()).isZero();
        assertThat(second.passes()).isTrue();
        assertThat(Report.table(List.of(first, second))).contains("| 3     |").contains("FAILED").contains("| ok      |");
    }

    @Test
    void aRowPassesOnlyConvergedInTimeWithItsAlertSeenAndThePoisonDeadLettered() {
        assertThat(new Report.Row("f", result(10, 0), null, 60, "a", true, "-", true).passes()).isTrue();
        assertThat(new Report.Row("f", result(10, 0), null, 61, "a", true, "-", true).passes()).isFalse();
        assertThat(new Report.Row("f", result(9, 0), null, -1, "a", true, "-", true).passes()).isFalse();
        assertThat(new Report.Row("f", result(10, 0), null, 5, "a", false, "-", true).passes()).isFalse();
        assertThat(new Report.Row("f", result(10, 0), null, 5, "a", true, "4/6", false).passes()).isFalse();
    }
}
