package de.augenhoehe.partner.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Why a coordinator suspends or ends a membership: plain text for the network's office and the partner's own people,
 * kept in the membership's history (never in an event). Blank is no reason.
 */
record StepReason(
        @Schema(description = "Plain text, at most 500 characters", maxLength = 500, example = "Beitrag für 2026 trotz Mahnung offen")
        @Size(max = 500, message = "at most 500 characters") @Pattern(regexp = "[^<>]*", message = "plain text without < or >") String reason) {

    String text() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
