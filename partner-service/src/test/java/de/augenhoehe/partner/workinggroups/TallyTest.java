package de.augenhoehe.partner.workinggroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Quorum and majority: the arithmetic of a closed vote. */
class TallyTest {

    static final Quorum HALF = new Quorum(Quorum.Kind.FRACTION, new BigDecimal("0.5"));
    static final Quorum THREE = new Quorum(Quorum.Kind.COUNT, new BigDecimal("3"));

    @Test
    void a_fraction_quorum_rounds_up_and_counts_abstentions() {
        assertThat(HALF.required(5)).isEqualTo(3);
        assertThat(HALF.required(4)).isEqualTo(2);
        assertThat(HALF.required(0)).isEqualTo(1);
        assertThat(Tally.of(5, 1, 0, 1, HALF, Majority.SIMPLE).result()).isEqualTo(Tally.Result.NO_QUORUM);
        assertThat(Tally.of(5, 1, 0, 2, HALF, Majority.SIMPLE).result()).isEqualTo(Tally.Result.ADOPTED);
    }

    @Test
    void a_count_quorum_is_a_number_of_partners() {
        assertThat(Tally.of(10, 2, 0, 0, THREE, Majority.SIMPLE).quorumMet()).isFalse();
        assertThat(Tally.of(10, 2, 1, 0, THREE, Majority.SIMPLE).quorumMet()).isTrue();
        assertThat(Tally.of(0, 0, 0, 0, HALF, Majority.SIMPLE).result()).isEqualTo(Tally.Result.NO_QUORUM);
    }

    @Test
    void majorities_count_yes_against_no_only() {
        assertThat(Majority.SIMPLE.reached(2, 2)).isFalse();
        assertThat(Majority.SIMPLE.reached(3, 2)).isTrue();
        assertThat(Majority.TWO_THIRDS.reached(2, 1)).isTrue();
        assertThat(Majority.TWO_THIRDS.reached(3, 2)).isFalse();
        assertThat(Majority.TWO_THIRDS.reached(0, 0)).isFalse();
        assertThat(Majority.UNANIMOUS.reached(4, 0)).isTrue();
        assertThat(Majority.UNANIMOUS.reached(4, 1)).isFalse();
        assertThat(Majority.UNANIMOUS.reached(0, 0)).isFalse();
        assertThat(Tally.of(4, 2, 1, 1, HALF, Majority.UNANIMOUS).result()).isEqualTo(Tally.Result.REJECTED);
    }

    @Test
    void a_quorum_value_must_fit_its_kind() {
        assertThat(HALF.wellFormed()).isTrue();
        assertThat(new Quorum(Quorum.Kind.FRACTION, new BigDecimal("1.5")).wellFormed()).isFalse();
        assertThat(new Quorum(Quorum.Kind.FRACTION, new BigDecimal("0.3333")).wellFormed()).isFalse();
        assertThat(new Quorum(Quorum.Kind.FRACTION, new BigDecimal("0.5000")).wellFormed()).isTrue();
        assertThat(THREE.wellFormed()).isTrue();
        assertThat(new Quorum(Quorum.Kind.COUNT, new BigDecimal("2.5")).wellFormed()).isFalse();
        assertThat(new Quorum(Quorum.Kind.COUNT, new BigDecimal("2.0")).wellFormed()).isTrue();
    }
}
