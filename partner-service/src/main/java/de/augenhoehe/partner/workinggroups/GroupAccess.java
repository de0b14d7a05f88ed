package de.augenhoehe.partner.workinggroups;

import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * The object-level rules of working groups in one place: the network's coordinators manage a group, the people of its
 * member partners read it (403 when they try to manage), to everyone else it does not exist (404).
 */
@Component
class GroupAccess {

    private final WorkingGroups groups;

    GroupAccess(WorkingGroups groups) {
        this.groups = groups;
    }

    WorkingGroup readable(UUID id) {
        WorkingGroup g = groups.find(id).orElseThrow(() -> ProblemException.notFound("Working group " + id));
        Actor actor = actor();
        if (actor.coordinates(g.networkId()) || (isPartnerPeople(actor) && groups.isMember(id, actor.partnerId()))) {
            return g;
        }
        throw ProblemException.notFound("Working group " + id);
    }

    WorkingGroup manageable(UUID id) {
        WorkingGroup g = readable(id);
        if (!actor().coordinates(g.networkId())) {
            throw forbidden("Only the network's coordinators manage its working groups");
        }
        return g;
    }

    static boolean isPartnerPeople(Actor a) {
        return a.partnerId() != null && (a.hasRole(Roles.PARTNER_ADMIN) || a.hasRole(Roles.PARTNER_STAFF));
    }

    static boolean isPartnerAdmin(Actor a, UUID partner) {
        return a.hasRole(Roles.PARTNER_ADMIN) && a.actsFor(partner);
    }

    static Actor actor() {
        return Actor.required("Working groups need a token");
    }

    static ProblemException forbidden(String detail) {
        return ProblemException.forbidden(detail);
    }
}
