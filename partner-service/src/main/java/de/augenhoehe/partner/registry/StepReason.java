package de.augenhoehe.partner.registry;

import io.swagger.v3.oas.annotations.media.Schema;

import de.augenhoehe.platform.validation.BoundedPattern;

/**
 * Why a coordinator suspends or ends a membership: plain text for the network's office and the partner's own people,
 * kept in the membership's history (never in an event). Blank is no reason.
 */
record StepReason(
        @Schema(description = "Plain text, at most 500 characters", maxLength = 500, example = "Beitrag für 2026 trotz Mahnung offen")
        @BoundedPattern(regexp = "[^<>]*", max = 500, message = "plain text without < or >, at most 500 characters") String reason) {

    String text() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
