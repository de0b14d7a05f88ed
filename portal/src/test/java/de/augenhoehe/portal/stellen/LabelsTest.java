package de.augenhoehe.portal.stellen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void counts_have_german_thousands_and_a_plus_when_they_are_lower_bounds() {
        assertThat(Labels.count(3, false)).isEqualTo("3");
        assertThat(Labels.count(12_345, false)).isEqualTo("12.345");
        assertThat(Labels.count(1_000, true)).as("a wide search counted over a sample").isEqualTo("1.000+");
        assertThat(Labels.count(312, true)).isEqualTo("312+");
    }
}
