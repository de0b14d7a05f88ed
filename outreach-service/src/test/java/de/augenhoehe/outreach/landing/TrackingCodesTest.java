package de.augenhoehe.outreach.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void codes_are_eight_crockford_characters_without_ambiguous_letters_and_spread_over_the_alphabet() {
        var codes = new TrackingCodes(null);
        Set<String> seen = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.random();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{8}");
            seen.add(code);
            code.chars().forEach(c -> used.add((char) c));
        }
        assertThat(seen).hasSize(10_000);
        assertThat(used).hasSize(32);
    }
}
