package de.augenhoehe.measures.management;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.CancellationReason;

/**
 * Data of {@code measure-published.v1} / {@code measure-updated.v1} (agreed field names, common contract): what a
 * consumer needs to place the measure — network, organisations, type, target groups, Kreise, occupation groups,
 * capacity, status, dates. No personal data.
 */
record MeasureEvent(String measureId, String networkId, String hostPartnerId, List<String> coOrganiserIds, String type,
        List<String> targetGroups, List<String> kreise, List<String> occupationGroups, Integer capacity, String status,
        LocalDate firstSessionDate, LocalDate lastSessionDate, Instant occurredAt) {

    static final String PUBLISHED = "augenhoehe.measures.measure-published.v1";
    static final String UPDATED = "augenhoehe.measures.measure-updated.v1";
    static final String CANCELLED = "augenhoehe.measures.measure-cancelled.v1";
    static final String COMPLETED = "augenhoehe.measures.measure-completed.v1";

    /**
     * Data of {@code measure-cancelled.v1} / {@code measure-completed.v1}: participants = confirmed places then;
     * {@code reasonCode} for a cancellation. The host's free-text reason is never on the topic (it may name a person).
     */
    record Ended(String measureId, String networkId, String hostPartnerId, CancellationReason reasonCode, int participants,
            Instant occurredAt) {

        static Ended of(MeasureView m, CancellationReason reasonCode, Instant now) {
            return new Ended(m.id().toString(), m.networkId().toString(), m.hostPartnerId().toString(), reasonCode,
                    m.confirmedPlaces(), now);
        }
    }

    static MeasureEvent of(MeasureView m, Instant now) {
        LocalDate first = m.sessions().stream().map(MeasureView.Session::date).min(LocalDate::compareTo).orElse(null);
        LocalDate last = m.sessions().stream().map(MeasureView.Session::date).max(LocalDate::compareTo).orElse(null);
        return new MeasureEvent(m.id().toString(), m.networkId().toString(), m.hostPartnerId().toString(),
                m.coOrganiserIds().stream().map(Object::toString).toList(), m.type(), m.targetGroups(), m.kreise(),
                m.occupationGroups(), m.capacity(), m.status(), first, last, now);
    }
}
