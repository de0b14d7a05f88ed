package de.augenhoehe.measures.participants;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.measures.management.MeasureRights;
import de.augenhoehe.measures.participants.ParticipantViews.Attendance;
import de.augenhoehe.measures.participants.ParticipantViews.AttendanceRecorded;
import de.augenhoehe.measures.participants.ParticipantViews.CheckIn;
import de.augenhoehe.measures.participants.ParticipantViews.Export;
import de.augenhoehe.measures.participants.ParticipantViews.OutcomeRecorded;
import de.augenhoehe.measures.participants.ParticipantViews.OutcomeRequest;
import de.augenhoehe.measures.participants.ParticipantViews.Participant;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.ProblemException;

/**
 * Hosts' and coordinators' view of a measure's participants: check-in per session, outcomes, and a participant's
 * data export and erasure. A measure the caller does not manage is "not found" here, whatever exists.
 */
@Service
class Participants {

    private static final Logger log = LoggerFactory.getLogger(Participants.class);
    /** What an erased name and e-mail read as: the registration stays, so counts and places stay right. */
    static final String ERASED = "[gelöscht]";

    record Measure(UUID id, UUID networkId, UUID hostPartnerId, String status) {
    }

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    Participants(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The measure if the actor manages it; 404 otherwise (registrations are nobody else's business). */
    Measure managed(Actor actor, UUID id) {
        return jdbc.query("select id, network_id, host_partner_id, status from measure where id = ?",
                        (rs, n) -> new Measure(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getString(4)), id).stream()
                .filter(m -> m.networkId() != null && MeasureRights.mayManage(actor, m.networkId(), m.hostPartnerId()))
                .findFirst().orElseThrow(() -> ProblemException.notFound("Measure " + id));
    }

    /** One page of the measure's registrations in order of arrival: two queries, whatever the page holds. */
    List<Participant> list(Actor actor, UUID measure, int page, int size) {
        managed(actor, measure);
        return participants("r.measure_id = ? order by r.seq limit ? offset ?", measure, size, (long) page * size);
    }

    /** The registrations of a condition on {@code r} (with its order and limit), with their attendance fetched at once. */
    private List<Participant> participants(String condition, Object... args) {
        record Row(UUID id, String name, String email, int places, String status, String targetGroup, UUID sender,
                Instant registeredAt, String outcome, UUID employer, boolean erased) {
        }
        List<Row> rows = jdbc.query("""
                select r.id, r.name, r.email, r.places, r.status, r.target_group, r.sending_partner_id, r.registered_at,
                       o.outcome, o.employer_partner_id, r.erased_at
                from registration r left join outcome o on o.registration_id = r.id
                where\s""" + condition,
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, UUID.class), rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getObject(10, UUID.class), rs.getTimestamp(11) != null), args);
        Map<UUID, List<Attendance>> attendance = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.query("""
                    select a.registration_id, a.session_id, s.day, a.attended from attendance a join measure_session s on s.id = a.session_id
                    where a.registration_id = any(?) order by s.day, s.start_time""",
                    (RowCallbackHandler) rs -> attendance.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Attendance(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), rs.getBoolean(4))),
                    (Object) rows.stream().map(Row::id).toArray(UUID[]::new));
        }
        return rows.stream().map(r -> new Participant(r.id(), r.name(), r.email(), r.places(), r.status(), r.targetGroup(),
                r.sender(), r.registeredAt(), attendance.getOrDefault(r.id(), List.of()), r.outcome(), r.employer(), r.erased())).toList();
    }

    @Transactional
    List<Participant> checkIn(Actor actor, UUID measureId, UUID session, List<CheckIn> records) {
        Measure m = managed(actor, measureId);
        if (!List.of("OPEN", "FULL", "RUNNING", "COMPLETED").contains(m.status())) {
            throw ProblemException.conflict("measure-not-running", "Attendance is recorded for measures that take place, not " + m.status());
        }
        if (jdbc.queryForList("select 1 from measure_session where id = ? and measure_id = ?", Integer.class, session, measureId).isEmpty()) {
            throw ProblemException.notFound("Session " + session);
        }
        if (records.stream().map(CheckIn::registrationId).distinct().count() != records.size()) {
            throw ProblemException.invalid("duplicate-registration", "Each registration may appear once per check-in");
        }
        Instant now = Instant.now();
        for (CheckIn c : records) {
            String targetGroup = confirmedParticipant(measureId, c.registrationId());
            Boolean before = jdbc.queryForList("select attended from attendance where session_id = ? and registration_id = ?",
                    Boolean.class, session, c.registrationId()).stream().findFirst().orElse(null);
            if (Objects.equals(before, c.attended())) {
                continue; // recorded already: no second event
            }
            jdbc.update("""
                    insert into attendance (session_id, registration_id, attended, recorded_at) values (?, ?, ?, ?)
                    on conflict (session_id, registration_id) do update set attended = excluded.attended, recorded_at = excluded.recorded_at""",
                    session, c.registrationId(), c.attended(), Timestamp.from(now));
            events.publish(AttendanceRecorded.TYPE, measureId.toString(), new AttendanceRecorded(measureId.toString(),
                    session.toString(), m.networkId().toString(), targetGroup, c.attended(), now));
        }
        log.info("Attendance for session {} of measure {}: {} record(s)", session, measureId, records.size());
        // the records of this request only (at most 500): the whole list is paged (list)
        return participants("r.measure_id = ? and r.id = any(?) order by r.seq", measureId,
                records.stream().map(CheckIn::registrationId).distinct().toArray(UUID[]::new));
    }

    @Transactional
    Participant outcome(Actor actor, UUID measureId, UUID registration, OutcomeRequest request) {
        Measure m = managed(actor, measureId);
        String targetGroup = confirmedParticipant(measureId, registration);
        var before = jdbc.queryForList("select outcome, employer_partner_id from outcome where registration_id = ?", registration);
        boolean same = !before.isEmpty() && request.outcome().name().equals(before.get(0).get("outcome"))
                && Objects.equals(request.employerPartnerId(), before.get(0).get("employer_partner_id"));
        if (!same) {
            Instant now = Instant.now();
            jdbc.update("""
                    insert into outcome (registration_id, outcome, employer_partner_id, recorded_at) values (?, ?, ?, ?)
                    on conflict (registration_id) do update set outcome = excluded.outcome,
                        employer_partner_id = excluded.employer_partner_id, recorded_at = excluded.recorded_at""",
                    registration, request.outcome().name(), request.employerPartnerId(), Timestamp.from(now));
            UUID sender = jdbc.queryForObject("select sending_partner_id from registration where id = ?", UUID.class, registration);
            events.publish(OutcomeRecorded.TYPE, measureId.toString(), new OutcomeRecorded(measureId.toString(),
                    m.networkId().toString(), m.hostPartnerId().toString(), str(sender), str(request.employerPartnerId()),
                    targetGroup, request.outcome().name(), now));
        }
        return participants("r.id = ?", registration).getFirst();
    }

    /** The registration's target group, if it is a confirmed participant of the measure; else 404 / 409. */
    private String confirmedParticipant(UUID measure, UUID registration) {
        var row = jdbc.queryForList("select status, target_group from registration where id = ? and measure_id = ? for update",
                registration, measure);
        if (row.isEmpty()) {
            throw ProblemException.notFound("Registration " + registration);
        }
        if (!"CONFIRMED".equals(row.get(0).get("status"))) {
            throw ProblemException.conflict("not-a-participant", "Registration " + registration + " is " + row.get(0).get("status")
                    + ", not a confirmed participant");
        }
        return (String) row.get(0).get("target_group");
    }

    Export export(UUID registration) {
        return jdbc.query("""
                select r.id, r.measure_id, m.title, r.name, r.email, r.places, r.status, r.target_group, r.sending_partner_id,
                       r.registered_at, r.confirmed_at, r.cancelled_at, r.erased_at, o.outcome, o.employer_partner_id
                from registration r join measure m on m.id = r.measure_id left join outcome o on o.registration_id = r.id
                where r.id = ?""",
                (rs, n) -> new Export(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13)), attendance(registration), rs.getString(14), rs.getObject(15, UUID.class)),
                registration).stream().findFirst().orElseThrow(() -> ProblemException.notFound("Registration " + registration));
    }

    /**
     * Erases name and e-mail (Art. 17 GDPR); the registration itself stays with its places, status, target group,
     * attendance and outcome, so no count changes. Erasing twice changes nothing.
     */
    @Transactional
    void erase(UUID registration) {
        int n = jdbc.update("update registration set name = ?, email = ?, erased_at = coalesce(erased_at, now()) where id = ?",
                ERASED, ERASED, registration);
        if (n == 0) {
            throw ProblemException.notFound("Registration " + registration);
        }
        log.info("Personal data of registration {} erased", registration);
    }

    void checkBelongs(UUID measure, UUID registration) {
        if (jdbc.queryForList("select 1 from registration where id = ? and measure_id = ?", Integer.class, registration, measure).isEmpty()) {
            throw ProblemException.notFound("Registration " + registration);
        }
    }

    private List<Attendance> attendance(UUID registration) {
        return jdbc.query("""
                select a.session_id, s.day, a.attended from attendance a join measure_session s on s.id = a.session_id
                where a.registration_id = ? order by s.day, s.start_time""",
                (rs, n) -> new Attendance(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getBoolean(3)), registration);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
