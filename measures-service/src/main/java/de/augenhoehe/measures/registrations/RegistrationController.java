package de.augenhoehe.measures.registrations;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code /api/registrations}: anyone registers for a measure of the public catalogue, without an account; the secret
 * that confirms, cancels and exports the registration reaches the person by mail only, and comes back in the
 * {@code Registration-Token} header (never in a URL). Sign-up floods meet the gateway's stricter per-address bucket.
 */
@RestController
@Validated
@Tag(name = "registrations")
class RegistrationController {

    private final Registrations registrations;
    private final MeasureGate gate;
    private final RegistrationMails mails;
    private final int anonymousGroupLimit;

    RegistrationController(Registrations registrations, MeasureGate gate, RegistrationMails mails,
            @Value("${augenhoehe.measures.registrations.anonymous-group-limit:5}") int anonymousGroupLimit) {
        this.registrations = registrations;
        this.gate = gate;
        this.mails = mails;
        this.anonymousGroupLimit = anonymousGroupLimit;
    }

    @PostMapping("/api/registrations")
    @Operation(summary = "Register for a measure (confirmed or waitlisted); the secret goes to the e-mail address only. "
            + "Anonymous: at most 5 places, held until confirmed from the mail (holdUntil). A retry with the same Idempotency-Key is the same registration")
    @ApiResponse(responseCode = "201", description = "Registered: CONFIRMED, or WAITLISTED with its position; mailed")
    @ApiResponse(responseCode = "200", description = "The registration this Idempotency-Key already stands for (no new mail)")
    @ApiResponse(responseCode = "401", description = "unauthenticated: a group larger than the anonymous limit needs a signed-in person (e.g. the school's staff)")
    @ApiResponse(responseCode = "404", description = "not-found: no such measure")
    @ApiResponse(responseCode = "409", description = "measure-cancelled, registration-not-open, registration-closed")
    @ApiResponse(responseCode = "422", description = "group-exceeds-capacity, idempotency-key-reused (same key, different request)")
    @ApiResponse(responseCode = "503", description = "registration-busy (retry), mail-unavailable (nothing was kept; retry later)")
    ResponseEntity<Registered> register(@Valid @RequestBody RegistrationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 200) String idempotencyKey) {
        boolean signedIn = Actor.current().filter(RegistrationController::registersGroups).isPresent();
        if (!signedIn && request.places() > anonymousGroupLimit) {
            throw ProblemException.unauthenticated("Groups of more than " + anonymousGroupLimit
                    + " places are registered by a signed-in person, e.g. the school's or company's staff");
        }
        var outcome = gate.through(request.measureId(), () -> registrations.register(request, idempotencyKey, !signedIn));
        Registered r = outcome.registration();
        if (!outcome.created()) {
            return ResponseEntity.ok(r);
        }
        // After the commit, outside the measure's lock (a slow mail server must not hold up everybody's registrations).
        // Without the mail nobody could confirm or cancel it: then it is withdrawn and the caller may retry.
        try {
            mails.registered(registrations.contact(r.id()).orElseThrow(), r, outcome.token());
        } catch (ProblemException mailUnavailable) {
            gate.through(request.measureId(), () -> {
                registrations.withdrawUnmailed(r.id());
                return null;
            });
            throw mailUnavailable;
        }
        return ResponseEntity.created(URI.create("/api/registrations/" + r.id())).body(r);
    }

    @PostMapping("/api/registrations/{id}/confirmation")
    @Operation(summary = "Confirm from the mail (the secret in the Registration-Token header): the places are kept for good")
    @ApiResponse(responseCode = "200", description = "Confirmed (also when it already was); holdUntil is null")
    @ApiResponse(responseCode = "404", description = "not-found: unknown registration or wrong token, indistinguishably")
    @ApiResponse(responseCode = "409", description = "registration-expired (not confirmed in time, places released), registration-cancelled")
    Registered confirm(@PathVariable UUID id, @Parameter(description = "the secret from the mail")
            @RequestHeader(name = RegistrationSecrets.HEADER, required = false) @Size(max = 100) String token) {
        return registrations.confirm(id, token);
    }

    @DeleteMapping("/api/registrations/{id}")
    @Operation(summary = "Cancel with the secret from the mail (Registration-Token header); frees the places for the waiting list")
    @ApiResponse(responseCode = "204", description = "Cancelled (also when it already was)")
    @ApiResponse(responseCode = "404", description = "not-found: unknown registration or wrong token, indistinguishably")
    ResponseEntity<Void> cancel(@PathVariable UUID id, @Parameter(description = "the secret from the mail")
            @RequestHeader(name = RegistrationSecrets.HEADER, required = false) @Size(max = 100) String token) {
        registrations.cancel(id, token);
        return ResponseEntity.noContent().build();
    }

    /** People who act for an organisation may register a class or a team; anyone else only a small group. */
    private static boolean registersGroups(Actor actor) {
        return actor.hasRole(Roles.PARTNER_ADMIN) || actor.hasRole(Roles.PARTNER_STAFF) || actor.hasRole(Roles.COORDINATOR);
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        /** Registration is as anonymous as the catalogue; the mailed secret, not an account, proves the right to confirm and cancel. */
        @Bean
        PublicEndpoints publicRegistrations() {
            return new PublicEndpoints(List.of(), List.of("/api/registrations", "/api/registrations/*", "/api/registrations/*/confirmation"));
        }
    }
}
