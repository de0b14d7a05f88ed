package de.augenhoehe.vacancy.posting;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;
import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.employers.MemberCompanies.Membership;
import de.augenhoehe.vacancy.posting.Postings.CloseReason;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/**
 * What an ended membership does to published postings (README table): when a company's <b>last</b> open membership
 * ends, its published postings are withdrawn at the date of the ending step, detail "membership ended"; drafts stay.
 * A suspension takes nothing offline (the right to post is checked on every write, so nothing is needed here).
 *
 * <p>The platform does not order two handlers of one event, so this one does not rely on the membership projection
 * having applied the step: it judges from the event itself plus the stored memberships of the <em>other</em>
 * networks. A stale ending step — the projection already holds a later step of that network — takes nothing offline.
 */
@Component
class MembershipEffects implements EventHandler {

    static final String ENDED = "augenhoehe.partner.membership-ended.v1";
    static final String MEMBERSHIP_ENDED = "membership ended";
    private static final Logger log = LoggerFactory.getLogger(MembershipEffects.class);

    private final PostingStore store;
    private final PostingEvents events;
    private final MemberCompanies members;

    MembershipEffects(PostingStore store, PostingEvents events, MemberCompanies members) {
        this.store = store;
        this.events = events;
        this.members = members;
    }

    record MembershipEnded(String partnerId, String networkId, String occurredAt) {
    }

    @Override
    public String topic() {
        return "partner-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ENDED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        MembershipEnded m = event.dataAs(MembershipEnded.class);
        UUID partner, network;
        Instant endedAt;
        try {
            partner = UUID.fromString(m.partnerId());
            network = UUID.fromString(m.networkId());
            endedAt = Instant.parse(m.occurredAt());
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UnreadableEventException("partner event " + event.id() + " (" + event.type() + ") lacks partnerId, networkId or occurredAt", e);
        }
        List<Membership> memberships = members.membershipsOf(partner);
        // stale: the projection holds a later step of this network, or another step at the same time (which it kept)
        boolean stale = memberships.stream().anyMatch(ms -> ms.networkId().equals(network)
                && (ms.since().isAfter(endedAt) || ms.since().equals(endedAt) && ms.status() != MemberCompanies.Status.ENDED));
        boolean openElsewhere = memberships.stream().anyMatch(ms -> !ms.networkId().equals(network)
                && (ms.status() == MemberCompanies.Status.ACTIVE || ms.status() == MemberCompanies.Status.SUSPENDED));
        if (stale || openElsewhere) {
            return;
        }
        List<Posting> online = store.publishedOf(partner);
        for (Posting p : online) {
            store.close(p.id(), null, CloseReason.WITHDRAWN, MEMBERSHIP_ENDED, endedAt, EnumSet.of(Status.PUBLISHED))
                    .flatMap(closed -> PostingEvents.closed(closed, List.of(), endedAt)).ifPresent(events::publish);
        }
        if (!online.isEmpty()) {
            log.info("Membership ended: {} published postings of partner {} withdrawn", online.size(), partner);
        }
    }
}
