package de.augenhoehe.measures.registrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /** A registration with its first answer, or the replay of an earlier one. */
    record Outcome(Registered registration, boolean created) {
    }

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final WaitingList waitingList;

    Registrations(JdbcTemplate jdbc, EventPublisher events, WaitingList waitingList) {
        this.jdbc = jdbc;
        this.events = events;
        this.waitingList = waitingList;
    }

    @Transactional
    Outcome register(RegistrationRequest request, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            // Claimed before the measure is locked: a concurrent retry with the same key blocks here on the unique
            // key until the first commits (then it replays it) or rolls back (then it goes on as the first).
            int claimed = jdbc.update("""
                    insert into registration_idempotency (idempotency_key, request_hash, registration_id) values (?, ?, ?)
                    on conflict (idempotency_key) do nothing""", idempotencyKey, request.fingerprint(), id);
            if (claimed == 0) {
                return new Outcome(replay(idempotencyKey, request), false);
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
                    target_group)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, measure.id(), request.name().strip(), request.email().strip(), request.sendingPartnerId(), places,
                confirmed ? "CONFIRMED" : "WAITLISTED", CancellationTokens.hash(token), Timestamp.from(now),
                confirmed ? Timestamp.from(now) : null, request.targetGroup() == null ? null : request.targetGroup().name());
        int confirmedPlaces = measure.confirmedPlaces() + (confirmed ? places : 0);
        if (confirmed) {
            waitingList.setConfirmedPlaces(measure, confirmedPlaces);
        }
        events.publish(confirmed ? RegistrationEvent.CONFIRMED : RegistrationEvent.WAITLISTED, measure.id().toString(),
                new RegistrationEvent(id.toString(), measure.id().toString(), places, str(request.sendingPartnerId()),
                        confirmedPlaces, measure.capacity(), now));
        log.info("Registration {} for measure {}: {} place(s) {}", id, measure.id(), places, confirmed ? "confirmed" : "waitlisted");
        return new Outcome(read(id, token), true);
    }

    /** The registration an Idempotency-Key already stands for; 422 if the key came with a different request. */
    private Registered replay(String key, RegistrationRequest request) {
        var earlier = jdbc.queryForMap("select request_hash, registration_id from registration_idempotency where idempotency_key = ?", key);
        if (!Arrays.equals((byte[]) earlier.get("request_hash"), request.fingerprint())) {
            throw ProblemException.invalid("idempotency-key-reused",
                    "This Idempotency-Key was used for a different registration; use a new key for a new registration");
        }
        return read((UUID) earlier.get("registration_id"), null);
    }

    /**
     * Cancels with the secret token and frees the places for the waiting list. Unknown id and wrong token are the
     * same 404, so the endpoint does not tell which registrations exist. A second cancellation changes nothing.
     */
    @Transactional
    void cancel(UUID id, String token) {
        record Secret(UUID measure, byte[] tokenHash) {
        }
        Secret secret = jdbc.query("select measure_id, token_hash from registration where id = ?",
                (rs, n) -> new Secret(rs.getObject(1, UUID.class), rs.getBytes(2)), id).stream().findFirst()
                .filter(s -> CancellationTokens.matches(token, s.tokenHash()))
                .orElseThrow(() -> ProblemException.notFound("Registration " + id));
        LockedMeasure measure = LockedMeasure.lock(jdbc, secret.measure());
        // Read again under the lock: a concurrent cancellation or promotion may have changed the status meanwhile.
        var reg = jdbc.queryForMap("select status, places, sending_partner_id from registration where id = ?", id);
        String status = (String) reg.get("status");
        if ("CANCELLED".equals(status)) {
            return;
        }
        Instant now = Instant.now();
        int places = (Integer) reg.get("places");
        jdbc.update("update registration set status = 'CANCELLED', cancelled_at = ? where id = ?", Timestamp.from(now), id);
        int confirmedPlaces = measure.confirmedPlaces() - ("CONFIRMED".equals(status) ? places : 0);
        events.publish(RegistrationEvent.CANCELLED, measure.id().toString(), new RegistrationEvent(id.toString(),
                measure.id().toString(), places, str(reg.get("sending_partner_id")), confirmedPlaces, measure.capacity(), now));
        if ("CONFIRMED".equals(status)) {
            waitingList.promote(measure, confirmedPlaces, now);
        }
        log.info("Registration {} for measure {} cancelled", id, measure.id());
    }

    Registered read(UUID id, String token) {
        return jdbc.queryForObject("select measure_id, status, places, seq from registration where id = ?", (rs, n) -> {
            var status = Registered.Status.valueOf(rs.getString("status"));
            UUID measure = rs.getObject("measure_id", UUID.class);
            Integer position = status == Registered.Status.WAITLISTED ? waitingList.position(measure, rs.getLong("seq")) : null;
            return new Registered(id, measure, status, rs.getInt("places"), position, token);
        }, id);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
