package de.augenhoehe.partner.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code GET /api/partners/{id}/memberships}: the networks a partner is in. Active memberships are public (as in a
 * network's member list); applications, suspensions and ended ones only for the partner's own people and the
 * coordinators of the network concerned.
 */
@RestController
@Tag(name = "memberships")
class PartnerNetworks {

    private final Memberships memberships;
    private final PartnerRegistry partners;

    PartnerNetworks(Memberships memberships, PartnerRegistry partners) {
        this.memberships = memberships;
        this.partners = partners;
    }

    @GetMapping("/api/partners/{id}/memberships")
    @Operation(summary = "A partner's memberships: active ones for everyone, all for its own people and the networks' coordinators")
    List<Membership> list(@PathVariable UUID id) {
        partners.find(id).orElseThrow(() -> ProblemException.notFound("Partner " + id));
        Optional<Actor> actor = Actor.current();
        boolean own = actor.map(a -> PartnerAccess.isOwnPeople(a, id)).orElse(false);
        return memberships.ofPartner(id).stream()
                .filter(m -> m.status() == MembershipStatus.ACTIVE || own
                        || actor.map(a -> a.coordinates(m.networkId())).orElse(false))
                .toList();
    }
}
