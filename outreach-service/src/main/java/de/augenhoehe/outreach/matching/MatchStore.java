package de.augenhoehe.outreach.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SQL of the coordinators' match lists and of a returnee's matches as personal data; no rules. */
@Component
class MatchStore {

    record VacancyMatchRow(UUID returnee, UUID vacancy, String type, String kldb, String postalCode, double distance,
            String status, Instant matchedAt) {
    }

    record MeasureMatchRow(UUID returnee, UUID measure, String type, Instant matchedAt) {
    }

    private static final String VACANCY_MATCHES = " from returnee_match m join vacancy v on v.id = m.vacancy_id "
            + "where m.network_id = ? and (? or m.status = 'OPEN')";
    private static final String MEASURE_MATCHES = " from returnee_measure_match m join measure x on x.id = m.measure_id "
            + "where m.network_id = ?";

    private final JdbcTemplate jdbc;

    MatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<VacancyMatchRow> vacancyMatches(UUID network, boolean includeClosed, int size, long offset) {
        return jdbc.query("select m.returnee_id, m.vacancy_id, v.type, v.kldb, v.postal_code, m.distance_km, m.status, "
                + "m.matched_at" + VACANCY_MATCHES + " order by m.matched_at, m.returnee_id, m.vacancy_id limit ? offset ?",
                (rs, n) -> new VacancyMatchRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
                network, includeClosed, size, offset);
    }

    long countVacancyMatches(UUID network, boolean includeClosed) {
        return jdbc.queryForObject("select count(*)" + VACANCY_MATCHES, Long.class, network, includeClosed);
    }

    List<MeasureMatchRow> measureMatches(UUID network, int size, long offset) {
        return jdbc.query("select m.returnee_id, m.measure_id, x.type, m.matched_at" + MEASURE_MATCHES
                + " order by m.matched_at, m.returnee_id, m.measure_id limit ? offset ?",
                (rs, n) -> new MeasureMatchRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), network, size, offset);
    }

    long countMeasureMatches(UUID network) {
        return jdbc.queryForObject("select count(*)" + MEASURE_MATCHES, Long.class, network);
    }

    /** A returnee's matches as the Art. 15 export shows them. */
    Map<String, Object> export(UUID returnee) {
        List<Map<String, Object>> vacancies = jdbc.queryForList("""
                select m.vacancy_id as "vacancyId", v.type, v.kldb, v.postal_code as "postalCode",
                    m.distance_km as "distanceKm", m.status, m.matched_at as "matchedAt", m.closed_at as "closedAt",
                    m.notified_at as "notifiedAt"
                from returnee_match m join vacancy v on v.id = m.vacancy_id where m.returnee_id = ? order by m.matched_at""",
                returnee);
        List<Map<String, Object>> measures = jdbc.queryForList("""
                select m.measure_id as "measureId", x.type, m.matched_at as "matchedAt", m.notified_at as "notifiedAt"
                from returnee_measure_match m join measure x on x.id = m.measure_id where m.returnee_id = ?
                order by m.matched_at""", returnee);
        return Map.of("vacancies", vacancies, "measures", measures);
    }

    void erase(UUID returnee) {
        jdbc.update("delete from returnee_match where returnee_id = ?", returnee);
        jdbc.update("delete from returnee_measure_match where returnee_id = ?", returnee);
    }
}
