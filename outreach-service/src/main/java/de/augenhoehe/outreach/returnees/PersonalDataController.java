package de.augenhoehe.outreach.returnees;

import jakarta.validation.constraints.Size;
import java.util.UUID;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.returnees.ReturneeRequests.Correction;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Export;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;

/**
 * A person's rights over their data: export (Art. 15), correction (Art. 16), erasure (Art. 17), withdrawal of a consent (Art. 7(3)).
 * Called by the person with the secret of their management link ({@code Returnee-Token} header; only its hash is
 * stored) or by a coordinator of the returnee's network. Anybody else gets 404: whether an id exists stays unknown.
 * The rules are {@link PersonalData}'s.
 */
@RestController
@RequestMapping("/api/returnees/{id}")
@Tag(name = "returnees")
class PersonalDataController {

    static final String TOKEN_HEADER = "Returnee-Token";

    private final PersonalData personalData;

    PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/export")
    @Operation(summary = "Everything held about a returnee (Art. 15 GDPR): profile, consents, matches, mails sent")
    Export export(@PathVariable UUID id,
            @Parameter(description = "the secret of the personal management link") @RequestHeader(name = TOKEN_HEADER, required = false) @Size(max = 100) String token) {
        return personalData.export(id, token);
    }

    @DeleteMapping
    @Operation(summary = "Erase a returnee (Art. 17 GDPR): personal data anonymised, matches purged, person-erased.v1 published")
    @ApiResponse(responseCode = "204", description = "Erased")
    ResponseEntity<Void> erase(@PathVariable UUID id,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Size(max = 100) String token) {
        personalData.erase(id, token);
        return ResponseEntity.noContent().build();
    }

    @PutMapping
    @Operation(summary = "Correct a returnee's profile (Art. 16 GDPR); not the e-mail address. A change of what matching "
            + "uses (occupation, place, interests, start) matches the profile anew")
    @ApiResponse(responseCode = "204", description = "Corrected")
    ResponseEntity<Void> correct(@PathVariable UUID id, @Valid @RequestBody Correction correction,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Size(max = 100) String token) {
        personalData.correct(id, correction, token);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/consents/{purpose}")
    @Operation(summary = "Withdraw a consent; contact stops at once. Withdrawing MATCHING also purges the matches")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @PathVariable Purpose purpose,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Size(max = 100) String token) {
        personalData.withdraw(id, purpose, token);
        return ResponseEntity.noContent().build();
    }
}
