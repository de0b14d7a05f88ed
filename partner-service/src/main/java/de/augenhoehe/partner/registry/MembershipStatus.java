package de.augenhoehe.partner.registry;

import java.util.Set;

/**
 * The lifecycle of a membership: invited or applied → active ⇄ suspended, any open state → ended, and ended is final.
 * Who may take a step depends on where it starts (see {@link MembershipController}): an application is admitted by the
 * network's coordinators, an invitation accepted by the partner's administrators, so neither side alone makes a member.
 */
enum MembershipStatus {
    INVITED, APPLIED, ACTIVE, SUSPENDED, ENDED;

    /** The states from which one may move to this one. */
    Set<MembershipStatus> reachableFrom() {
        return switch (this) {
            case INVITED, APPLIED -> Set.of();
            case ACTIVE -> Set.of(INVITED, APPLIED, SUSPENDED);
            case SUSPENDED -> Set.of(ACTIVE);
            case ENDED -> Set.of(INVITED, APPLIED, ACTIVE, SUSPENDED);
        };
    }
}
