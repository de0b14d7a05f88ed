package de.augenhoehe.measures.registrations;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.PublicEndpoints;

/**
 * {@code /api/registrations}: anyone registers for a measure of the public catalogue, without an account, and
 * cancels with the secret token of the answer. Sign-up floods meet the gateway's stricter per-address bucket.
 */
@RestController
@Validated
@Tag(name = "registrations")
class RegistrationController {

    private final Registrations registrations;
    private final MeasureGate gate;

    RegistrationController(Registrations registrations, MeasureGate gate) {
        this.registrations = registrations;
        this.gate = gate;
    }

    @PostMapping("/api/registrations")
    @Operation(summary = "Register for a measure (confirmed or waitlisted); a retry with the same Idempotency-Key is the same registration")
    @ApiResponse(responseCode = "201", description = "Registered: CONFIRMED, or WAITLISTED with its position; carries the cancellation token, once")
    @ApiResponse(responseCode = "200", description = "The registration this Idempotency-Key already stands for (without the token)")
    @ApiResponse(responseCode = "404", description = "not-found: no such measure")
    @ApiResponse(responseCode = "409", description = "measure-cancelled, registration-not-open, registration-closed")
    @ApiResponse(responseCode = "422", description = "group-exceeds-capacity, idempotency-key-reused (same key, different request)")
    @ApiResponse(responseCode = "503", description = "registration-busy: too many registrations for this measure at once; retry")
    ResponseEntity<Registered> register(@Valid @RequestBody RegistrationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 200) String idempotencyKey) {
        var outcome = gate.through(request.measureId(), () -> registrations.register(request, idempotencyKey));
        Registered r = outcome.registration();
        if (!outcome.created()) {
            return ResponseEntity.ok(r);
        }
        return ResponseEntity.created(URI.create("/api/registrations/" + r.id())).body(r);
    }

    @DeleteMapping("/api/registrations/{id}")
    @Operation(summary = "Cancel with the secret token; frees the places for the waiting list")
    @ApiResponse(responseCode = "204", description = "Cancelled (also when it already was)")
    @ApiResponse(responseCode = "404", description = "not-found: unknown registration or wrong token, indistinguishably")
    ResponseEntity<Void> cancel(@PathVariable UUID id, @RequestParam @Size(max = 100) String token) {
        registrations.cancel(id, token);
        return ResponseEntity.noContent().build();
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        /** Registration is as anonymous as the catalogue; the token, not an account, proves the right to cancel. */
        @Bean
        PublicEndpoints publicRegistrations() {
            return new PublicEndpoints(java.util.List.of(), java.util.List.of("/api/registrations", "/api/registrations/*"));
        }
    }
}
