package de.augenhoehe.outreach.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.Page;
import de.augenhoehe.outreach.returnees.Returnees;
import de.augenhoehe.outreach.returnees.Returnees.Summary;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * The matches of a network's returnees, for its coordinators: per match the returnee's first name, occupation and
 * region — the e-mail only if the person consented to contact through the network — and the vacancy.
 */
@RestController
@RequestMapping("/api/returnees/matches")
@Tag(name = "matching")
class MatchController {

    record Match(UUID returneeId, String firstName, String occupation, String region, String email, UUID vacancyId,
            String vacancyType, String kldb, String postalCode, double distanceKm, String status, Instant matchedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Returnees returnees;

    MatchController(JdbcTemplate jdbc, Returnees returnees) {
        this.jdbc = jdbc;
        this.returnees = returnees;
    }

    @GetMapping
    @Operation(summary = "Matches of the confirmed returnees of a network the caller coordinates, paged")
    Page<Match> list(@RequestParam UUID networkId, @RequestParam(defaultValue = "false") boolean includeClosed,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        coordinatorOf(networkId);
        record Row(UUID returnee, UUID vacancy, String type, String kldb, String postalCode, double distance, String status,
                Instant matchedAt) {
        }
        String where = " from returnee_match m join vacancy v on v.id = m.vacancy_id where m.network_id = ? and (? or m.status = 'OPEN')";
        List<Row> rows = jdbc.query("select m.returnee_id, m.vacancy_id, v.type, v.kldb, v.postal_code, m.distance_km, m.status, "
                + "m.matched_at" + where + " order by m.matched_at, m.returnee_id, m.vacancy_id limit ? offset ?",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
                networkId, includeClosed, size, Page.offset(page, size));
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, networkId, includeClosed);
        Map<UUID, Summary> people = returnees.summaries(rows.stream().map(Row::returnee).toList());
        return new Page<>(rows.stream().flatMap(r -> Optional.ofNullable(people.get(r.returnee())).stream().map(s -> new Match(
                s.id(), s.firstName(), s.occupation(), s.region(), s.email(), r.vacancy(), r.type(), r.kldb(), r.postalCode(),
                Math.round(r.distance() * 10) / 10.0, r.status(), r.matchedAt()))).toList(), page, size, total);
    }

    record MeasureMatch(UUID returneeId, String firstName, String occupation, String region, String email, UUID measureId,
            String measureType, Instant matchedAt) {
    }

    @GetMapping("/measures")
    @Operation(summary = "Matches of the network's confirmed returnees to returnee measures of the network, paged")
    Page<MeasureMatch> measures(@RequestParam UUID networkId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        coordinatorOf(networkId);
        record Row(UUID returnee, UUID measure, String type, Instant matchedAt) {
        }
        String where = " from returnee_measure_match m join measure x on x.id = m.measure_id where m.network_id = ?";
        List<Row> rows = jdbc.query("select m.returnee_id, m.measure_id, x.type, m.matched_at" + where
                + " order by m.matched_at, m.returnee_id, m.measure_id limit ? offset ?",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), networkId, size, Page.offset(page, size));
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, networkId);
        Map<UUID, Summary> people = returnees.summaries(rows.stream().map(Row::returnee).toList());
        return new Page<>(rows.stream().flatMap(r -> Optional.ofNullable(people.get(r.returnee())).stream().map(s -> new MeasureMatch(
                s.id(), s.firstName(), s.occupation(), s.region(), s.email(), r.measure(), r.type(), r.matchedAt()))).toList(),
                page, size, total);
    }

    private static void coordinatorOf(UUID networkId) {
        Actor actor = Actor.current().orElseThrow(() -> ProblemException.unauthenticated("A token is required"));
        if (!actor.hasRole(Roles.COORDINATOR) || !actor.coordinates(networkId)) {
            throw ProblemException.forbidden(
                    "Only coordinators of the network see its matches");
        }
    }

    /** The matches are the returnee's data too: exported with them, purged on erasure or withdrawal of MATCHING. */
    @Component
    static class MatchData implements Returnees.PersonalDataHolder {

        private final JdbcTemplate jdbc;

        MatchData(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "matches";
        }

        @Override
        public Object export(UUID returnee) {
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

        @Override
        public void erase(UUID returnee) {
            jdbc.update("delete from returnee_match where returnee_id = ?", returnee);
            jdbc.update("delete from returnee_measure_match where returnee_id = ?", returnee);
        }
    }
}
