package de.augenhoehe.vacancy.posting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.posting.Postings.CloseReason;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;
import de.augenhoehe.vacancy.referencedata.ReferenceData;

/**
 * The rules every write to a posting keeps, whether a person names it by id ({@link PostingLifecycle}) or an HR system
 * by its external id ({@link PostingSync}): the company's right to post (README, "What a membership means for
 * postings"), its own postings only, optimistic locking, which status may become which, and closing. Runs in the
 * caller's transaction.
 */
@Component
class PostingRules {

    /** Dates of postings (valid-through, expiry) are days in Germany. */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Set<Status> OPEN = EnumSet.of(Status.DRAFT, Status.PUBLISHED);
    static final ProblemType NOT_AN_ACTIVE_MEMBER = ProblemType.of(HttpStatus.FORBIDDEN, "not-an-active-member",
            "Keine aktive Mitgliedschaft / Not an active member");

    private final PostingStore store;
    private final PostingEvents events;
    private final MemberCompanies members;
    private final ReferenceData reference;
    private final Clock clock;

    PostingRules(PostingStore store, PostingEvents events, MemberCompanies members, ReferenceData reference, Clock clock) {
        this.store = store;
        this.events = events;
        this.members = members;
        this.reference = reference;
        this.clock = clock;
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    LocalDate today() {
        return today(clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** The content checks of one request or batch (they cache reference-data lookups). */
    ContentRules contentRules() {
        return new ContentRules(reference, today(clock));
    }

    void requireCanPost(UUID employerId) {
        if (employerId == null || !members.canPost(employerId)) {
            throw NOT_AN_ACTIVE_MEMBER.exception("Only companies with an active network membership may create, change or publish postings");
        }
    }

    /** A posting of this company; anyone else's is "not found" (its existence is not revealed). */
    Posting own(UUID employerId, UUID id) {
        return store.find(id).filter(p -> p.employerId().equals(employerId))
                .orElseThrow(() -> ProblemException.notFound("Posting " + id));
    }

    /**
     * Closes the company's posting — withdrawn from draft or published, filled from published only — and publishes
     * {@code closed.v1} when it was ever public. {@code detail} is the company's reason: kept, never sent in events.
     */
    Posting close(Posting p, Long expectedVersion, CloseReason reason, String detail) {
        checkVersion(p, expectedVersion);
        Set<Status> from = reason == CloseReason.FILLED ? EnumSet.of(Status.PUBLISHED) : OPEN;
        if (!from.contains(p.status())) {
            throw notOpen(p, "A posting in status " + p.status() + " cannot be " + (reason == CloseReason.FILLED ? "marked filled" : "withdrawn"));
        }
        Instant now = now();
        Posting closed = store.close(p.id(), expectedVersion, reason, clean(detail), now, from).orElseThrow(PostingRules::stale);
        PostingEvents.closed(closed, events.networks(closed.employerId()), now).ifPresent(events::publish);
        return closed;
    }

    static void checkVersion(Posting p, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != p.version()) {
            throw stale();
        }
    }

    /** The reason a company gives for closing: plain text, at most 500 characters (never sent in events). */
    private static String clean(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        if (detail.length() > PostingCommands.MAX_REASON || detail.indexOf('<') >= 0 || detail.indexOf('>') >= 0) {
            throw ContentRules.failed(List.of(ContentRules.error("reason", "plain text of at most 500 characters")));
        }
        return detail.strip();
    }

    static ProblemException stale() {
        return ProblemType.PRECONDITION_FAILED.exception("The posting was changed since you read it; read it again and retry");
    }

    /** 409 {@code posting-<status>}: the posting is not in a status that allows this. */
    static ProblemException notOpen(Posting p, String detail) {
        return ProblemException.conflict("posting-" + p.status().name().toLowerCase(Locale.ROOT), detail);
    }
}
