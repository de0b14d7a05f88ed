package de.augenhoehe.measures.registrations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;

/**
 * Registrations and cancellations. Each is one transaction under the measure's row lock ({@link LockedMeasure}):
 * the registration, the measure's count, promotions and the events commit together or not at all.
 */
@Service
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    /**
     * A registration with its first answer and the secret for the mail ({@code token}, null on a replay), or the
     * replay of an earlier one.
     */
    record Outcome(Registered registration, boolean created, String token) {
    }

    /** What the mail to the person needs: never logged, never on a topic. */
    record Contact(UUID registration, UUID measure, String measureTitle, String email, int places, String status) {
    }

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final WaitingList waitingList;
    private final RegistrationMails mails;
    private final Duration hold;

    Registrations(JdbcTemplate jdbc, EventPublisher events, WaitingList waitingList, RegistrationMails mails,
            @Value("${augenhoehe.measures.registrations.hold:PT2H}") Duration hold) {
        this.jdbc = jdbc;
        this.events = events;
        this.waitingList = waitingList;
        this.mails = mails;
        this.hold = hold;
    }

    /**
     * @param held whether the registration holds its places only until it is confirmed from its mail (anonymous);
     *             false for a signed-in person (partner staff, coordinators) and the demo data
     */
    @Transactional
    Outcome register(RegistrationRequest request, String idempotencyKey, boolean held) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            // Claimed before the measure is locked: a concurrent retry with the same key blocks here on the unique
            // key until the first commits (then it replays it) or rolls back (then it goes on as the first).
            int claimed = jdbc.update("""
                    insert into registration_idempotency (idempotency_key, request_hash, registration_id) values (?, ?, ?)
                    on conflict (idempotency_key) do nothing""", idempotencyKey, request.fingerprint(), id);
            if (claimed == 0) {
                return new Outcome(replay(idempotencyKey, request), false, null);
            }
        }
        Instant now = Instant.now();
        LockedMeasure measure = LockedMeasure.lock(jdbc, request.measureId());
        int places = request.places();
        measure.checkAccepts(places, now);
        // A registration that fits is confirmed even if a larger group waits: the waiting list holds only what did
        // not fit (see WaitingList), so nobody who fits is kept out of free places.
        boolean confirmed = places <= measure.freePlaces();
        String token = CancellationTokens.issue();
        jdbc.update("""
                insert into registration (id, measure_id, name, email, sending_partner_id, places, status, token_hash, registered_at, confirmed_at,
                    target_group, hold_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, measure.id(), request.name().strip(), request.email().strip(), request.sendingPartnerId(), places,
                confirmed ? "CONFIRMED" : "WAITLISTED", CancellationTokens.hash(token), Timestamp.from(now),
                confirmed ? Timestamp.from(now) : null, request.targetGroup() == null ? null : request.targetGroup().name(),
                held ? Timestamp.from(now.plus(hold)) : null);
        int confirmedPlaces = measure.confirmedPlaces() + (confirmed ? places : 0);
        if (confirmed) {
            waitingList.setConfirmedPlaces(measure, confirmedPlaces);
        }
        events.publish(confirmed ? RegistrationEvent.CONFIRMED : RegistrationEvent.WAITLISTED, measure.id().toString(),
                new RegistrationEvent(id.toString(), measure.id().toString(), places, str(request.sendingPartnerId()),
                        confirmedPlaces, measure.capacity(), now));
        log.info("Registration {} for measure {}: {} place(s) {}", id, measure.id(), places, confirmed ? "confirmed" : "waitlisted");
        return new Outcome(read(id), true, token);
    }

    /** The registration an Idempotency-Key already stands for; 422 if the key came with a different request. */
    private Registered replay(String key, RegistrationRequest request) {
        var earlier = jdbc.queryForMap("select request_hash, registration_id from registration_idempotency where idempotency_key = ?", key);
        if (!Arrays.equals((byte[]) earlier.get("request_hash"), request.fingerprint())) {
            throw ProblemException.invalid("idempotency-key-reused",
                    "This Idempotency-Key was used for a different registration; use a new key for a new registration");
        }
        return read((UUID) earlier.get("registration_id"));
    }

    /**
     * Cancels with the secret token and frees the places for the waiting list. Unknown id and wrong token are the
     * same 404, so the endpoint does not tell which registrations exist. A second cancellation changes nothing.
     */
    @Transactional
    void cancel(UUID id, String token) {
        LockedMeasure measure = LockedMeasure.lock(jdbc, proven(id, token));
        end(measure, id, "PERSON", null);
    }

    /**
     * Confirms from the mail: the registration keeps its places (or its waiting-list position) for good. Again is the
     * same; a registration already cancelled or past its hold is 409 (register again).
     */
    @Transactional
    Registered confirm(UUID id, String token) {
        LockedMeasure.lock(jdbc, proven(id, token)); // the sweep releases under the same lock: never both
        var reg = jdbc.queryForMap("select status, hold_until, cancelled_by from registration where id = ?", id);
        Timestamp until = (Timestamp) reg.get("hold_until");
        if ("HOLD_EXPIRED".equals(reg.get("cancelled_by")) || (until != null && !Instant.now().isBefore(until.toInstant()))) {
            throw ProblemException.conflict("registration-expired",
                    "This registration was not confirmed in time and its places were released; please register again");
        }
        if ("CANCELLED".equals(reg.get("status"))) {
            throw ProblemException.conflict("registration-cancelled", "This registration was cancelled; please register again");
        }
        if (until != null) {
            jdbc.update("update registration set hold_until = null, mail_confirmed_at = ? where id = ?", Timestamp.from(Instant.now()), id);
            log.info("Registration {} confirmed from its mail", id);
        }
        return read(id);
    }

    /**
     * The host cancels a registration of its measure (the caller checked who may: {@link HostCancellations}); the
     * person is told by mail in the same transaction, so without the mail nothing changes. The reason is kept here and
     * told the person, never published. A registration already cancelled changes nothing and gets no second mail.
     */
    @Transactional
    void cancelByHost(UUID measureId, UUID id, String reason) {
        LockedMeasure measure = LockedMeasure.lock(jdbc, measureId);
        Contact contact = contact(id).filter(c -> c.measure().equals(measureId))
                .orElseThrow(() -> ProblemException.notFound("Registration " + id));
        if (end(measure, id, "HOST", reason.strip())) {
            mails.cancelledByHost(contact, reason);
        }
    }

    /** Withdraws a registration whose mail could not be sent: nobody could confirm or cancel it. */
    @Transactional
    void withdrawUnmailed(UUID id) {
        UUID measure = jdbc.queryForObject("select measure_id from registration where id = ?", UUID.class, id);
        end(LockedMeasure.lock(jdbc, measure), id, "MAIL_FAILED", null);
        // a retry with the same Idempotency-Key is a new registration, not the replay of a withdrawn one
        jdbc.update("delete from registration_idempotency where registration_id = ?", id);
    }

    /**
     * Releases the registrations of one measure whose hold has passed without confirmation, in the caller's
     * transaction. The measure is claimed with SKIP LOCKED: an instance already at it (or a registration) makes this
     * one move on, and the hold is read again under the lock, so each registration is released exactly once.
     *
     * @return how many were released (0 also when the measure is busy: the next sweep comes back)
     */
    int releaseExpired(UUID measureId, Instant now) {
        Optional<LockedMeasure> measure = LockedMeasure.tryLock(jdbc, measureId);
        if (measure.isEmpty()) {
            return 0;
        }
        List<UUID> expired = jdbc.queryForList("""
                select id from registration where measure_id = ? and status <> 'CANCELLED' and hold_until <= ? order by seq""",
                UUID.class, measureId, Timestamp.from(now));
        LockedMeasure current = measure.get();
        for (UUID id : expired) {
            end(current, id, "HOLD_EXPIRED", null);
            current = LockedMeasure.lock(jdbc, measureId); // re-entered: the count after the release and promotion
        }
        return expired.size();
    }

    /** The measures with registrations past their hold, oldest first. */
    List<UUID> measuresWithExpiredHolds(Instant now, int limit) {
        return jdbc.queryForList("""
                select measure_id from registration where status <> 'CANCELLED' and hold_until <= ?
                group by measure_id order by min(hold_until) limit ?""", UUID.class, Timestamp.from(now), limit);
    }

    /** The measure of a registration if the token is its secret; 404 for a wrong token and an unknown id alike. */
    private UUID proven(UUID id, String token) {
        record Secret(UUID measure, byte[] tokenHash) {
        }
        return jdbc.query("select measure_id, token_hash from registration where id = ?",
                (rs, n) -> new Secret(rs.getObject(1, UUID.class), rs.getBytes(2)), id).stream().findFirst()
                .filter(s -> CancellationTokens.matches(token, s.tokenHash()))
                .orElseThrow(() -> ProblemException.notFound("Registration " + id)).measure();
    }

    /**
     * Ends a registration under its measure's lock and promotes the waiting list for freed places.
     *
     * @return false when it was already cancelled (nothing changes)
     */
    private boolean end(LockedMeasure measure, UUID id, String by, String reason) {
        // Read again under the lock: a concurrent cancellation or promotion may have changed the status meanwhile.
        var reg = jdbc.queryForMap("select status, places, sending_partner_id from registration where id = ?", id);
        String status = (String) reg.get("status");
        if ("CANCELLED".equals(status)) {
            return false;
        }
        Instant now = Instant.now();
        int places = (Integer) reg.get("places");
        jdbc.update("""
                update registration set status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, cancellation_reason = ?,
                    hold_until = null where id = ?""", Timestamp.from(now), by, reason, id);
        int confirmedPlaces = measure.confirmedPlaces() - ("CONFIRMED".equals(status) ? places : 0);
        events.publish(RegistrationEvent.CANCELLED, measure.id().toString(), new RegistrationEvent(id.toString(),
                measure.id().toString(), places, str(reg.get("sending_partner_id")), confirmedPlaces, measure.capacity(), now));
        if ("CONFIRMED".equals(status)) {
            waitingList.promote(measure, confirmedPlaces, now);
        }
        log.info("Registration {} for measure {} cancelled ({})", id, measure.id(), by);
        return true;
    }

    /** The person to tell about a registration; empty for an unknown one. */
    Optional<Contact> contact(UUID id) {
        return jdbc.query("""
                select r.id, r.measure_id, m.title, r.email, r.places, r.status, r.erased_at
                from registration r join measure m on m.id = r.measure_id where r.id = ?""",
                (rs, n) -> new Contact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(7) == null ? rs.getString(4) : null, rs.getInt(5), rs.getString(6)), id)
                .stream().findFirst();
    }

    Registered read(UUID id) {
        return jdbc.queryForObject("select measure_id, status, places, seq, hold_until from registration where id = ?", (rs, n) -> {
            var status = Registered.Status.valueOf(rs.getString("status"));
            UUID measure = rs.getObject("measure_id", UUID.class);
            Integer position = status == Registered.Status.WAITLISTED ? waitingList.position(measure, rs.getLong("seq")) : null;
            Timestamp until = rs.getTimestamp("hold_until");
            return new Registered(id, measure, status, rs.getInt("places"), position, until == null ? null : until.toInstant());
        }, id);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
