package de.augenhoehe.partner.workinggroups;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.networks.NetworkDirectory;
import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code /api/working-groups}: the network's coordinators form groups and manage their members; the people of member
 * partners read them. To anyone else a group does not exist (404).
 */
@RestController
@RequestMapping("/api/working-groups")
@Tag(name = "working-groups")
class WorkingGroupController {

    static final String SUBJECT = "[^\\s]{1,200}";

    private final WorkingGroups groups;
    private final GroupAccess access;
    private final NetworkDirectory networks;
    private final PartnerDirectory partners;

    WorkingGroupController(WorkingGroups groups, GroupAccess access, NetworkDirectory networks, PartnerDirectory partners) {
        this.groups = groups;
        this.access = access;
        this.networks = networks;
        this.partners = partners;
    }

    record Formation(@NotNull UUID networkId, @NotNull GroupKind kind,
            @NotBlank @Size(max = 200) @Schema(example = "AG Ausbildung und Migration") String name,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> topics,
            @NotNull @Valid Quorum quorum, @NotNull Majority majority) {
    }

    record Joining(@NotNull UUID partnerId,
            @Size(max = 50) @Schema(description = "account subjects of the partner's people in the group")
            List<@NotNull @BoundedPattern(regexp = SUBJECT, max = 200) String> people) {
    }

    record Person(@NotNull @BoundedPattern(regexp = SUBJECT, max = 200) String subject) {
    }

    @PostMapping
    @Operation(summary = "Form a working group or the expert circle of a network (its coordinators)")
    ResponseEntity<WorkingGroup> form(@Valid @RequestBody Formation f) {
        Actor actor = GroupAccess.actor();
        // Networks are public: an unknown one is 404, a foreign one 403.
        if (!networks.exists(f.networkId())) {
            throw ProblemException.notFound("Network " + f.networkId());
        }
        if (!actor.coordinates(f.networkId())) {
            throw GroupAccess.forbidden("Only the network's coordinators form its working groups");
        }
        if (!f.quorum().wellFormed()) {
            throw ProblemException.invalid("invalid-quorum", "A FRACTION quorum lies in (0, 1] with at most 3 decimals, a COUNT is a whole number");
        }
        List<String> topics = f.topics() == null ? List.of() : f.topics().stream().map(String::strip).distinct().toList();
        WorkingGroup g = groups.form(UUID.randomUUID(), new WorkingGroups.Draft(f.networkId(), f.kind(), f.name().strip(), topics,
                f.quorum(), f.majority()), actor.subject());
        return ResponseEntity.created(URI.create("/api/working-groups/" + g.id())).body(groups.withMembers(g));
    }

    @GetMapping
    @Operation(summary = "The groups the caller may see: those of the networks it coordinates and those its partner is a member of")
    List<WorkingGroup> list(@RequestParam(required = false) UUID networkId) {
        Actor actor = GroupAccess.actor();
        var coordinated = actor.hasRole(Roles.COORDINATOR) ? actor.networks() : Set.<UUID>of();
        UUID partner = GroupAccess.isPartnerPeople(actor) ? actor.partnerId() : null;
        return groups.visible(coordinated, partner, networkId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A group with its member partners and their people (coordinators, people of member partners)")
    WorkingGroup get(@PathVariable UUID id) {
        return groups.withMembers(access.readable(id));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "A member partner of the network joins the group, with the people it sends (coordinators)")
    ResponseEntity<WorkingGroup> join(@PathVariable UUID id, @Valid @RequestBody Joining j) {
        WorkingGroup g = access.manageable(id);
        if (!partners.exists(j.partnerId())) {
            throw ProblemException.invalid("unknown-partner", "No partner " + j.partnerId());
        }
        if (!partners.activeNetworks(j.partnerId()).contains(g.networkId())) {
            throw ProblemException.invalid("not-a-network-member", "Only active member partners of the network join its groups");
        }
        groups.join(g, j.partnerId(), j.people() == null ? List.of() : j.people().stream().distinct().toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.withMembers(g));
    }

    @DeleteMapping("/{id}/members/{partnerId}")
    @Operation(summary = "A member partner leaves the group (coordinators, or the partner's own administrators)")
    ResponseEntity<Void> leave(@PathVariable UUID id, @PathVariable UUID partnerId) {
        WorkingGroup g = access.readable(id);
        Actor actor = GroupAccess.actor();
        if (!actor.coordinates(g.networkId()) && !GroupAccess.isPartnerAdmin(actor, partnerId)) {
            throw GroupAccess.forbidden("Only the network's coordinators or the partner's administrators end its membership");
        }
        groups.leave(g, partnerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/members/{partnerId}/people")
    @Operation(summary = "Name a person (account subject) a member partner sends (coordinators, the partner's administrators)")
    ResponseEntity<WorkingGroup> addPerson(@PathVariable UUID id, @PathVariable UUID partnerId, @Valid @RequestBody Person p) {
        WorkingGroup g = memberOwnedBy(id, partnerId);
        groups.addPeople(g.id(), partnerId, List.of(p.subject()));
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.withMembers(g));
    }

    @DeleteMapping("/{id}/members/{partnerId}/people/{subject}")
    @Operation(summary = "Remove a person of a member partner from the group (coordinators, the partner's administrators)")
    ResponseEntity<Void> removePerson(@PathVariable UUID id, @PathVariable UUID partnerId,
            @PathVariable @BoundedPattern(regexp = SUBJECT, max = 200) String subject) {
        WorkingGroup g = memberOwnedBy(id, partnerId);
        if (!groups.removePerson(g.id(), partnerId, subject)) {
            throw ProblemException.notFound("Person of member " + partnerId);
        }
        return ResponseEntity.noContent().build();
    }

    private WorkingGroup memberOwnedBy(UUID id, UUID partnerId) {
        WorkingGroup g = access.readable(id);
        Actor actor = GroupAccess.actor();
        if (!actor.coordinates(g.networkId()) && !GroupAccess.isPartnerAdmin(actor, partnerId)) {
            throw GroupAccess.forbidden("Only the network's coordinators or the partner's administrators name its people");
        }
        if (!groups.isMember(g.id(), partnerId)) {
            throw ProblemException.notFound("Member " + partnerId);
        }
        return g;
    }
}
