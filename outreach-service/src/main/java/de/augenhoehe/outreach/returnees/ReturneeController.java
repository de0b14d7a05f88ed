package de.augenhoehe.outreach.returnees;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Hire;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ReturneeSummary;
import de.augenhoehe.platform.security.Actor;

/**
 * The coordinators' view of the confirmed returnees of their networks — first name, occupation, region; the e-mail
 * only where the person consented to be contacted through the network — and the recording of a return or a hire.
 * Unconfirmed sign-ups are invisible: nothing is used before the double opt-in. The rules are {@link Coordination}'s.
 */
@RestController
@RequestMapping("/api/returnees")
@Tag(name = "returnees")
class ReturneeController {

    private final Coordination coordination;

    ReturneeController(Coordination coordination) {
        this.coordination = coordination;
    }

    @GetMapping
    @Operation(summary = "Confirmed returnees of a network the caller coordinates (minimal personal data), paged")
    Page<ReturneeSummary> list(@RequestParam UUID networkId, @RequestParam(required = false) UUID campaignId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return coordination.list(Actor.required(), networkId, campaignId, page, size);
    }

    @PostMapping("/{id}/returned")
    @Operation(summary = "Record that a returnee moved back to the region")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "already-recorded")
    ReturneeSummary returned(@PathVariable UUID id) {
        return coordination.returned(Actor.required(), id);
    }

    @PostMapping("/{id}/hired")
    @Operation(summary = "Record that a returnee was hired by a partner (counted in the give-and-gain ledger)")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "already-recorded")
    ReturneeSummary hired(@PathVariable UUID id, @Valid @RequestBody Hire hire) {
        return coordination.hired(Actor.required(), id, hire.employerId());
    }
}
