package de.augenhoehe.measures.management;

import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;

/** Who manages a measure and sees its participants: partner admins and staff of the host, coordinators of the network. */
@FeatureApi
public final class MeasureRights {

    private MeasureRights() {
    }

    public static boolean mayManage(Actor actor, UUID network, UUID host) {
        boolean ofHost = (actor.hasRole(Roles.PARTNER_ADMIN) || actor.hasRole(Roles.PARTNER_STAFF)) && actor.actsFor(host);
        return ofHost || (network != null && actor.coordinates(network));
    }
}
