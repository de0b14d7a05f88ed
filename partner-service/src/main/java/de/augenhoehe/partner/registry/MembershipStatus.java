package de.augenhoehe.partner.registry;

import java.util.Set;

/** The lifecycle of a membership: applied → active ⇄ suspended, any open state → ended, and ended is final. */
enum MembershipStatus {
    APPLIED, ACTIVE, SUSPENDED, ENDED;

    /** The states from which one may move to this one. */
    Set<MembershipStatus> reachableFrom() {
        return switch (this) {
            case APPLIED -> Set.of();
            case ACTIVE -> Set.of(APPLIED, SUSPENDED);
            case SUSPENDED -> Set.of(ACTIVE);
            case ENDED -> Set.of(APPLIED, ACTIVE, SUSPENDED);
        };
    }
}
