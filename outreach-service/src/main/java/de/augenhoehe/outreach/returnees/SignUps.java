package de.augenhoehe.outreach.returnees;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.outreach.campaigns.CampaignDirectory;
import de.augenhoehe.outreach.campaigns.CampaignDirectory.BatchRef;
import de.augenhoehe.outreach.campaigns.CampaignDirectory.CampaignRef;
import de.augenhoehe.outreach.landing.TrackingCodes;
import de.augenhoehe.outreach.landing.TrackingCodes.Attribution;
import de.augenhoehe.outreach.returnees.ReturneeEvents.Origin;
import de.augenhoehe.outreach.returnees.ReturneeRequests.CampaignMessage;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Confirmed;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ConsentGiven;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ConsentText;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;
import de.augenhoehe.outreach.returnees.ReturneeRequests.SignUp;
import de.augenhoehe.outreach.returnees.SignUpStore.Known;
import de.augenhoehe.outreach.returnees.SignUpStore.Pending;
import de.augenhoehe.outreach.returnees.SignUpStore.Secrets;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * The rules of a sign-up and its double opt-in. A sign-up's outcome is not told to the caller (the answer is the same
 * for a new, a known and a limited address); a confirmed person is never changed by an anonymous request; only the
 * confirmation makes a profile usable. Mail and events go in the sign-up's transaction.
 */
@Service
class SignUps {

