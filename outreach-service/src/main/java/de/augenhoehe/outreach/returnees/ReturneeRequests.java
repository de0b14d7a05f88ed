package de.augenhoehe.outreach.returnees;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import de.augenhoehe.platform.validation.BoundedPattern;

/** The shapes of the returnees API. */
final class ReturneeRequests {

    private ReturneeRequests() {
    }

    enum Interest { JOB, APPRENTICESHIP, HOUSING, CHILDCARE, SCHOOLS, RETURNEE_EVENTS }

    /** What a consent is for; MATCHING is required to sign up, the two ways of contact are optional. */
    enum Purpose { MATCHING, MATCH_NOTIFICATIONS, NETWORK_CONTACT }

    record ConsentGiven(@NotNull Purpose purpose, @NotBlank @Size(max = 64) String textVersion) {
    }

    /**
     * A sign-up from the landing page. {@code occupation} is a KldB 2010 code: 5 digits (an occupation) or 3 digits
     * (an occupation group). {@code code} is the tracking code the person came from; without one, {@code networkId}
     * says which network's page they used.
     */
    record SignUp(@NotBlank @Size(max = 100) @PersonName String firstName, @NotBlank @Size(max = 100) @PersonName String lastName,
            @NotBlank @Size(max = 254) @Email @BoundedPattern(regexp = BoundedPattern.EMAIL, max = 254, message = "must be an e-mail address") String email,
            @Size(max = 30) @BoundedPattern(regexp = "\\+?[0-9 ()/-]{5,30}", max = 30) String phone,
            @NotBlank @Size(max = 200) String currentPlace,
            @BoundedPattern(regexp = "[0-9]{5}", max = 5) String returnPostalCode,
            @NotNull @BoundedPattern(regexp = "[0-9]{3}([0-9]{2})?", max = 5, message = "must be a KldB 2010 code of 5 digits or a group of 3") String occupation,
            @Size(max = 500) String qualification, LocalDate earliestReturn,
            @NotEmpty @Size(max = 20) Set<@NotNull Interest> interests,
            @Size(max = 32) String code, UUID networkId,
            @NotEmpty @Size(max = 3) List<@NotNull @Valid ConsentGiven> consents) {
    }

    /**
     * A person's correction of their own profile (Art. 16). Not the e-mail address — a new address needs its own
     * double opt-in (sign up again) — and not the consents, which are withdrawn one by one.
     */
    record Correction(@NotBlank @Size(max = 100) @PersonName String firstName, @NotBlank @Size(max = 100) @PersonName String lastName,
            @Size(max = 30) @BoundedPattern(regexp = "\\+?[0-9 ()/-]{5,30}", max = 30) String phone,
            @NotBlank @Size(max = 200) String currentPlace,
            @BoundedPattern(regexp = "[0-9]{5}", max = 5) String returnPostalCode,
            @NotNull @BoundedPattern(regexp = "[0-9]{3}([0-9]{2})?", max = 5, message = "must be a KldB 2010 code of 5 digits or a group of 3") String occupation,
            @Size(max = 500) String qualification, LocalDate earliestReturn,
            @NotEmpty @Size(max = 20) Set<@NotNull Interest> interests) {
    }

    record Accepted(String status, String detail) {
    }

    record Confirmation(@NotBlank @Size(max = 100) String token) {
    }

    /**
     * A confirmed sign-up; {@code matches} are the person's matches made at this moment (as in the Art. 15 export:
     * {@code vacancies}, {@code measures}), so the landing page can show them right away.
     */
    record Confirmed(UUID returneeId, String status, Object matches) {
    }

    /**
     * What the landing page may show about the campaign of a tracking code: nothing but its public face (no goal,
     * budget or rationale, which are the coordinators').
     */
    record CampaignMessage(String code, UUID campaignId, UUID networkId, String title, String area, boolean open) {
    }

    record ConsentText(String version, Purpose purpose, String text, LocalDate validFrom) {
    }

    /** What a coordinator sees of a confirmed returnee: no more than needed; the e-mail only with NETWORK_CONTACT. */
    record ReturneeSummary(UUID id, UUID networkId, UUID campaignId, UUID batchId, String firstName, String occupation,
            String region, Set<Interest> interests, LocalDate earliestReturn, String email, Instant confirmedAt,
            Instant returnedAt, Instant hiredAt) {
    }

    record Hire(@NotNull UUID employerId) {
    }

    record Export(Map<String, Object> profile, List<Map<String, Object>> consents, List<Map<String, Object>> mails,
            Map<String, Object> heldElsewhere) {
    }
}
