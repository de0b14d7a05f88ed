package de.augenhoehe.partner.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A partner's membership in a network with its dates and history. There is deliberately no rank, weight or tier:
 * every active member has the same standing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Membership(UUID id, UUID partnerId, UUID networkId, MembershipStatus status, Instant appliedAt, Instant activeSince,
        Instant suspendedSince, Instant endedAt, List<Step> history) {

    /** One step of the lifecycle, with the subject of the account that took it and the coordinator's reason, if given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(MembershipStatus status, Instant at, String by, String reason) {
    }

    Membership withHistory(List<Step> steps) {
        return new Membership(id, partnerId, networkId, status, appliedAt, activeSince, suspendedSince, endedAt, steps);
    }
}
