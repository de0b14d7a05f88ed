package de.augenhoehe.measures.registrations;

import java.time.Instant;

/**
 * Data of the {@code augenhoehe.measures.registration-*.v1} events, key = measure id so one measure's places stay in
 * order. Ids and counts only: the person's name and e-mail never leave this service. {@code confirmedPlaces} is the
 * measure's total after the change, so a consumer needs no arithmetic to know how full it is.
 */
record RegistrationEvent(String registrationId, String measureId, int places, String sendingPartnerId, int confirmedPlaces,
        int capacity, Instant occurredAt) {

    static final String CONFIRMED = "augenhoehe.measures.registration-confirmed.v1";
    static final String WAITLISTED = "augenhoehe.measures.registration-waitlisted.v1";
    static final String PROMOTED = "augenhoehe.measures.registration-promoted.v1";
    static final String CANCELLED = "augenhoehe.measures.registration-cancelled.v1";
}
