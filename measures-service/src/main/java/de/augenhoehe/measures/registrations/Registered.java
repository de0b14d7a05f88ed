package de.augenhoehe.measures.registrations;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a registration. The secret that confirms, cancels and exports it is never in an answer: it reaches
 * the person only by mail, so an address nobody reads holds nothing for long. {@code holdUntil}: an anonymous
 * registration keeps its places (or its position) only until then unless it is confirmed from the mail; null when
 * there is nothing to confirm.
 */
record Registered(UUID id, UUID measureId, Status status, int places, Integer waitlistPosition, Instant holdUntil) {

    enum Status { CONFIRMED, WAITLISTED, CANCELLED }
}
