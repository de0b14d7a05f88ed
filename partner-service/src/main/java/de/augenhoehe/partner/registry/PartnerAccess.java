package de.augenhoehe.partner.registry;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;

/** Who may see a partner's people and change its profile: the object-level rules of this feature, in one place. */
@Component
class PartnerAccess {

    private final Memberships memberships;

    PartnerAccess(Memberships memberships) {
        this.memberships = memberships;
    }

    /**
     * Contact persons: the partner's own people, and coordinators of a network it is an active member of — not while
     * it merely applied or was invited: a coordinator who invites any partner must not learn its people (issue #15).
     */
    boolean seesContacts(Optional<Actor> actor, UUID partner) {
        return actor.map(a -> isOwnPeople(a, partner)
                || (a.hasRole(Roles.COORDINATOR) && memberships.activeIn(partner, a.networks()))).orElse(false);
    }

    /** The profile: the partner's administrators only; a network does not edit its members. */
    boolean mayChange(Actor actor, UUID partner) {
        return actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(partner);
    }

    static boolean isOwnPeople(Actor a, UUID partner) {
        return a.actsFor(partner) && (a.hasRole(Roles.PARTNER_ADMIN) || a.hasRole(Roles.PARTNER_STAFF));
    }
}
