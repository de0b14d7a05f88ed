package de.augenhoehe.measures.catalogue;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The catalogue's reads over {@code measure} and {@code measure_session}, filtered by a {@link CatalogueQuery}. */
@Component
class CatalogueStore {

    private final JdbcTemplate jdbc;

    CatalogueStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filtered measures, ordered by first session. */
    List<Catalogue.Measure> measures(CatalogueQuery.Sql sql, int limit, long offset) {
        return jdbc.query("""
                select m.id, m.title, m.type, m.status, m.starts_on, m.network_id, m.host_partner_id, m.target_groups, m.capacity,
                       m.confirmed_places,
                       (select max(s.day) from measure_session s where s.measure_id = m.id) as ends_on,
                       (select array_agg(distinct s.kreis) from measure_session s where s.measure_id = m.id) as kreise
                from measure m""" + sql.where() + " order by m.starts_on nulls last, m.id limit ? offset ?",
                (rs, n) -> {
                    Integer capacity = (Integer) rs.getObject("capacity");
                    return new Catalogue.Measure(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("type"),
                            rs.getString("status"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                            rs.getObject("network_id", UUID.class), rs.getObject("host_partner_id", UUID.class),
                            strings(rs.getArray("target_groups")), strings(rs.getArray("kreise")), capacity,
                            capacity == null ? null : Math.max(0, capacity - rs.getInt("confirmed_places")));
                }, paged(sql, limit, offset));
    }

    /** How many measures the filter finds in all. */
    long count(CatalogueQuery.Sql sql) {
        Long n = jdbc.queryForObject("select count(*) from measure m" + sql.where(), Long.class, sql.args().toArray());
        return n == null ? 0 : n;
    }

    /** The ids of the filtered measures, in the catalogue's order. */
    List<UUID> ids(CatalogueQuery.Sql sql, int limit, long offset) {
        return jdbc.queryForList("select m.id from measure m" + sql.where() + " order by m.starts_on nulls last, m.id limit ? offset ?",
                UUID.class, paged(sql, limit, offset));
    }

    boolean exists(UUID measure) {
        return !jdbc.queryForList("select 1 from measure where id = ?", Integer.class, measure).isEmpty();
    }

    /** The sessions of these measures as calendar events, by day and time. */
    List<ICalendar.Event> events(List<UUID> measures) {
        return events("m.id = any(?)", measures.toArray(UUID[]::new));
    }

    List<ICalendar.Event> events(UUID measure) {
        return events("m.id = ?", measure);
    }

    private List<ICalendar.Event> events(String condition, Object arg) {
        return jdbc.query("""
                select s.id, m.id as measure_id, m.title, m.description, s.day, s.start_time, s.end_time, s.place, s.postal_code,
                       m.status, coalesce(m.updated_at, m.created_at) as modified
                from measure_session s join measure m on m.id = s.measure_id
                where\s""" + condition + " order by s.day, s.start_time, s.id",
                (rs, n) -> new ICalendar.Event(rs.getObject("id", UUID.class), rs.getObject("measure_id", UUID.class),
                        rs.getString("title"), rs.getString("description"), rs.getObject("day", LocalDate.class),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getString("place") + ", " + rs.getString("postal_code"), "CANCELLED".equals(rs.getString("status")),
                        instant(rs.getTimestamp("modified"))), arg);
    }

    private static Object[] paged(CatalogueQuery.Sql sql, int limit, long offset) {
        List<Object> args = new ArrayList<>(sql.args());
        args.add(limit);
        args.add(offset);
        return args.toArray();
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(Object::toString).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