    static final ProblemType UNKNOWN_CONSENT_TEXT = ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-consent-text",
            "Einwilligungstext unbekannt / Unknown consent text");
    static final ProblemType UNKNOWN_LINK = ProblemType.of(HttpStatus.NOT_FOUND, "unknown-link", "Link unbekannt / Unknown link");
    static final ProblemType LINK_EXPIRED = ProblemType.of(HttpStatus.GONE, "link-expired", "Link abgelaufen / Link expired");
    /** A code on a sign-up is content of the request (422), unlike a scanned one that is not found (404). */
    static final ProblemType UNKNOWN_CODE = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-code", "Code unbekannt / Unknown code");
    static final ProblemType CAMPAIGN_OVER = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "campaign-closed",
            "Aktion beendet / Campaign closed");

    private final SignUpStore store;
    private final ReturneeEvents events;
    private final ApplicationEventPublisher local;
    private final TrackingCodes codes;
    private final CampaignDirectory campaigns;
    private final ReturneeMails mails;
    private final Erasure erasure;
    private final MailLimit mailLimit;
    private final Duration linkValidity;
    private final List<Returnees.PersonalDataHolder> holders;

    SignUps(SignUpStore store, ReturneeEvents events, ApplicationEventPublisher local, TrackingCodes codes,
            CampaignDirectory campaigns, ReturneeMails mails, Erasure erasure, MailLimit mailLimit,
            @Value("${augenhoehe.outreach.confirmation.validity:PT48H}") Duration linkValidity,
            List<Returnees.PersonalDataHolder> holders) {
        this.store = store;
        this.events = events;
        this.local = local;
        this.codes = codes;
        this.campaigns = campaigns;
        this.mails = mails;
        this.erasure = erasure;
        this.mailLimit = mailLimit;
        this.linkValidity = linkValidity;
        this.holders = holders;
    }

    List<ConsentText> consentTexts() {
        return store.consentTexts();
    }

    /** Writes, replaces and mails as the rules say; what happened is deliberately not returned. */
    @Transactional
    void signUp(SignUp request) {
        Map<Purpose, String> consents = consents(request.consents());
        Attribution attribution = attribution(request);
        Origin origin = attribution == null ? new Origin(request.networkId(), null, null)
                : new Origin(attribution.networkId(), attribution.campaignId(), attribution.batchId());
        String email = request.email().strip();
        // Taken first: it also serialises the sign-ups of one address, so the lookup below sees the other's result.
        boolean mail = mailLimit.take(email);
        Optional<Known> known = store.known(origin.network(), email);
        if (known.isPresent() && "CONFIRMED".equals(known.get().status())) {
            // An anonymous request never changes a confirmed person: not their data, not their management secret.
            if (mail) {
                mails.alreadySignedUp(known.get().id(), email);
            }
            return;
        }
        if (!mail) {
            // Over the address's mail limit: nothing is written or replaced (the last mailed link stays valid), and
            // the answer is the usual one, so the limit tells nobody whether the address is known.
            return;
        }
        String confirmToken = Tokens.create();
        String manageToken = Tokens.create();
        if (known.isPresent()) {
            // A pending sign-up is replaced by the new one: the person may have mistyped something the first time.
            erasure.replacePending(known.get().id());
        }
        UUID id = UUID.randomUUID();
        String group = request.occupation().substring(0, 3);
        store.insertPending(id, origin, request, email, group, new Secrets(Tokens.hash(confirmToken),
                Instant.now().plus(linkValidity), Tokens.hash(manageToken)));
        String source = attribution == null ? "landing-page" : "landing-page:" + attribution.code();
        Instant now = Instant.now();
        consents.forEach((purpose, version) -> store.insertConsent(id, purpose, version, now, source));
        events.signedUp(id, origin, group);
        mails.confirmation(id, email, confirmToken, manageToken, linkValidity.toHours());
    }

    @Transactional
    Confirmed confirm(String token) {
        if (!Tokens.wellFormed(token)) {
            throw unknownLink();
        }
        Pending p = store.byConfirmationHash(Tokens.hash(token)).orElseThrow(SignUps::unknownLink);
        if (!"PENDING".equals(p.status())) {
            throw ProblemException.conflict("link-used", "This confirmation link was already used");
        }
        if (p.expires().isBefore(Instant.now())) {
            throw LINK_EXPIRED.exception("This confirmation link has expired; please sign up again");
        }
        store.confirm(p.id());
        events.confirmed(p.id(), p.origin(), p.group());
        local.publishEvent(new Returnees.ProfileConfirmed(p.id()));
        // matching ran in this transaction (the listeners are synchronous): the person sees their matches at once
        Object matches = holders.stream().filter(h -> "matches".equals(h.name())).findFirst().map(h -> h.export(p.id()))
                .orElse(Map.of());
        return new Confirmed(p.id(), "CONFIRMED", matches);
    }

    /** The public face of a tracking code's campaign, for the landing page; an unknown code is not found. */
    CampaignMessage campaignMessage(String code) {
        Attribution a = codes.resolve(code).filter(c -> c.networkId() != null)
                .orElseThrow(() -> ProblemException.notFound("Tracking code"));
        CampaignRef campaign = campaigns.find(a.campaignId()).orElseThrow(() -> ProblemException.notFound("Tracking code"));
        String area = campaigns.batches(a.campaignId()).stream().filter(b -> b.id().equals(a.batchId())).findFirst()
                .map(BatchRef::area).orElse(null);
        return new CampaignMessage(a.code(), campaign.id(), campaign.networkId(), campaign.title(), area,
                "ACTIVE".equals(campaign.status()));
    }

    private Map<Purpose, String> consents(List<ConsentGiven> given) {
        Map<Purpose, String> byPurpose = new LinkedHashMap<>();
        for (ConsentGiven c : given) {
            String purpose = store.consentPurpose(c.textVersion()).orElseThrow(() -> UNKNOWN_CONSENT_TEXT.exception(
                    "Consent text version '" + c.textVersion() + "' is not known"));
            if (!purpose.equals(c.purpose().name())) {
                throw UNKNOWN_CONSENT_TEXT.exception("Consent text version '" + c.textVersion() + "' is not a text for " + c.purpose());
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

    /** The tracking code's campaign, batch and network; null for a sign-up that names only a network. */
    private Attribution attribution(SignUp request) {
        if (request.code() != null && !request.code().isBlank()) {
            Attribution a = codes.resolve(request.code()).filter(c -> c.networkId() != null)
                    .orElseThrow(() -> UNKNOWN_CODE.exception("The tracking code is not known"));
            if (request.networkId() != null && !request.networkId().equals(a.networkId())) {
                throw ProblemException.invalid("network-mismatch", "The tracking code belongs to another network");
            }
            if (campaigns.find(a.campaignId()).map(c -> "CLOSED".equals(c.status())).orElse(true)) {
                throw CAMPAIGN_OVER.exception("The campaign of this code is over");
            }
            return a;
        }
        if (request.networkId() == null) {
            throw ProblemException.invalid("network-missing", "A tracking code or a networkId is required");
        }
        return null;
    }

    private static ProblemException unknownLink() {
        return UNKNOWN_LINK.exception("This link is not valid");
    }
}
