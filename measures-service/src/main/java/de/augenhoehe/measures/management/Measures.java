package de.augenhoehe.measures.management;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.measures.members.NetworkMembers;
import de.augenhoehe.measures.places.PostalCodes;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.CancellationReason;
import de.augenhoehe.measures.registrations.MeasurePlaces;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;

/**
 * Creating, changing and moving measures through their lifecycle. Every change runs in one transaction under the
 * measure's row lock — the lock the registrations take — so a change of capacity or status and a registration never
 * see each other half done; the event goes to the outbox in the same transaction.
 */
@Service
class Measures {

    private static final Logger log = LoggerFactory.getLogger(Measures.class);

    static final ProblemType ILLEGAL_STATUS_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "illegal-status-transition",
            "Unzulässiger Schritt / Illegal step");
    static final ProblemType UNKNOWN_POSTAL_CODE = ProblemType.of(HttpStatus.BAD_REQUEST, "unknown-postal-code",
            "Unbekannte Postleitzahl / Unknown postal code");

    /**
     * The lifecycle. FULL is not a target: it follows from the registrations (OPEN ↔ FULL) and counts as OPEN here.
     */
    static final Map<String, Set<String>> STEPS = Map.of(
            "PLANNED", Set.of("OPEN", "CANCELLED"),
            "OPEN", Set.of("RUNNING", "CANCELLED"),
            "FULL", Set.of("RUNNING", "CANCELLED"),
            "RUNNING", Set.of("COMPLETED", "CANCELLED"),
            "COMPLETED", Set.of(),
            "CANCELLED", Set.of());

    private final MeasureStore store;
    private final NetworkMembers members;
    private final PostalCodes postalCodes;
    private final MeasurePlaces places;
    private final EventPublisher events;

    Measures(MeasureStore store, NetworkMembers members, PostalCodes postalCodes, MeasurePlaces places, EventPublisher events) {
        this.store = store;
        this.members = members;
        this.postalCodes = postalCodes;
        this.places = places;
        this.events = events;
    }

    @Transactional
    MeasureView create(Actor actor, MeasureRequest r) {
        return create(actor, UUID.randomUUID(), r);
    }

    /** With a given id: demo data keeps stable ids so a restart finds what it made. */
    @Transactional
    MeasureView create(Actor actor, UUID id, MeasureRequest r) {
        if (!mayManage(actor, r.networkId(), r.hostPartnerId())) {
            throw forbidden();
        }
        List<String> kreise = check(r);
        Instant now = Instant.now();
        store.insert(id, r, capacity(r), now);
        store.replaceSessions(id, r.sessions(), kreise);
        MeasureView m = store.find(id, false).orElseThrow();
        events.publish(MeasureEvent.PUBLISHED, id.toString(), MeasureEvent.of(m, now));
        log.info("Measure {} created in network {} by host {}", id, r.networkId(), r.hostPartnerId());
        return m;
    }

    @Transactional
    MeasureView update(Actor actor, UUID id, long expectedVersion, MeasureRequest r) {
        MeasureView current = manageable(actor, id);
        if (current.version() != expectedVersion) {
            throw Versions.stale();
        }
        if (!current.networkId().equals(r.networkId()) || !current.hostPartnerId().equals(r.hostPartnerId())) {
            throw ProblemException.invalid("immutable-field", "networkId and hostPartnerId of a measure cannot change");
        }
        if ("COMPLETED".equals(current.status()) || "CANCELLED".equals(current.status())) {
            throw ProblemException.conflict("measure-closed", "A " + current.status().toLowerCase() + " measure cannot be changed");
        }
        List<String> kreise = check(r);
        int capacity = capacity(r);
        if (capacity < current.confirmedPlaces()) {
            throw ProblemException.conflict("capacity-below-registrations",
                    "The measure has " + current.confirmedPlaces() + " confirmed places; capacity cannot be less");
        }
        if (store.hasAttendance(id) && !sameSessions(current, r)) {
            throw ProblemException.conflict("sessions-have-attendance", "Attendance was recorded; the sessions cannot change any more");
        }
        Instant now = Instant.now();
        store.update(id, r, capacity, now);
        if (!sameSessions(current, r)) {
            store.replaceSessions(id, r.sessions(), kreise);
        }
        places.reconcile(id); // more places may confirm waiting registrations; fewer may end FULL
        MeasureView m = store.find(id, false).orElseThrow();
        events.publish(MeasureEvent.UPDATED, id.toString(), MeasureEvent.of(m, now));
        return m;
    }

    @Transactional
    MeasureView move(Actor actor, UUID id, String target, String reason, CancellationReason reasonCode) {
        MeasureView current = manageable(actor, id);
        if (!STEPS.getOrDefault(current.status(), Set.of()).contains(target)) {
            throw ILLEGAL_STATUS_TRANSITION.exception(
                    "A measure cannot go from " + current.status() + " to " + target
                            + ("FULL".equals(target) ? " (FULL follows from the registrations)" : ""),
                    Map.of("from", current.status(), "to", target, "allowed", STEPS.get(current.status()).stream().sorted().toList()));
        }
        if ("OPEN".equals(target) && current.capacity() == null) {
            throw ProblemException.conflict("capacity-missing", "A measure opens for registration only with a capacity");
        }
        Instant now = Instant.now();
        store.setStatus(id, target, reason, now);
        if ("OPEN".equals(target)) {
            places.reconcile(id); // OPEN → FULL at once if the places are taken
        }
        MeasureView m = store.find(id, false).orElseThrow();
        switch (target) {
            // the free-text reason stays here (it may name a person); the topic gets the code only
            case "CANCELLED" -> events.publish(MeasureEvent.CANCELLED, id.toString(), MeasureEvent.Ended.of(m,
                    reasonCode == null ? CancellationReason.OTHER : reasonCode, now));
            case "COMPLETED" -> events.publish(MeasureEvent.COMPLETED, id.toString(), MeasureEvent.Ended.of(m, null, now));
            default -> events.publish(MeasureEvent.UPDATED, id.toString(), MeasureEvent.of(m, now));
        }
        log.info("Measure {} {} → {}", id, current.status(), m.status());
        return m;
    }

    MeasureView read(UUID id) {
        return store.find(id, false).orElseThrow(() -> ProblemException.notFound("Measure " + id));
    }

    /** Locks the measure and checks the actor may manage it: the catalogue is public, so a foreign one is 403. */
    private MeasureView manageable(Actor actor, UUID id) {
        MeasureView m = store.find(id, true).orElseThrow(() -> ProblemException.notFound("Measure " + id));
        if (m.networkId() == null || !mayManage(actor, m.networkId(), m.hostPartnerId())) {
            throw forbidden();
        }
        return m;
    }

    static boolean mayManage(Actor actor, UUID network, UUID host) {
        return MeasureRights.mayManage(actor, network, host);
    }

    /** Everything that is checked across fields and against what this service knows; answers the Kreise of the sessions. */
    private List<String> check(MeasureRequest r) {
        if (!members.isActiveMember(r.hostPartnerId(), r.networkId())) {
            throw ProblemException.invalid("host-not-member", "The host partner is not an active member of the network");
        }
        for (UUID co : r.coOrganisers()) {
            if (co.equals(r.hostPartnerId())) {
                throw invalidInput("The host cannot also be a co-organiser");
            }
            if (!members.isActiveMember(co, r.networkId())) {
                throw ProblemException.invalid("co-organiser-not-member", "Co-organiser " + co + " is not an active member of the network");
            }
        }
        if (r.registrationOpensAt() != null && r.registrationClosesAt() != null
                && !r.registrationOpensAt().isBefore(r.registrationClosesAt())) {
            throw invalidInput("registrationClosesAt must be after registrationOpensAt");
        }
        List<String> kreise = new ArrayList<>();
        for (int i = 0; i < r.sessions().size(); i++) {
            MeasureRequest.Session s = r.sessions().get(i);
            if (!s.endTime().isAfter(s.startTime())) {
                throw invalidInput("sessions[" + i + "]: endTime must be after startTime");
            }
            int n = i;
            kreise.add(postalCodes.kreisOf(s.postalCode()).orElseThrow(() -> UNKNOWN_POSTAL_CODE.exception(
                    "sessions[" + n + "]: postal code " + s.postalCode() + " is unknown")));
        }
        capacity(r);
        return kreise;
    }

    /** The measure's places: as given, or the smallest of the sessions' (everyone attends every session). */
    static int capacity(MeasureRequest r) {
        if (r.capacity() != null) {
            return r.capacity();
        }
        if (r.sessions().stream().anyMatch(s -> s.capacity() == null)) {
            throw invalidInput("capacity is required (for the measure or for every session)");
        }
        return r.sessions().stream().mapToInt(MeasureRequest.Session::capacity).min().orElseThrow();
    }

    private static boolean sameSessions(MeasureView current, MeasureRequest r) {
        if (current.sessions().size() != r.sessions().size()) {
            return false;
        }
        for (int i = 0; i < r.sessions().size(); i++) {
            MeasureView.Session c = current.sessions().get(i);
            MeasureRequest.Session s = r.sessions().get(i);
            if (!c.date().equals(s.date()) || !c.startTime().equals(s.startTime()) || !c.endTime().equals(s.endTime())
                    || !c.postalCode().equals(s.postalCode()) || !c.place().equals(s.place().strip())
                    || !Objects.equals(c.capacity(), s.capacity())) {
                return false;
            }
        }
        return true;
    }

    static ProblemException invalidInput(String detail) {
        return ProblemType.VALIDATION_FAILED.exception(detail);
    }

    private static ProblemException forbidden() {
        return ProblemException.forbidden(
                "Only the host's partner admins and staff and the network's coordinators manage this measure");
    }
}
