package de.augenhoehe.measures.management;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.CancellationReason;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.Versions;

/**
 * {@code /api/measures}: hosts (their partner admins and staff) and the network's coordinators create measures,
 * change them ({@code If-Match} with the ETag read) and move them through planned → open → running → completed /
 * cancelled. Reading one is public, like the catalogue.
 */
@RestController
@Validated
@Tag(name = "measures")
class MeasureController {

    /**
     * A step in the lifecycle; {@code reason} is shown publicly (no personal data), e.g. why a measure was cancelled,
     * but never leaves the service on an event: {@code reasonCode} does (a cancellation without one is {@code OTHER}).
     */
    record StatusChange(@NotNull Target status, @Size(max = 500) String reason, CancellationReason reasonCode) {
        enum Target { OPEN, RUNNING, COMPLETED, CANCELLED, PLANNED, FULL }
    }

    private final Measures measures;

    MeasureController(Measures measures) {
        this.measures = measures;
    }

    @PostMapping("/api/measures")
    @Operation(summary = "Create a measure (planned); host and co-organisers must be active members of the network")
    @ApiResponse(responseCode = "201", description = "Created, status PLANNED; ETag = version")
    @ApiResponse(responseCode = "400", description = "validation-failed, malformed-request (unknown fields or values), unknown-postal-code")
    @ApiResponse(responseCode = "403", description = "forbidden: neither of the host nor a coordinator of the network")
    @ApiResponse(responseCode = "422", description = "host-not-member, co-organiser-not-member")
    ResponseEntity<MeasureView> create(@Valid @RequestBody MeasureRequest request) {
        MeasureView m = measures.create(Actor.required(), request);
        return ResponseEntity.created(URI.create("/api/measures/" + m.id())).eTag(etag(m)).body(m);
    }

    @GetMapping("/api/measures/{id}")
    @Operation(summary = "One measure with its sessions and free places (public)")
    ResponseEntity<MeasureView> read(@PathVariable UUID id) {
        MeasureView m = measures.read(id);
        return ResponseEntity.ok().eTag(etag(m)).body(m);
    }

    @PutMapping("/api/measures/{id}")
    @Operation(summary = "Change a measure as a whole; If-Match with its ETag is required")
    @ApiResponse(responseCode = "200", description = "Changed; ETag = the new version")
    @ApiResponse(responseCode = "409", description = "measure-closed, capacity-below-registrations, sessions-have-attendance")
    @ApiResponse(responseCode = "422", description = "immutable-field (networkId, hostPartnerId), host-not-member, co-organiser-not-member")
    @ApiResponse(responseCode = "412", description = "precondition-failed: changed since read")
    @ApiResponse(responseCode = "428", description = "precondition-required: no If-Match")
    ResponseEntity<MeasureView> update(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MeasureRequest request) {
        MeasureView m = measures.update(Actor.required(), id, Versions.required(ifMatch), request);
        return ResponseEntity.ok().eTag(etag(m)).body(m);
    }

    @PostMapping("/api/measures/{id}/status")
    @Operation(summary = "Move a measure: PLANNED → OPEN → RUNNING → COMPLETED, or → CANCELLED; FULL follows from the registrations")
    @ApiResponse(responseCode = "200", description = "Moved; ETag = the new version")
    @ApiResponse(responseCode = "409", description = "illegal-status-transition (with from, to, allowed), capacity-missing")
    ResponseEntity<MeasureView> move(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        MeasureView m = measures.move(Actor.required(), id, change.status().name(), change.reason(), change.reasonCode());
        return ResponseEntity.ok().eTag(etag(m)).body(m);
    }

    private static String etag(MeasureView m) {
        return Versions.etag(m.version());
    }
}
