package de.augenhoehe.measures.participants;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.measures.participants.ParticipantViews.CheckIns;
import de.augenhoehe.measures.participants.ParticipantViews.Export;
import de.augenhoehe.measures.participants.ParticipantViews.OutcomeRequest;
import de.augenhoehe.measures.participants.ParticipantViews.Page;
import de.augenhoehe.measures.participants.ParticipantViews.Participant;
import de.augenhoehe.measures.registrations.HostCancellations;
import de.augenhoehe.measures.registrations.RegistrationSecrets;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemException;

/**
 * A measure's participants for its host (partner admins and staff) and the network's coordinators — anyone else gets
 * 404 — and a participant's own data by the secret of the registration (from its mail, in the Registration-Token header).
 */
@RestController
@Validated
@Tag(name = "participants")
class ParticipantController {

    private final Participants participants;
    private final RegistrationSecrets secrets;
    private final HostCancellations hostCancellations;

    ParticipantController(Participants participants, RegistrationSecrets secrets, HostCancellations hostCancellations) {
        this.participants = participants;
        this.secrets = secrets;
        this.hostCancellations = hostCancellations;
    }

    @GetMapping("/api/measures/{id}/registrations")
    @Operation(summary = "The measure's registrations with contact, attendance and outcome, in order of arrival, a page at a time "
            + "(host and coordinators; others 404)")
    Page registrations(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new Page(participants.list(Actor.required(), id, page, size), page, size);
    }

    @PutMapping("/api/measures/{id}/sessions/{sessionId}/attendance")
    @Operation(summary = "Check-in: attended or no-show per confirmed registration for one session; a changed record is a new event")
    @ApiResponse(responseCode = "200", description = "The session's records as they now stand")
    @ApiResponse(responseCode = "409", description = "measure-not-running (planned or cancelled), not-a-participant (not confirmed)")
    @ApiResponse(responseCode = "422", description = "duplicate-registration: a registration twice in one check-in")
    List<Participant> checkIn(@PathVariable UUID id, @PathVariable UUID sessionId, @Valid @RequestBody CheckIns checkIns) {
        return participants.checkIn(Actor.required(), id, sessionId, checkIns.records());
    }

    @PutMapping("/api/measures/{id}/registrations/{registrationId}/outcome")
    @Operation(summary = "A confirmed participant's outcome, optionally with the employer partner where an apprenticeship or job started")
    @ApiResponse(responseCode = "200", description = "The participant with the outcome")
    @ApiResponse(responseCode = "409", description = "not-a-participant: the registration is not confirmed")
    Participant outcome(@PathVariable UUID id, @PathVariable UUID registrationId, @Valid @RequestBody OutcomeRequest request) {
        return participants.outcome(Actor.required(), id, registrationId, request);
    }

    /** A host's cancellation: the reason goes to the person by mail and stays in this service, never on a topic. */
    record HostCancellation(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/measures/{id}/registrations/{registrationId}/cancellation")
    @Operation(summary = "The host (partner admins and staff) or a coordinator of the network cancels a registration with a reason; "
            + "the person is told by mail, the waiting list moves up (others 404)")
    @ApiResponse(responseCode = "204", description = "Cancelled and the person told (also when it already was cancelled: no second mail)")
    @ApiResponse(responseCode = "503", description = "mail-unavailable: nothing was changed; retry later")
    ResponseEntity<Void> cancelByHost(@PathVariable UUID id, @PathVariable UUID registrationId, @Valid @RequestBody HostCancellation request) {
        participants.managed(Actor.required(), id);
        hostCancellations.cancel(id, registrationId, request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/measures/{id}/registrations/{registrationId}/personal-data")
    @Operation(summary = "Export a participant's data on their request, through the host or a coordinator")
    Export exportForHost(@PathVariable UUID id, @PathVariable UUID registrationId) {
        participants.managed(Actor.required(), id);
        participants.checkBelongs(id, registrationId);
        return participants.export(registrationId);
    }

    @DeleteMapping("/api/measures/{id}/registrations/{registrationId}/personal-data")
    @Operation(summary = "Erase a participant's name and e-mail on their request (counts, attendance and outcome stay)")
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> eraseForHost(@PathVariable UUID id, @PathVariable UUID registrationId) {
        participants.managed(Actor.required(), id);
        participants.checkBelongs(id, registrationId);
        participants.erase(registrationId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/registrations/{id}/personal-data")
    @Operation(summary = "A participant's own data, with the secret from the mail (Registration-Token header)")
    @ApiResponse(responseCode = "200", description = "The participant's data")
    @ApiResponse(responseCode = "404", description = "unknown registration or wrong token, indistinguishably")
    Export export(@PathVariable UUID id, @Parameter(description = "the secret from the mail")
            @RequestHeader(name = RegistrationSecrets.HEADER, required = false) @Size(max = 100) String token) {
        proven(id, token);
        return participants.export(id);
    }

    @DeleteMapping("/api/registrations/{id}/personal-data")
    @Operation(summary = "Erase one's own name and e-mail, with the secret from the mail (Registration-Token header; the place, if any, stays taken: cancel for that)")
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> erase(@PathVariable UUID id, @Parameter(description = "the secret from the mail")
            @RequestHeader(name = RegistrationSecrets.HEADER, required = false) @Size(max = 100) String token) {
        proven(id, token);
        participants.erase(id);
        return ResponseEntity.noContent().build();
    }

    private void proven(UUID id, String token) {
        if (!secrets.matches(id, token)) {
            throw ProblemException.notFound("Registration " + id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        /** The token, not an account, proves the right to one's own data. */
        @Bean
        PublicEndpoints ownData() {
            return new PublicEndpoints(List.of(), List.of("/api/registrations/*/personal-data"));
        }
    }
}
