package de.augenhoehe.vacancy.posting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.events.EventPublisher.Event;
import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.posting.Postings.Posting;

/**
 * The events of vacancy-events (agreed contract, see common rules): what the monitor, the give-and-gain ledger and
 * returnee matching need — occupation, place, type, agency flag, dates. Never texts, contacts or persons.
 */
@Component
class PostingEvents {

    static final String PUBLISHED = "augenhoehe.vacancy.published.v1";
    static final String UPDATED = "augenhoehe.vacancy.updated.v1";
    static final String CLOSED = "augenhoehe.vacancy.closed.v1";

    record Published(UUID vacancyId, UUID employerId, List<UUID> networkIds, String type, String kldb, String occupationGroup,
            String postalCode, String kreis, double latitude, double longitude, LocalDate startDate, LocalDate validThrough,
            int openings, String workingTime, boolean temporaryAgency, Instant publishedAt, Instant occurredAt) {
    }

    record Closed(UUID vacancyId, UUID employerId, List<UUID> networkIds, String type, String kldb, String occupationGroup,
            String kreis, boolean temporaryAgency, int openings, String reason, String detail, Instant publishedAt,
            Instant closedAt, Instant occurredAt) {
    }

    private final EventPublisher publisher;
    private final MemberCompanies members;

    PostingEvents(EventPublisher publisher, MemberCompanies members) {
        this.publisher = publisher;
        this.members = members;
    }

    /** A draft published, or a posting created published by the integration API. */
    static Event published(Posting p, List<UUID> networkIds, Instant now) {
        return new Event(PUBLISHED, p.id().toString(), open(p, networkIds, now));
    }

    /** A published posting changed. */
    static Event updated(Posting p, List<UUID> networkIds, Instant now) {
        return new Event(UPDATED, p.id().toString(), open(p, networkIds, now));
    }

    /** Only a posting that was ever public has a vacancy time to close; a withdrawn draft publishes nothing. */
    static Optional<Event> closed(Posting p, List<UUID> networkIds, Instant now) {
        if (p.publishedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(new Event(CLOSED, p.id().toString(), new Closed(p.id(), p.employerId(), networkIds, p.type().name(),
                p.kldb(), p.occupationGroup(), p.kreis(), p.temporaryAgency(), p.openings(), p.closeReason().name(),
                systemDetail(p.closeDetail()), p.publishedAt(), p.closedAt(), now)));
    }

    /** Into the outbox, in the caller's transaction. */
    void publish(Event event) {
        publisher.publish(event.type(), event.subject(), event.data());
    }

    /** A batch's events as one outbox batch insert instead of one statement each. */
    void publishAll(List<Event> events) {
        publisher.publishAll(events);
    }

    /**
     * Only the platform's own details travel ("full load", "membership ended"); a company's free-text reason stays in
     * the posting, as it might name a person.
     */
    static String systemDetail(String detail) {
        return detail != null && SYSTEM_DETAILS.contains(detail) ? detail : null;
    }

    static final Set<String> SYSTEM_DETAILS = Set.of(PostingSync.FULL_LOAD, MembershipEffects.MEMBERSHIP_ENDED);

    List<UUID> networks(UUID employerId) {
        return List.copyOf(members.networksOf(employerId));
    }

    private static Published open(Posting p, List<UUID> networkIds, Instant now) {
        return new Published(p.id(), p.employerId(), networkIds, p.type().name(), p.kldb(), p.occupationGroup(), p.postalCode(),
                p.kreis(), p.latitude(), p.longitude(), p.startDate(), p.validThrough(), p.openings(), p.workingTime().name(),
                p.temporaryAgency(), p.publishedAt(), now);
    }
}
