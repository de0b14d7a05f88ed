package de.augenhoehe.partner.workinggroups;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How many member partners must take part (vote, abstentions included) for a decision to count: a FRACTION of the
 * eligible member partners (0 < value ≤ 1, rounded up) or a fixed COUNT of partners.
 */
record Quorum(@NotNull @Schema(example = "FRACTION") Kind kind,
        @NotNull @Positive @DecimalMax("999") @Schema(example = "0.5") BigDecimal value) {

    enum Kind {
        FRACTION, COUNT
    }

    /** Whether the value fits the kind: a fraction at most 1, a count a whole number. */
    boolean wellFormed() {
        return kind == Kind.FRACTION ? value.compareTo(BigDecimal.ONE) <= 0 && value.stripTrailingZeros().scale() <= 3
                : value.stripTrailingZeros().scale() <= 0;
    }

    /** The number of participating partners needed when {@code eligible} partners may vote. */
    int required(int eligible) {
        if (kind == Kind.COUNT) {
            return value.intValue();
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(eligible)).setScale(0, RoundingMode.CEILING).intValue());
    }
}
