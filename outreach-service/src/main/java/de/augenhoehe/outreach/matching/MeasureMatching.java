package de.augenhoehe.outreach.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.regions.PostalCodes.Place;
import de.augenhoehe.outreach.returnees.Returnees;
import de.augenhoehe.outreach.returnees.Returnees.Profile;
import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * Returnee measures: a projection of {@code measure-events} and the matching of confirmed profiles to them. A
 * measure fits a profile when it is of the returnee's network, addresses RETURNEES, is still ahead or running
 * (PLANNED, OPEN, RUNNING; last session not past), lies in a Kreis of the person's region (a measure without Kreise
 * serves the whole network), addresses their occupation group (or none in particular), and the person is interested
 * in RETURNEE_EVENTS. Cancelled, completed or full measures drop their matches. No event: the agreed
 * {@code returnee-matched.v1} is about vacancies.
 */
@Component
class MeasureMatching implements EventHandler {

    static final String PUBLISHED = "augenhoehe.measures.measure-published.v1";
    static final String UPDATED = "augenhoehe.measures.measure-updated.v1";
    static final String CANCELLED = "augenhoehe.measures.measure-cancelled.v1";
    static final String COMPLETED = "augenhoehe.measures.measure-completed.v1";
    static final Set<String> OPEN_STATUSES = Set.of("PLANNED", "OPEN", "RUNNING");

    private final JdbcTemplate jdbc;
    private final Returnees returnees;

    MeasureMatching(JdbcTemplate jdbc, Returnees returnees) {
        this.jdbc = jdbc;
        this.returnees = returnees;
    }

    record MeasureEvent(UUID measureId, UUID networkId, String type, List<String> targetGroups, List<String> kreise,
            List<String> occupationGroups, String status, LocalDate firstSessionDate, LocalDate lastSessionDate,
            Instant occurredAt) {
    }

    record Measure(UUID id, UUID networkId, Set<String> targetGroups, Set<String> kreise, Set<String> occupationGroups,
            LocalDate lastSession, boolean open) {
    }

    @Override
    public String topic() {
        return "measure-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PUBLISHED, UPDATED, CANCELLED, COMPLETED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        MeasureEvent m = event.dataAs(MeasureEvent.class);
        if (m.measureId() == null || m.networkId() == null || m.occurredAt() == null) {
            throw new UnreadableEventException("measure event " + event.id() + " lacks measureId, networkId or occurredAt");
        }
        boolean lifecycle = PUBLISHED.equals(event.type()) || UPDATED.equals(event.type());
        if (!lifecycle) {
            jdbc.update("update measure set open = false, status = ?, occurred_at = ? where id = ? and occurred_at < ?",
                    CANCELLED.equals(event.type()) ? "CANCELLED" : "COMPLETED", Timestamp.from(m.occurredAt()),
                    m.measureId(), Timestamp.from(m.occurredAt()));
            jdbc.update("delete from returnee_measure_match where measure_id = ?", m.measureId());
            return;
        }
        if (m.type() == null || m.status() == null) {
            throw new UnreadableEventException("measure event " + event.id() + " lacks type or status");
        }
        int applied = jdbc.update("""
                insert into measure (id, network_id, type, target_groups, kreise, occupation_groups, status, first_session,
                    last_session, open, occurred_at)
                values (?, ?, ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?)
                on conflict (id) do update set network_id = excluded.network_id, type = excluded.type,
                    target_groups = excluded.target_groups, kreise = excluded.kreise,
                    occupation_groups = excluded.occupation_groups, status = excluded.status,
                    first_session = excluded.first_session, last_session = excluded.last_session, open = excluded.open,
                    occurred_at = excluded.occurred_at
                where measure.occurred_at < excluded.occurred_at""",
                m.measureId(), m.networkId(), m.type(), array(m.targetGroups()), array(m.kreise()), array(m.occupationGroups()),
                m.status(), m.firstSessionDate(), m.lastSessionDate(), OPEN_STATUSES.contains(m.status()),
                Timestamp.from(m.occurredAt()));
        if (applied == 0) {
            return;
        }
        Measure measure = load(m.measureId());
        List<Profile> candidates = returnees.matchableInNetwork(measure.networkId());
        Set<UUID> fitting = candidates.stream().filter(p -> fits(p, measure)).map(Profile::id).collect(Collectors.toSet());
        jdbc.queryForList("select returnee_id from returnee_measure_match where measure_id = ?", UUID.class, measure.id())
                .stream().filter(r -> !fitting.contains(r)).forEach(r -> jdbc.update(
                        "delete from returnee_measure_match where returnee_id = ? and measure_id = ?", r, measure.id()));
        fitting.forEach(r -> record(r, measure));
    }

    /** A profile just confirmed: match it to the open measures of its network. */
    @EventListener
    void onConfirmed(Returnees.ProfileConfirmed confirmed) {
        returnees.matchable(confirmed.returneeId()).ifPresent(p -> jdbc.query(
                "select id from measure where open and network_id = ?", (rs, n) -> load(rs.getObject(1, UUID.class)), p.networkId())
                .stream().filter(m -> fits(p, m)).forEach(m -> record(p.id(), m)));
    }

    static boolean fits(Profile p, Measure m) {
        if (!m.open() || !m.networkId().equals(p.networkId()) || !m.targetGroups().contains("RETURNEES")
                || !p.interests().contains("RETURNEE_EVENTS")) {
            return false;
        }
        if (m.lastSession() != null && m.lastSession().isBefore(LocalDate.now())) {
            return false;
        }
        if (!m.occupationGroups().isEmpty() && !m.occupationGroups().contains(p.occupationGroup())) {
            return false;
        }
        Set<String> region = p.region().stream().map(Place::kreis).filter(Objects::nonNull).collect(Collectors.toSet());
        return m.kreise().isEmpty() || m.kreise().stream().anyMatch(region::contains);
    }

    private void record(UUID returnee, Measure m) {
        jdbc.update("insert into returnee_measure_match (returnee_id, measure_id, network_id) values (?, ?, ?) "
                + "on conflict do nothing", returnee, m.id(), m.networkId());
    }

    private Measure load(UUID id) {
        return jdbc.queryForObject("select id, network_id, target_groups, kreise, occupation_groups, last_session, open "
                + "from measure where id = ?", (rs, n) -> new Measure(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Set.copyOf(List.of((String[]) rs.getArray(3).getArray())), Set.copyOf(List.of((String[]) rs.getArray(4).getArray())),
                        Set.copyOf(List.of((String[]) rs.getArray(5).getArray())), rs.getObject(6, LocalDate.class), rs.getBoolean(7)), id);
    }

    private static String array(List<String> values) {
        if (values == null) {
            return "{}";
        }
        return "{" + values.stream().filter(v -> v != null && v.matches("[A-Za-z0-9_]+")).distinct()
                .collect(Collectors.joining(",")) + "}";
    }
}
