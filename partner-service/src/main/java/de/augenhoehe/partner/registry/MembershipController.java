package de.augenhoehe.partner.registry;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.networks.NetworkDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.Page;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code /api/networks/{networkId}/memberships}: membership is a two-sided act (issue #15). Either the partner's
 * administrators apply and the network's coordinators admit, or a coordinator invites and the partner's administrators
 * accept (or decline): neither side alone makes a partner a member, so a coordinator cannot pull a foreign partner into
 * his network and then act on its behalf. A membership (with its history of who did what) is visible to the network's
 * coordinators and the partner's own people only: to everyone else it does not exist (404).
 */
@RestController
@RequestMapping("/api/networks/{networkId}/memberships")
@Tag(name = "memberships")
class MembershipController {

    private final Memberships memberships;
    private final PartnerRegistry partners;
    private final NetworkDirectory networks;

    MembershipController(Memberships memberships, PartnerRegistry partners, NetworkDirectory networks) {
        this.memberships = memberships;
        this.partners = partners;
        this.networks = networks;
    }

    record Application(@NotNull UUID partnerId) {
    }

    @PostMapping
    @Operation(summary = "Apply for membership (the partner's administrators: APPLIED) or invite a partner (the network's coordinators: INVITED)")
    ResponseEntity<Membership> apply(@PathVariable UUID networkId, @Valid @RequestBody Application application) {
        Actor actor = Actor.required();
        // Networks and partners are public: unknown ones are 404, foreign ones 403.
        if (!networks.exists(networkId)) {
            throw ProblemException.notFound("Network " + networkId);
        }
        Partner partner = partners.find(application.partnerId())
                .orElseThrow(() -> ProblemException.notFound("Partner " + application.partnerId()));
        boolean admin = actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(partner.id());
        if (!admin && !actor.coordinates(networkId)) {
            throw ProblemException.forbidden("Only the partner's administrators or the network's coordinators may apply");
        }
        // The partner's own administrators apply (also when they coordinate the network themselves); a coordinator invites.
        Membership m = memberships.open(networkId, partner, admin ? MembershipStatus.APPLIED : MembershipStatus.INVITED, actor.subject());
        return ResponseEntity.created(URI.create("/api/networks/" + networkId + "/memberships/" + m.id()))
                .body(m.withHistory(memberships.history(m.id())));
    }

    @GetMapping
    @Operation(summary = "The network's memberships, paged (its coordinators: all; a partner's people: their partner's own)")
    Page<Membership> list(@PathVariable UUID networkId, @RequestParam(required = false) MembershipStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Actor actor = Actor.required();
        if (!networks.exists(networkId)) {
            throw ProblemException.notFound("Network " + networkId);
        }
        if (actor.coordinates(networkId)) {
            return memberships.ofNetwork(networkId, null, status, page, size);
        }
        if (actor.partnerId() != null && (actor.hasRole(Roles.PARTNER_ADMIN) || actor.hasRole(Roles.PARTNER_STAFF))) {
            return memberships.ofNetwork(networkId, actor.partnerId(), status, page, size);
        }
        throw ProblemException.forbidden("The memberships of a network are listed to its coordinators and to the people of a partner (their own)");
    }

    @GetMapping("/{id}")
    @Operation(summary = "A membership with its full history (the network's coordinators, the partner's own people)")
    Membership get(@PathVariable UUID networkId, @PathVariable UUID id) {
        Membership m = visible(networkId, id);
        return m.withHistory(memberships.history(id));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Admit an applicant or lift a suspension (the network's coordinators); an invitation is accepted by the partner instead")
    Membership activate(@PathVariable UUID networkId, @PathVariable UUID id) {
        return byCoordinator(networkId, id, MembershipStatus.ACTIVE, Set.of(MembershipStatus.APPLIED, MembershipStatus.SUSPENDED), null);
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend an active membership, with an optional reason kept in its history (the network's coordinators)")
    Membership suspend(@PathVariable UUID networkId, @PathVariable UUID id, @RequestBody(required = false) @Valid StepReason reason) {
        return byCoordinator(networkId, id, MembershipStatus.SUSPENDED, Set.of(MembershipStatus.ACTIVE), reason);
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End a membership, refuse an application or withdraw an invitation, with an optional reason kept in its history; final (the network's coordinators)")
    Membership end(@PathVariable UUID networkId, @PathVariable UUID id, @RequestBody(required = false) @Valid StepReason reason) {
        return byCoordinator(networkId, id, MembershipStatus.ENDED, MembershipStatus.ENDED.reachableFrom(), reason);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept the network's invitation: the membership becomes active (the partner's administrators)")
    Membership accept(@PathVariable UUID networkId, @PathVariable UUID id) {
        return byPartner(networkId, id, MembershipStatus.ACTIVE);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline the network's invitation: the membership ends (the partner's administrators)")
    Membership decline(@PathVariable UUID networkId, @PathVariable UUID id) {
        return byPartner(networkId, id, MembershipStatus.ENDED);
    }

    private Membership byCoordinator(UUID networkId, UUID id, MembershipStatus target, Set<MembershipStatus> from, StepReason reason) {
        visible(networkId, id);
        Actor actor = Actor.required();
        if (!actor.coordinates(networkId)) {
            throw ProblemException.forbidden("Only the network's coordinators decide on memberships");
        }
        return move(networkId, id, target, from, actor, reason == null ? null : reason.text());
    }

    /** The partner's answer to an invitation: its administrators only, and only while the membership is INVITED. */
    private Membership byPartner(UUID networkId, UUID id, MembershipStatus target) {
        Membership m = visible(networkId, id);
        Actor actor = Actor.required();
        if (!(actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(m.partnerId()))) {
            throw ProblemException.forbidden("Only the partner's administrators answer an invitation");
        }
        return move(networkId, id, target, Set.of(MembershipStatus.INVITED), actor, null);
    }

    private Membership move(UUID networkId, UUID id, MembershipStatus target, Set<MembershipStatus> from, Actor actor, String reason) {
        Membership m = memberships.move(networkId, id, target, from, actor.subject(), reason);
        return m.withHistory(memberships.history(id));
    }

    /** The membership if the caller may see it; 404 otherwise, so strangers learn nothing about applications. */
    private Membership visible(UUID networkId, UUID id) {
        Membership m = memberships.find(networkId, id).orElseThrow(() -> ProblemException.notFound("Membership " + id));
        boolean sees = Actor.current().map(a -> a.coordinates(networkId) || PartnerAccess.isOwnPeople(a, m.partnerId())).orElse(false);
        if (!sees) {
            throw ProblemException.notFound("Membership " + id);
        }
        return m;
    }
}
