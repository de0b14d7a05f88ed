package de.augenhoehe.partner.accounts;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.partner.PartnerDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * Who manages whose accounts, and which roles they may hand out — no one grants more than they hold:
 * <ul>
 * <li>a partner's administrators: their partner's accounts, roles partner_admin and partner_staff;</li>
 * <li>a coordinator: accounts of the active members of the networks they coordinate, those two roles and coordinator
 * of a network they coordinate themselves;</li>
 * <li>operations: every account and role.</li>
 * </ul>
 * A change must be allowed for the roles the account holds before and after, so an administrator cannot strip a
 * coordinator of their role either.
 */
@Component
class AccountAccess {

    private final PartnerDirectory partners;

    AccountAccess(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The caller if they manage the partner's accounts: 404 for an unknown partner, 403 for one outside their scope. */
    Actor manager(UUID partner) {
        if (!partners.exists(partner)) {
            throw ProblemException.notFound("Partner " + partner);
        }
        // GETs under /api/partners are public reads: an anonymous caller reaches this point
        Actor actor = Actor.current().orElseThrow(() -> ProblemException.unauthenticated("A valid bearer token is required"));
        boolean admin = actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(partner);
        boolean coordinator = partners.activeNetworks(partner).stream().anyMatch(actor::coordinates);
        if (!(admin || coordinator || actor.hasRole(Roles.OPERATIONS))) {
            throw forbidden("Only the partner's administrators, the coordinators of its networks and operations manage its accounts");
        }
        return actor;
    }

    /** 403 unless the actor may give (or take away) these roles for these networks on the partner's account. */
    void checkGrant(Actor actor, UUID partner, Set<Role> roles, Set<UUID> coordinatorNetworks) {
        if (actor.hasRole(Roles.OPERATIONS)) {
            return;
        }
        Set<Role> grantable = EnumSet.noneOf(Role.class);
        if ((actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(partner))
                || partners.activeNetworks(partner).stream().anyMatch(actor::coordinates)) {
            grantable.add(Role.PARTNER_ADMIN);
            grantable.add(Role.PARTNER_STAFF);
        }
        if (actor.hasRole(Roles.COORDINATOR)) {
            grantable.add(Role.COORDINATOR);
        }
        if (!grantable.containsAll(roles)) {
            throw forbidden("You may grant only " + grantable + " on this partner's accounts");
        }
        if (!coordinatorNetworks.stream().allMatch(actor::coordinates)) {
            throw forbidden("You may grant the coordinator role only for networks you coordinate");
        }
    }

    /** The request's shape, before any rights: coordinator needs networks, networks need coordinator and membership. */
    void checkShape(UUID partner, Set<Role> roles, Set<UUID> coordinatorNetworks) {
        if (roles.isEmpty()) {
            throw ProblemException.invalid("no-roles", "An account needs at least one role");
        }
        if (roles.contains(Role.COORDINATOR) != !coordinatorNetworks.isEmpty()) {
            throw ProblemException.invalid("coordinator-networks",
                    "The coordinator role needs coordinatorNetworks, and coordinatorNetworks need the coordinator role");
        }
        Set<UUID> memberOf = partners.activeNetworks(partner);
        if (!memberOf.containsAll(coordinatorNetworks)) {
            throw ProblemException.invalid("not-a-member", "A coordinator's partner must be an active member of the networks they coordinate");
        }
    }

    static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
