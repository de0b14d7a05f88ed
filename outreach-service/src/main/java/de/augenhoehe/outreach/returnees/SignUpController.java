package de.augenhoehe.outreach.returnees;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.campaigns.CampaignDirectory;
import de.augenhoehe.outreach.landing.TrackingCodes;
import de.augenhoehe.outreach.landing.TrackingCodes.Attribution;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Accepted;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Confirmation;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Confirmed;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ConsentGiven;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ConsentText;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;
import de.augenhoehe.outreach.returnees.ReturneeRequests.SignUp;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * Sign-up from the landing page and its double opt-in. The answer to a sign-up is the same whether the address is
 * new or already known, and whether its mail limit is used up (no one can probe who signed up); the confirmation
 * mail carries a single-use, expiring link and the personal management link. Nothing about the person is used
 * before the confirmation, and an anonymous sign-up never changes a confirmed person.
 */
@RestController
@RequestMapping("/api/returnees")
@Tag(name = "returnees")
class SignUpController {

    static final String SIGNED_UP = "augenhoehe.outreach.returnee-signed-up.v1";
    static final String CONFIRMED = "augenhoehe.outreach.returnee-confirmed.v1";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final ApplicationEventPublisher local;
    private final TrackingCodes codes;
    private final CampaignDirectory campaigns;
    private final ReturneeMails mails;
    private final Erasure erasure;
    private final MailLimit mailLimit;
    private final Duration linkValidity;

    SignUpController(JdbcTemplate jdbc, EventPublisher events, ApplicationEventPublisher local, TrackingCodes codes,
            CampaignDirectory campaigns, ReturneeMails mails, Erasure erasure, MailLimit mailLimit,
            @Value("${augenhoehe.outreach.confirmation.validity:PT48H}") Duration linkValidity) {
        this.jdbc = jdbc;
        this.events = events;
        this.local = local;
        this.codes = codes;
        this.campaigns = campaigns;
        this.mails = mails;
        this.erasure = erasure;
        this.mailLimit = mailLimit;
        this.linkValidity = linkValidity;
    }

