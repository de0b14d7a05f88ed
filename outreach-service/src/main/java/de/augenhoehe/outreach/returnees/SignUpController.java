package de.augenhoehe.outreach.returnees;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.returnees.ReturneeRequests.Accepted;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Confirmation;
import de.augenhoehe.outreach.returnees.ReturneeRequests.CampaignMessage;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Confirmed;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ConsentText;
import de.augenhoehe.outreach.returnees.ReturneeRequests.SignUp;
import de.augenhoehe.platform.security.PublicEndpoints;

/**
 * Sign-up from the landing page and its double opt-in. The answer to a sign-up is the same whether the address is
 * new or already known, and whether its mail limit is used up (no one can probe who signed up); the confirmation
 * mail carries a single-use, expiring link and the personal management link. The rules are {@link SignUps}'.
 */
@RestController
@RequestMapping("/api/returnees")
@Tag(name = "returnees")
class SignUpController {

    private final SignUps signUps;

    SignUpController(SignUps signUps) {
        this.signUps = signUps;
    }

    @GetMapping("/consent-texts")
    @Operation(summary = "The consent texts the landing page shows, with their versions")
    List<ConsentText> consentTexts() {
        return signUps.consentTexts();
    }

    @GetMapping("/campaign-message")
    @Operation(summary = "The public face of a tracking code's campaign (title, the batch's area, open or over) for the landing page",
            description = "An unknown code answers 404. Nothing of the campaign's goal, rationale or budget.")
    CampaignMessage campaignMessage(@RequestParam @Size(max = 32) String code) {
        return signUps.campaignMessage(code);
    }

    @PostMapping
    @Operation(summary = "Sign up as a returnee (public); a confirmation mail follows (double opt-in)",
            description = "Answers 202 alike for a new and an already known address. Requires the MATCHING consent "
                    + "with a known text version; a tracking code (or networkId) attributes the sign-up.")
    @ApiResponse(responseCode = "202", description = "Accepted: a confirmation mail is on its way (for a known address too)")
    @ApiResponse(responseCode = "422", description = "consent-missing, duplicate-consent, network-missing (neither tracking code nor networkId), network-mismatch")
    ResponseEntity<Accepted> signUp(@Valid @RequestBody SignUp request) {
        signUps.signUp(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("CONFIRMATION_SENT",
                "Bitte bestätigen Sie die Anmeldung über den Link in der E-Mail / Please confirm via the mailed link"));
    }

    @PostMapping("/confirmations")
    @Operation(summary = "Confirm a sign-up with the token from the mailed link (single use, expiring)")
    @ApiResponse(responseCode = "200", description = "Confirmed, with the matches")
    @ApiResponse(responseCode = "409", description = "link-used: the link was used already")
    @ApiResponse(responseCode = "410", description = "link-expired: sign up again")
    Confirmed confirm(@Valid @RequestBody Confirmation confirmation) {
        return signUps.confirm(confirmation.token());
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicSignUp() {
            // Sign-up, confirmation and the returnee's own management endpoints (checked by the personal token).
            return new PublicEndpoints(List.of("/api/returnees/consent-texts", "/api/returnees/campaign-message"),
                    List.of("/api/returnees", "/api/returnees/confirmations", "/api/returnees/*/export",
                            "/api/returnees/*", "/api/returnees/*/consents/*"));
        }
    }
}
