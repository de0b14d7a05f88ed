package de.augenhoehe.outreach.returnees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The name rule, code point by code point: what a name may hold, and that a long input is refused unread. */
class PersonNameTest {

    final PersonName.Check check = new PersonName.Check();

    @Test
    void names_of_many_scripts_pass_links_digits_and_markup_do_not() {
        for (String name : List.of("Anna", "Zoë", "Jean-Luc", "O'Brien", "D’Angelo", "Hans J. Müller", "Ñúñez", "Łukasz",
                "Ἀλέξανδρος", "Zoe\u0308", "van der Berg", "Marie-Ève St.-Pierre", "李")) {
            assertThat(check.isValid(name, null)).as(name).isTrue();
        }
        for (String name : List.of("", " ", "-", "'.'", "12345", "Jo 3", "www.example.org", "example.org", "J.R.",
                "https://x", "a@b", "Anna/Bert", "Tel:0170", "Anna\nBert", "Anna\tBert", "<b>", "Gewinn!", "\u0308Anna",
                ".Anna", "a".repeat(PersonName.MAX_LENGTH + 1))) {
            assertThat(check.isValid(name, null)).as(name).isFalse();
        }
        assertThat(check.isValid(null, null)).as("null is @NotBlank's business").isTrue();
    }
}
