package de.augenhoehe.outreach.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.returnees.Returnees;
import de.augenhoehe.outreach.returnees.Returnees.Profile;
import de.augenhoehe.platform.events.EventPublisher;

/**
 * Matches confirmed profiles (with a standing MATCHING consent) to open vacancies: same KldB occupation group, a
 * type the person is interested in (JOB → JOB; APPRENTICESHIP → APPRENTICESHIP or DUAL_STUDY), a place of work
 * within the radius around where they want to return (their postal code, else the campaign's target areas), and a
 * start not before their earliest return (an open start always fits). A new match publishes
 * {@code returnee-matched.v1}; a closed vacancy closes its matches; an update that no longer fits removes them.
 */
@Component
class Matcher {

    static final String MATCHED = "augenhoehe.outreach.returnee-matched.v1";
    /** First key of the two-int advisory lock: 'OUTM', apart from the platform's locks. */
    static final int LOCK_NAMESPACE = 0x4F55544D;

    private final JdbcTemplate jdbc;
    private final Returnees returnees;
    private final EventPublisher events;
    private final double radiusKm;

    Matcher(JdbcTemplate jdbc, Returnees returnees, EventPublisher events,
            @Value("${augenhoehe.outreach.matching.radius-km:50}") double radiusKm) {
        this.jdbc = jdbc;
        this.returnees = returnees;
        this.events = events;
        this.radiusKm = radiusKm;
    }

    record Vacancy(UUID id, String type, String occupationGroup, Double latitude, Double longitude, LocalDate startDate,
            LocalDate validThrough, boolean open) {
    }

    private static final String VACANCY = "select id, type, occupation_group, latitude, longitude, start_date, valid_through, open from vacancy";

    private Vacancy vacancy(ResultSet rs, int n) throws SQLException {
        return new Vacancy(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
                (Double) rs.getObject(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBoolean(8));
    }

    /** After a vacancy event: its matches follow the vacancy's new state. */
    void rematchVacancy(UUID vacancyId) {
        Vacancy v = jdbc.queryForObject(VACANCY + " where id = ?", this::vacancy, vacancyId);
        lock(v.occupationGroup());
        if (!v.open()) {
            jdbc.update("update returnee_match set status = 'CLOSED', closed_at = now() where vacancy_id = ? and status = 'OPEN'", vacancyId);
            return;
        }
        Map<UUID, Double> fits = new HashMap<>();
        Map<UUID, Profile> profiles = new HashMap<>();
        for (Profile p : returnees.matchable(v.occupationGroup())) {
            distance(p, v).ifPresent(d -> {
                fits.put(p.id(), d);
                profiles.put(p.id(), p);
            });
        }
        List<UUID> existing = jdbc.queryForList("select returnee_id from returnee_match where vacancy_id = ? and status = 'OPEN'",
                UUID.class, vacancyId);
        existing.stream().filter(r -> !fits.containsKey(r))
                .forEach(r -> jdbc.update("delete from returnee_match where returnee_id = ? and vacancy_id = ?", r, vacancyId));
        fits.forEach((returnee, d) -> record(profiles.get(returnee), v.id(), d));
    }

    /** A profile just confirmed: match it to the open vacancies of its occupation group. */
    @EventListener
    void onConfirmed(Returnees.ProfileConfirmed confirmed) {
        Optional<Profile> profile = returnees.matchable(confirmed.returneeId());
        profile.ifPresent(p -> lock(p.occupationGroup()));
        profile.ifPresent(p -> jdbc.query(VACANCY + " where open and occupation_group = ?", this::vacancy, p.occupationGroup())
                .forEach(v -> distance(p, v).ifPresent(d -> record(p, v.id(), d))));
    }

    /**
     * Matching of one occupation group goes one transaction after another: a profile confirmed while a vacancy of its
     * group is being published would otherwise be missed by both (neither sees the other's uncommitted row). The lock
     * is taken before reading, so the second transaction reads what the first committed.
     */
    private void lock(String occupationGroup) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", (org.springframework.jdbc.core.RowCallbackHandler) rs -> { },
                LOCK_NAMESPACE, Integer.parseInt(occupationGroup));
    }

    private void record(Profile profile, UUID vacancy, double distance) {
        UUID returnee = profile.id();
        int inserted = jdbc.update("""
                insert into returnee_match (returnee_id, vacancy_id, network_id, distance_km, status) values (?, ?, ?, ?, 'OPEN')
                on conflict (returnee_id, vacancy_id) do update set status = 'OPEN', closed_at = null,
                    distance_km = excluded.distance_km
                where returnee_match.status = 'CLOSED'""", returnee, vacancy, profile.networkId(), distance);
        if (inserted == 0) {
            jdbc.update("update returnee_match set distance_km = ? where returnee_id = ? and vacancy_id = ?", distance, returnee, vacancy);
            return;
        }
        returnees.matched(returnee);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returneeId", returnee);
        data.put("vacancyId", vacancy);
        data.put("networkId", profile.networkId());
        data.put("occurredAt", Instant.now().toString());
        events.publish(MATCHED, returnee.toString(), data);
    }

    /** The distance if the vacancy fits the profile, else empty. */
    OptionalDouble distance(Profile p, Vacancy v) {
        if (!v.open() || !v.occupationGroup().equals(p.occupationGroup()) || !typeFits(p.interests(), v.type())
                || v.latitude() == null || v.longitude() == null) {
            return OptionalDouble.empty();
        }
        if (v.validThrough() != null && v.validThrough().isBefore(LocalDate.now())) {
            return OptionalDouble.empty();
        }
        if (v.startDate() != null && p.earliestReturn() != null && v.startDate().isBefore(p.earliestReturn())) {
            return OptionalDouble.empty();
        }
        return p.region().stream().mapToDouble(place -> place.distanceKm(v.latitude(), v.longitude()))
                .filter(d -> d <= radiusKm).min();
    }

    static boolean typeFits(Set<String> interests, String type) {
        return switch (type) {
            case "JOB" -> interests.contains("JOB");
            case "APPRENTICESHIP", "DUAL_STUDY" -> interests.contains("APPRENTICESHIP");
            default -> false;
        };
    }
}
