package de.augenhoehe.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registrations' targets: none lost, none twice, never more confirmed places than the capacity. */
class RegistrationsTest {

    @Test
    void every_acknowledged_registration_kept_once_within_capacity_passes() {
        assertThat(new Registrations.Count(30, 30, 0, 0, 12, 12, 40, 1).ok()).isTrue();
    }

    @Test
    void a_lost_or_doubled_registration_or_a_place_beyond_capacity_fails() {
        assertThat(new Registrations.Count(30, 29, 1, 0, 12, 12, 40, 0).ok()).as("lost").isFalse();
        assertThat(new Registrations.Count(30, 30, 0, 1, 12, 12, 40, 0).ok()).as("duplicate").isFalse();
        assertThat(new Registrations.Count(30, 30, 0, 0, 13, 12, 40, 0).ok()).as("beyond capacity").isFalse();
    }
}
