package de.augenhoehe.partner.registry;

import java.time.Instant;

/**
 * Data of the {@code augenhoehe.partner.membership-*.v1} events: which partner (and of which kind) in which network,
 * and when. Never who took the step: accounts are people.
 */
record MembershipChanged(String membershipId, String partnerId, String networkId, PartnerKind partnerKind,
        MembershipStatus status, Instant appliedAt, Instant occurredAt) {

    static String type(MembershipStatus status) {
        return switch (status) {
            case INVITED -> throw new IllegalArgumentException("An invitation is not announced");
            case APPLIED -> "augenhoehe.partner.membership-applied.v1";
            case ACTIVE -> "augenhoehe.partner.membership-activated.v1";
            case SUSPENDED -> "augenhoehe.partner.membership-suspended.v1";
            case ENDED -> "augenhoehe.partner.membership-ended.v1";
        };
    }
}
