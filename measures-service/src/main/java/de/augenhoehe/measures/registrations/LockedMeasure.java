package de.augenhoehe.measures.registrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * A measure's places, read under its row lock ({@code select … for update}) for the rest of the transaction.
 *
 * <p>Why a row lock rather than only an atomic {@code update … where confirmed_places + n <= capacity}: the
 * conditional update would keep the count right, but the waiting list needs more than the count — a waitlist
 * position, promotion in order on cancellation, the switch between OPEN and FULL. The lock serialises every change
 * to one measure's places across all instances (the database is the only thing they share), so each of these
 * decisions sees a consistent state. Only registrations of the same measure wait for each other, and only for one
 * short transaction. The check constraint on {@code confirmed_places} stays as a net under the code.
 */
record LockedMeasure(UUID id, String status, Integer capacity, Instant opensAt, Instant closesAt, int confirmedPlaces) {

    static final ProblemType REGISTRATION_CLOSED = ProblemType.of(HttpStatus.CONFLICT, "registration-closed",
            "Anmeldung geschlossen / Registration closed");

    static LockedMeasure lock(JdbcTemplate jdbc, UUID id) {
        return select(jdbc, id, "for update").orElseThrow(() -> ProblemException.notFound("Measure " + id));
    }

    /** The lock if nobody else holds it now, else empty: for background work that may come back later. */
    static Optional<LockedMeasure> tryLock(JdbcTemplate jdbc, UUID id) {
        return select(jdbc, id, "for update skip locked");
    }

    private static Optional<LockedMeasure> select(JdbcTemplate jdbc, UUID id, String lock) {
        return jdbc.query("""
                select id, status, capacity, registration_opens_at, registration_closes_at, confirmed_places
                from measure where id = ?\s""" + lock,
                (rs, n) -> new LockedMeasure(rs.getObject(1, UUID.class), rs.getString(2), (Integer) rs.getObject(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getInt(6)), id)
                .stream().findFirst();
    }

    /** Refuses a registration the measure cannot take now: cancelled, not (yet or any more) open, or a group too large. */
    void checkAccepts(int places, Instant now) {
        if ("CANCELLED".equals(status)) {
            throw ProblemException.conflict("measure-cancelled", "The measure was cancelled; registrations are not possible");
        }
        boolean openStatus = "OPEN".equals(status) || "FULL".equals(status);
        if (!openStatus || (opensAt != null && now.isBefore(opensAt))) {
            if ("RUNNING".equals(status) || "COMPLETED".equals(status)) {
                throw closed();
            }
            throw ProblemException.conflict("registration-not-open", "Registration for this measure has not opened");
        }
        if (closesAt != null && !now.isBefore(closesAt)) {
            throw closed();
        }
        if (places > capacity) {
            throw ProblemException.invalid("group-exceeds-capacity",
                    "The group needs " + places + " places, the measure has " + capacity + " in all");
        }
    }

    int freePlaces() {
        return capacity - confirmedPlaces;
    }

    private static ProblemException closed() {
        return REGISTRATION_CLOSED.exception("Registration for this measure has closed");
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