    @GetMapping("/consent-texts")
    @Operation(summary = "The consent texts the landing page shows, with their versions")
    List<ConsentText> consentTexts() {
        return jdbc.query("select * from consent_text order by purpose, valid_from desc", (rs, n) -> new ConsentText(
                rs.getString("version"), Purpose.valueOf(rs.getString("purpose")), rs.getString("body"),
                rs.getObject("valid_from", java.time.LocalDate.class)));
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Sign up as a returnee (public); a confirmation mail follows (double opt-in)",
            description = "Answers 202 alike for a new and an already known address. Requires the MATCHING consent "
                    + "with a known text version; a tracking code (or networkId) attributes the sign-up.")
    ResponseEntity<Accepted> signUp(@Valid @RequestBody SignUp request) {
        Map<Purpose, String> consents = consents(request.consents());
        Attribution attribution = attribution(request);
        UUID network = attribution != null ? attribution.networkId() : request.networkId();
        String email = request.email().strip();
        // Taken first: it also serialises the sign-ups of one address, so the lookup below sees the other's result.
        boolean mail = mailLimit.take(email);
        var known = jdbc.query("select id, status from returnee where network_id = ? and lower(email) = lower(?) "
                + "and status <> 'ERASED' for update", (rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)),
                network, email).stream().findFirst();
        if (known.isPresent() && "CONFIRMED".equals(known.get().getValue())) {
            // An anonymous request never changes a confirmed person: not their data, not their management secret.
            if (mail) {
                mails.alreadySignedUp(known.get().getKey(), email);
            }
            return accepted();
        }
        if (!mail) {
            // Over the address's mail limit: nothing is written or replaced (the last mailed link stays valid), and
            // the answer is the usual one, so the limit tells nobody whether the address is known.
            return accepted();
        }
        String confirmToken = Tokens.create();
        String manageToken = Tokens.create();
        if (known.isPresent()) {
            // A pending sign-up is replaced by the new one: the person may have mistyped something the first time.
            erasure.replacePending(known.get().getKey());
        }
        UUID id = UUID.randomUUID();
        String group = request.occupation().substring(0, 3);
        jdbc.update("""
                insert into returnee (id, network_id, campaign_id, batch_id, status, first_name, last_name, email, phone,
                    current_place, return_postal_code, qualification, occupation, occupation_group, earliest_return,
                    interests, confirmation_hash, confirmation_expires, management_hash)
                values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""",
                id, network, attribution == null ? null : attribution.campaignId(),
                attribution == null ? null : attribution.batchId(), request.firstName().strip(), request.lastName().strip(),
                email, blankToNull(request.phone()), request.currentPlace().strip(), request.returnPostalCode(),
                blankToNull(request.qualification()), request.occupation(), group, request.earliestReturn(),
                "{" + request.interests().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}",
                Tokens.hash(confirmToken), Timestamp.from(Instant.now().plus(linkValidity)), Tokens.hash(manageToken));
        String source = attribution == null ? "landing-page" : "landing-page:" + attribution.code();
        Instant now = Instant.now();
        consents.forEach((purpose, version) -> jdbc.update("insert into consent (id, returnee_id, purpose, text_version, "
                + "given_at, source) values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, purpose.name(), version,
                Timestamp.from(now), source));
        events.publish(SIGNED_UP, id.toString(), event(id, network, attribution, group));
        mails.confirmation(id, email, confirmToken, manageToken, linkValidity.toHours());
        return accepted();
    }

    @PostMapping("/confirmations")
    @Transactional
    @Operation(summary = "Confirm a sign-up with the token from the mailed link (single use, expiring)")
    Confirmed confirm(@Valid @RequestBody Confirmation confirmation) {
        if (!Tokens.wellFormed(confirmation.token())) {
            throw unknownLink();
        }
        record Pending(UUID id, UUID network, UUID campaign, UUID batch, String group, String status, Instant expires) {
        }
        Pending p = jdbc.query("select id, network_id, campaign_id, batch_id, occupation_group, status, confirmation_expires "
                + "from returnee where confirmation_hash = ? for update", (rs, n) -> new Pending(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()), (Object) Tokens.hash(confirmation.token()))
                .stream().findFirst().orElseThrow(SignUpController::unknownLink);
        if (!"PENDING".equals(p.status())) {
            throw ProblemException.conflict("link-used", "This confirmation link was already used");
        }
        if (p.expires().isBefore(Instant.now())) {
            throw ProblemType.of(HttpStatus.GONE, "link-expired", "Link abgelaufen / Link expired").exception(
                    "This confirmation link has expired; please sign up again");
        }
        jdbc.update("update returnee set status = 'CONFIRMED', confirmed_at = now(), last_activity_at = now() where id = ?", p.id());
        events.publish(CONFIRMED, p.id().toString(), event(p.id(), p.network(),
                p.campaign() == null ? null : new Attribution(null, p.campaign(), p.batch(), p.network()), p.group()));
        local.publishEvent(new Returnees.ProfileConfirmed(p.id()));
        return new Confirmed(p.id(), "CONFIRMED");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Map<Purpose, String> consents(List<ConsentGiven> given) {
        Map<Purpose, String> byPurpose = new LinkedHashMap<>();
        for (ConsentGiven c : given) {
            String purpose = jdbc.query("select purpose from consent_text where version = ?", (rs, n) -> rs.getString(1),
                    c.textVersion()).stream().findFirst().orElseThrow(() -> ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-consent-text", "Einwilligungstext unbekannt / Unknown consent text").exception(
                            "Consent text version '" + c.textVersion() + "' is not known"));
            if (!purpose.equals(c.purpose().name())) {
                throw ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-consent-text", "Einwilligungstext unbekannt / Unknown consent text").exception(
                        "Consent text version '" + c.textVersion() + "' is not a text for " + c.purpose());
            }
            if (byPurpose.put(c.purpose(), c.textVersion()) != null) {
                throw ProblemException.invalid("duplicate-consent", "Consent for " + c.purpose() + " given twice");
            }
        }
        if (!byPurpose.containsKey(Purpose.MATCHING)) {
            throw ProblemException.invalid("consent-missing",
                    "The consent to store and match the profile (MATCHING) is required to sign up");
        }
        return byPurpose;
    }

    private Attribution attribution(SignUp request) {
        if (request.code() != null && !request.code().isBlank()) {
            Attribution a = codes.resolve(request.code()).filter(c -> c.networkId() != null)
                    .orElseThrow(() -> ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-code", "Code unbekannt / Unknown code").exception("The tracking code is not known"));
            if (request.networkId() != null && !request.networkId().equals(a.networkId())) {
                throw ProblemException.invalid("network-mismatch", "The tracking code belongs to another network");
            }
            if (campaigns.find(a.campaignId()).map(c -> "CLOSED".equals(c.status())).orElse(true)) {
                throw ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "campaign-closed", "Aktion beendet / Campaign closed").exception("The campaign of this code is over");
            }
            return a;
        }
        if (request.networkId() == null) {
            throw ProblemException.invalid("network-missing", "A tracking code or a networkId is required");
        }
        return null;
    }

    private static Map<String, Object> event(UUID id, UUID network, Attribution a, String group) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returneeId", id);
        data.put("campaignId", a == null ? null : a.campaignId());
        data.put("batchId", a == null ? null : a.batchId());
        data.put("networkId", network);
        data.put("occupationGroup", group);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    private static ResponseEntity<Accepted> accepted() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("CONFIRMATION_SENT",
                "Bitte bestätigen Sie die Anmeldung über den Link in der E-Mail / Please confirm via the mailed link"));
    }

    private static ProblemException unknownLink() {
        return ProblemType.of(HttpStatus.NOT_FOUND, "unknown-link", "Link unbekannt / Unknown link").exception(
                "This link is not valid");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicSignUp() {
            // Sign-up, confirmation and the returnee's own management endpoints (checked by the personal token).
            return new PublicEndpoints(List.of("/api/returnees/consent-texts"),
                    List.of("/api/returnees", "/api/returnees/confirmations", "/api/returnees/*/export",
                            "/api/returnees/*", "/api/returnees/*/consents/*"));
        }
    }
}
