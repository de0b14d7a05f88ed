package de.augenhoehe.partner.integrationclients;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** An HR system's client as its administrators see it: never a secret or its hash. */
record IntegrationClient(
        @Schema(example = "hr-3f9a1c0b7d2e4f6a8b90") String clientId,
        UUID partnerId,
        @Schema(example = "Personio Produktion") String name,
        @Schema(description = "ACTIVE or REVOKED") String status,
        Instant issuedAt,
        @Schema(description = "when the secret was last rotated, null if never") Instant rotatedAt,
        @Schema(description = "until when the secret before the last rotation is still accepted, null if not") Instant previousSecretValidUntil,
        @Schema(description = "when a token was last issued to the client, null if never") Instant lastUsedAt,
        Instant revokedAt) {
}
