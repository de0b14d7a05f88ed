package de.augenhoehe.measures.registrations;

import java.util.UUID;

/**
 * The answer to a registration. {@code cancellationToken} is present only in the first answer (201): afterwards only
 * its hash exists, so a replay by Idempotency-Key (200) carries the same registration without it.
 */
record Registered(UUID id, UUID measureId, Status status, int places, Integer waitlistPosition, String cancellationToken) {

    enum Status { CONFIRMED, WAITLISTED, CANCELLED }
}
