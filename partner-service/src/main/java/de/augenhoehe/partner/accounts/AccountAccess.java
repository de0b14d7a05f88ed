package de.augenhoehe.partner.accounts;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * Who manages whose accounts, and which roles they may hand out — no one grants more than they hold:
 * <ul>
 * <li>a partner's administrators: their partner's accounts, roles partner_admin and partner_staff;</li>
 * <li>a coordinator: accounts of the active members of the networks they coordinate, coordinator of a network they
 * coordinate themselves, and — only while the partner has no administrator of its own — partner_admin and
 * partner_staff (setting a partner up); once it has one, a coordinator creates no accounts there, grants no
 * partner_admin and disables no administrator, so no coordinator can take a partner over (issue #15);</li>
 * <li>operations: every account and role.</li>
 * </ul>
 * A change must be allowed for the roles the account holds before and after, so an administrator cannot strip a
 * coordinator of their role either.
 */
@Component
class AccountAccess {

    /** Coordinator networks the account's partner is no active member of. */
    static final ProblemType NOT_A_MEMBER = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-member", "Kein Mitglied / Not a member");

    private final PartnerDirectory partners;
    private final PartnerAdministrators administrators;

    AccountAccess(PartnerDirectory partners, PartnerAdministrators administrators) {
        this.partners = partners;
        this.administrators = administrators;
    }

    /** The caller if they manage the partner's accounts: 404 for an unknown partner, 403 for one outside their scope. */
    Actor manager(UUID partner) {
        if (!partners.exists(partner)) {
            throw ProblemException.notFound("Partner " + partner);
        }
        // GETs under /api/partners are public reads: an anonymous caller reaches this point
        Actor actor = Actor.required("A valid bearer token is required");
        if (!(ownAdmin(actor, partner) || coordinates(actor, partner) || actor.hasRole(Roles.OPERATIONS))) {
            throw forbidden("Only the partner's administrators, the coordinators of its networks and operations manage its accounts");
        }
        return actor;
    }

    /** 403 unless the actor may create an account: a coordinator only for a partner without administrators. */
    void checkCreate(Actor actor, UUID partner) {
        if (!ownAdmin(actor, partner) && !actor.hasRole(Roles.OPERATIONS) && administrators.hasAdministrator(partner)) {
            throw forbidden("The partner has its own administrators: they create its accounts");
        }
    }

    /** 403 unless the actor may give (or take away) these roles for these networks on the partner's account. */
    void checkGrant(Actor actor, UUID partner, Set<Role> roles, Set<UUID> coordinatorNetworks) {
        if (actor.hasRole(Roles.OPERATIONS)) {
            return;
        }
        Set<Role> grantable = EnumSet.noneOf(Role.class);
        if (ownAdmin(actor, partner) || (coordinates(actor, partner) && !administrators.hasAdministrator(partner))) {
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
            throw NOT_A_MEMBER.exception("A coordinator's partner must be an active member of the networks they coordinate");
        }
    }

    private static boolean ownAdmin(Actor actor, UUID partner) {
        return actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(partner);
    }

    /** A coordinator of a network the partner is an active member of. */
    private boolean coordinates(Actor actor, UUID partner) {
        return actor.hasRole(Roles.COORDINATOR) && partners.activeNetworks(partner).stream().anyMatch(actor::coordinates);
    }

    static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
