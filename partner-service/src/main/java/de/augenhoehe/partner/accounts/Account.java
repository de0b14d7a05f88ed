package de.augenhoehe.partner.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A person's account as its managers see it: never the password or its hash. */
record Account(UUID id, UUID partnerId,
        @Schema(example = "m.mustermann") String username,
        @Schema(description = "where the person's \"forgot password\" links go (absent: none)", example = "m.mustermann@example.org") String email,
        List<Role> roles,
        @Schema(description = "the networks in which the account coordinates (role COORDINATOR only)") List<UUID> coordinatorNetworks,
        boolean enabled, Instant createdAt) {
}
