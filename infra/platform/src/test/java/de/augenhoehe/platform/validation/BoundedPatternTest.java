package de.augenhoehe.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BoundedPatternTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final String MEGABYTE = "a".repeat(1024 * 1024);

    /** Exponential on a run of a's without a b: it never finishes on a megabyte, or even on 40 characters. */
    record Catastrophic(@BoundedPattern(regexp = "(a+)+b", max = 20) String value) {
    }

    record Codes(List<@BoundedPattern(regexp = "[0-9]{5}", max = 5) String> postalCodes) {
    }

    record Mail(@BoundedPattern(regexp = BoundedPattern.EMAIL, max = 254) String email) {
    }

    /** The expression alone, without the length check: it must be linear by itself. */
    record UnboundedMail(@BoundedPattern(regexp = BoundedPattern.EMAIL, max = Integer.MAX_VALUE) String email) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void the_length_is_checked_before_the_expression_runs() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(VALIDATOR.validate(new Catastrophic(MEGABYTE))).hasSize(1);
            assertThat(VALIDATOR.validate(new Catastrophic("a".repeat(40) + "!"))).hasSize(1);
        });
        assertThat(VALIDATOR.validate(new Catastrophic("aaab"))).isEmpty();
        assertThat(VALIDATOR.validate(new Catastrophic(null))).isEmpty();
    }

    @Test
    void elements_of_a_list_are_checked_each_and_the_message_names_both_rules() {
        var violations = VALIDATOR.validate(new Codes(List.of("74072", "7407", "740721", MEGABYTE)));
        assertThat(violations).hasSize(3);
        assertThat(violations.iterator().next().getMessage()).isEqualTo("must match \"[0-9]{5}\" and be at most 5 characters long");
        assertThat(VALIDATOR.validate(new Codes(List.of("74072", "49716")))).isEmpty();
    }

    @Test
    void the_e_mail_expression_accepts_what_the_old_one_accepted() {
        for (String ok : List.of("a@b.c", "m.mustermann@example.org", "x+tag@mail.example.de", "a@..b", "a@b..", "ä@ü.de")) {
            assertThat(VALIDATOR.validate(new Mail(ok))).as(ok).isEmpty();
            assertThat(ok).matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        }
        for (String bad : List.of("a@b", "a@b.", "a@.b", "@b.c", "a b@c.de", "a@b c.de", "a@b@c.de", "a@bc.de ", "a".repeat(250) + "@b.de")) {
            assertThat(VALIDATOR.validate(new Mail(bad))).as(bad).hasSize(1);
        }
    }

    @Test
    void the_e_mail_expression_is_linear_on_the_input_that_took_77_seconds() {
        String dots = "a@" + ".".repeat(1024 * 1024) + " ";
        String labels = "a@" + "a.".repeat(512 * 1024) + " ";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(VALIDATOR.validate(new UnboundedMail(dots))).hasSize(1);
            assertThat(VALIDATOR.validate(new UnboundedMail(labels))).hasSize(1);
            assertThat(VALIDATOR.validate(new UnboundedMail("a".repeat(1024 * 1024) + "@"))).hasSize(1);
        });
    }
}
