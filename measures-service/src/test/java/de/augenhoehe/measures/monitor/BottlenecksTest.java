package de.augenhoehe.measures.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The score's thresholds and its rules for what is not rated. */
class BottlenecksTest {

    @Test
    void points_follow_the_documented_thresholds() {
        assertThat(Bottlenecks.points(0.99, 1.0, 1.2, 1.4, false)).isZero();
        assertThat(Bottlenecks.points(1.0, 1.0, 1.2, 1.4, false)).isEqualTo(1);
        assertThat(Bottlenecks.points(1.39, 1.0, 1.2, 1.4, false)).isEqualTo(2);
        assertThat(Bottlenecks.points(1.4, 1.0, 1.2, 1.4, false)).isEqualTo(3);
        assertThat(Bottlenecks.points(0.0, 0.0, 0.10, 0.25, true)).isZero();
        assertThat(Bottlenecks.points(0.10, 0.0, 0.10, 0.25, true)).isEqualTo(1);
        assertThat(Bottlenecks.points(0.26, 0.0, 0.10, 0.25, true)).isEqualTo(3);
    }

    @Test
    void too_few_closed_vacancies_leave_indicators_unrated_and_one_indicator_is_no_bottleneck() {
        var score = Bottlenecks.score(200.0, 2, 2, 0, 10, 20.0);
        assertThat(score.indicators()).extracting(Bottlenecks.Indicator::points).containsExactly(null, 3, null);
        assertThat(score.score()).isEqualTo(3.0);
        assertThat(score.bottleneck()).isFalse(); // a single indicator is not enough evidence
        var rated = Bottlenecks.score(30.0, 5, 1, 10, 11, 25.0); // ratio 1.2 → 2, change 0.1 → 1, unfilled 0.2 → 1
        assertThat(rated.indicators()).extracting(Bottlenecks.Indicator::points).containsExactly(2, 1, 1);
        assertThat(rated.score()).isEqualTo(1.33);
        assertThat(rated.bottleneck()).isFalse();
        assertThat(rated.formula()).isEqualTo(Bottlenecks.FORMULA);
    }

    @Test
    void median_of_odd_and_even_counts() {
        assertThat(Bottlenecks.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Bottlenecks.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
