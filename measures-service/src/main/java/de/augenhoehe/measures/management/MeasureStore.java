package de.augenhoehe.measures.management;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The measure's rows: {@code measure} and {@code measure_session}. */
@Component
class MeasureStore {

    private final JdbcTemplate jdbc;

    MeasureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The measure, optionally under its row lock (the same lock the registrations take). */
    Optional<MeasureView> find(UUID id, boolean lock) {
        List<MeasureView> found = jdbc.query("""
                select id, network_id, host_partner_id, co_organiser_ids, title, description, type, target_groups, delivery,
                       folded_into, capacity, confirmed_places, registration_opens_at, registration_closes_at, cost_eur, funding,
                       language, occupation_groups, status, status_reason, version
                from measure where id = ?""" + (lock ? " for update" : ""), (rs, n) -> row(rs), id);
        return found.stream().findFirst();
    }

    private MeasureView row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<MeasureView.Session> sessions = sessions(id);
        Integer capacity = (Integer) rs.getObject("capacity");
        int confirmed = rs.getInt("confirmed_places");
        return new MeasureView(id, rs.getObject("network_id", UUID.class), rs.getObject("host_partner_id", UUID.class),
                Arrays.stream((Object[]) rs.getArray("co_organiser_ids").getArray()).map(o -> (UUID) o).toList(),
                rs.getString("title"), rs.getString("description"), rs.getString("type"), strings(rs.getArray("target_groups")),
                rs.getString("delivery"), rs.getString("folded_into"), sessions, capacity, confirmed,
                capacity == null ? null : Math.max(0, capacity - confirmed), instant(rs.getTimestamp("registration_opens_at")),
                instant(rs.getTimestamp("registration_closes_at")), rs.getBigDecimal("cost_eur"), rs.getString("funding"),
                rs.getString("language"), strings(rs.getArray("occupation_groups")),
                sessions.stream().map(MeasureView.Session::kreis).distinct().sorted().toList(), rs.getString("status"),
                rs.getString("status_reason"), rs.getLong("version"));
    }

    List<MeasureView.Session> sessions(UUID measure) {
        return jdbc.query("""
                select id, day, start_time, end_time, postal_code, kreis, place, capacity from measure_session
                where measure_id = ? order by day, start_time, position""",
                (rs, n) -> new MeasureView.Session(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), (Integer) rs.getObject(8)), measure);
    }

    void insert(UUID id, MeasureRequest r, int capacity, Instant now) {
        jdbc.update("""
                insert into measure (id, title, type, starts_on, capacity, registration_opens_at, registration_closes_at, status,
                    network_id, host_partner_id, co_organiser_ids, description, target_groups, occupation_groups, delivery,
                    folded_into, cost_eur, funding, language, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?::uuid[], ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, 0, ?, ?)""",
                id, r.title().strip(), r.type().name(), firstDay(r), capacity, ts(r.registrationOpensAt()),
                ts(r.registrationClosesAt()), r.networkId(), r.hostPartnerId(), array(r.coOrganisers()), r.description(),
                array(r.targetGroups().stream().distinct().toList()), array(r.occupations()), r.delivery().name(),
                r.foldedInto(), r.costEur(), r.funding(), r.lang(), Timestamp.from(now), Timestamp.from(now));
    }

    void update(UUID id, MeasureRequest r, int capacity, Instant now) {
        jdbc.update("""
                update measure set title = ?, type = ?, starts_on = ?, capacity = ?, registration_opens_at = ?,
                    registration_closes_at = ?, co_organiser_ids = ?::uuid[], description = ?, target_groups = ?::text[],
                    occupation_groups = ?::text[], delivery = ?, folded_into = ?, cost_eur = ?, funding = ?, language = ?,
                    version = version + 1, updated_at = ?
                where id = ?""",
                r.title().strip(), r.type().name(), firstDay(r), capacity, ts(r.registrationOpensAt()), ts(r.registrationClosesAt()),
                array(r.coOrganisers()), r.description(), array(r.targetGroups().stream().distinct().toList()),
                array(r.occupations()), r.delivery().name(), r.foldedInto(), r.costEur(), r.funding(), r.lang(),
                Timestamp.from(now), id);
    }

    /**
     * Replaces the sessions. Attendance already recorded for a session that is kept (same date and place) would be lost
     * with a plain replace, so sessions with attendance cannot be removed: the caller checks that first.
     */
    void replaceSessions(UUID measure, List<MeasureRequest.Session> sessions, List<String> kreise) {
        jdbc.update("delete from measure_session where measure_id = ?", measure);
        for (int i = 0; i < sessions.size(); i++) {
            MeasureRequest.Session s = sessions.get(i);
            jdbc.update("""
                    insert into measure_session (id, measure_id, position, day, start_time, end_time, postal_code, kreis, place, capacity)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), measure, i, s.date(), s.startTime(), s.endTime(),
                    s.postalCode(), kreise.get(i), s.place().strip(), s.capacity());
        }
    }

    boolean hasAttendance(UUID measure) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from attendance a join measure_session s on s.id = a.session_id where s.measure_id = ?)",
                Boolean.class, measure));
    }

    void setStatus(UUID id, String status, String reason, Instant now) {
        jdbc.update("update measure set status = ?, status_reason = ?, version = version + 1, updated_at = ? where id = ?",
                status, reason, Timestamp.from(now), id);
    }

    private static LocalDate firstDay(MeasureRequest r) {
        return r.sessions().stream().map(MeasureRequest.Session::date).min(LocalDate::compareTo).orElse(null);
    }

    /** A PostgreSQL array literal; the elements are UUIDs, enum names or digits, which need no quoting. */
    private static String array(List<?> values) {
        return "{" + String.join(",", values.stream().map(Object::toString).toList()) + "}";
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(Object::toString).toList();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
