package de.augenhoehe.partner.workinggroups;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;

/**
 * Meetings and decisions of a group: the coordinators schedule meetings, record minutes, put motions and close them;
 * every member partner casts one vote through one of its people.
 */
@RestController
@RequestMapping("/api/working-groups/{id}")
@Tag(name = "working-groups")
class SittingController {

    static final ProblemType NOT_AN_ACTIVE_MEMBER = ProblemType.of(HttpStatus.FORBIDDEN, "not-an-active-member",
            "Keine aktive Mitgliedschaft / Not an active member");

    private final Sittings sittings;
    private final GroupAccess access;
    private final PartnerDirectory partners;

    SittingController(Sittings sittings, GroupAccess access, PartnerDirectory partners) {
        this.sittings = sittings;
        this.access = access;
        this.partners = partners;
    }

    record MeetingInput(@NotNull @Schema(example = "2026-12-10T16:00:00+01:00") OffsetDateTime startsAt,
            @NotBlank @Size(max = 300) @Schema(example = "IHK Heilbronn-Franken, Raum 2") String place,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> agenda) {
    }

    record Minutes(@NotBlank @Size(max = 20000) String minutes) {
    }

    record Motion(@NotBlank @Size(max = 300) @Schema(example = "Gemeinsamer Projekttag im März") String title,
            @Size(max = 4000) String motion, UUID meetingId) {
    }

    record Ballot(@NotNull VoteChoice vote) {
    }

    @PostMapping("/meetings")
    @Operation(summary = "Schedule a meeting with date, place and agenda (the network's coordinators)")
    ResponseEntity<Meeting> schedule(@PathVariable UUID id, @Valid @RequestBody MeetingInput m) {
        WorkingGroup g = access.manageable(id);
        if (m.startsAt().getYear() < 2000 || m.startsAt().getYear() > 2100) {
            throw ProblemException.invalid("invalid-date", "A meeting takes place between the years 2000 and 2100");
        }
        Meeting meeting = sittings.schedule(g.id(), m.startsAt().toInstant(), m.place().strip(),
                m.agenda() == null ? List.of() : m.agenda().stream().map(String::strip).toList());
        return ResponseEntity.created(URI.create("/api/working-groups/" + id + "/meetings/" + meeting.id()))
                .eTag(Versions.etag(meeting.version())).body(meeting);
    }

    @GetMapping("/meetings")
    @Operation(summary = "The group's meetings, by date (coordinators, people of member partners)")
    List<Meeting> meetings(@PathVariable UUID id) {
        return sittings.meetings(access.readable(id).id());
    }

    @GetMapping("/meetings/{meetingId}")
    @Operation(summary = "A meeting with agenda and minutes; the ETag is its version")
    ResponseEntity<Meeting> meeting(@PathVariable UUID id, @PathVariable UUID meetingId) {
        Meeting m = sittings.meeting(access.readable(id).id(), meetingId).orElseThrow(() -> ProblemException.notFound("Meeting " + meetingId));
        return ResponseEntity.ok().eTag(Versions.etag(m.version())).body(m);
    }

    @PutMapping("/meetings/{meetingId}/minutes")
    @Operation(summary = "Record the minutes of a meeting (coordinators); If-Match with the ETag read is required")
    ResponseEntity<Meeting> minutes(@PathVariable UUID id, @PathVariable UUID meetingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Minutes m) {
        WorkingGroup g = access.manageable(id);
        sittings.meeting(g.id(), meetingId).orElseThrow(() -> ProblemException.notFound("Meeting " + meetingId));
        Meeting changed = sittings.minutes(g.id(), meetingId, Versions.required(ifMatch), m.minutes().strip());
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    @PostMapping("/decisions")
    @Operation(summary = "Put a motion to the member partners, optionally at a meeting (coordinators)")
    ResponseEntity<Decision> propose(@PathVariable UUID id, @Valid @RequestBody Motion m) {
        WorkingGroup g = access.manageable(id);
        Decision d = sittings.propose(g.id(), m.meetingId(), m.title().strip(), m.motion() == null ? "" : m.motion().strip());
        return ResponseEntity.created(URI.create("/api/working-groups/" + id + "/decisions/" + d.id())).body(d.withVotes(List.of()));
    }

    @GetMapping("/decisions")
    @Operation(summary = "The group's decisions, open and closed (coordinators, people of member partners)")
    List<Decision> decisions(@PathVariable UUID id) {
        return sittings.decisions(access.readable(id).id());
    }

    @GetMapping("/decisions/{decisionId}")
    @Operation(summary = "A decision with each member partner's vote and, once closed, the tally and result")
    Decision decision(@PathVariable UUID id, @PathVariable UUID decisionId) {
        Decision d = sittings.decision(access.readable(id).id(), decisionId).orElseThrow(() -> ProblemException.notFound("Decision " + decisionId));
        return d.withVotes(sittings.votes(decisionId));
    }

    @PostMapping("/decisions/{decisionId}/votes")
    @Operation(summary = "Cast the vote of the caller's partner (people of a member partner; one vote per partner, final)")
    ResponseEntity<Decision.Vote> vote(@PathVariable UUID id, @PathVariable UUID decisionId, @Valid @RequestBody Ballot b) {
        WorkingGroup g = access.readable(id);
        Actor actor = GroupAccess.actor();
        if (!GroupAccess.isPartnerPeople(actor)) {
            throw Sittings.NOT_A_MEMBER.exception("Only people of a member partner vote, for their partner");
        }
        if (!partners.activeNetworks(actor.partnerId()).contains(g.networkId())) {
            // A group member whose network membership is suspended or ended keeps its seat but not its vote.
            throw NOT_AN_ACTIVE_MEMBER.exception("Only partners with an active membership in the network vote");
        }
        Decision.Vote v = sittings.vote(g.id(), decisionId, actor.partnerId(), b.vote(), actor.subject());
        return ResponseEntity.status(HttpStatus.CREATED).body(v);
    }

    @PostMapping("/decisions/{decisionId}/close")
    @Operation(summary = "Close the vote: count, apply quorum and majority, record and announce the result (coordinators)")
    Decision close(@PathVariable UUID id, @PathVariable UUID decisionId) {
        WorkingGroup g = access.manageable(id);
        return sittings.close(g, decisionId).withVotes(sittings.votes(decisionId));
    }
}
