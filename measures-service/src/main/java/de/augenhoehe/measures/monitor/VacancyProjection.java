package de.augenhoehe.measures.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * vacancy-events → {@code monitor_vacancy}: each vacancy's latest state (published/updated) and its end (closed).
 * One vacancy's events arrive in order (key = vacancy id); what still comes late (a redriven dead letter, a replay
 * under a new delivery) is recognised by {@code occurredAt}: an event not later than the stored one does not change
 * the state, but is counted as an underlying event. A closed vacancy stays closed: a stale published/updated event
 * cannot reopen it. The monthly aggregates ({@link MonitorMonths}) change in the same transaction.
 */
@Component
class VacancyProjection implements EventHandler {

    static final String TOPIC = "vacancy-events";
    static final String PUBLISHED = "augenhoehe.vacancy.published.v1";
    static final String UPDATED = "augenhoehe.vacancy.updated.v1";
    static final String CLOSED = "augenhoehe.vacancy.closed.v1";

    private final JdbcTemplate jdbc;
    private final MonitorMonths months;

    VacancyProjection(JdbcTemplate jdbc, MonitorMonths months) {
        this.jdbc = jdbc;
        this.months = months;
    }

    /** Our tolerant view of vacancy-service's events: only what the monitor needs. */
    record Vacancy(String vacancyId, String employerId, List<String> networkIds, String type, String occupationGroup,
            String kreis, Boolean temporaryAgency, Integer openings, String publishedAt, String closedAt, String reason,
            String occurredAt) {
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PUBLISHED, UPDATED, CLOSED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        Vacancy v = event.dataAs(Vacancy.class);
        UUID id = event.requiredUuid("vacancyId", v.vacancyId());
        UUID employer = event.requiredUuid("employerId", v.employerId());
        String group = event.required("occupationGroup", v.occupationGroup());
        if (!group.matches("[0-9]{3}")) {
            throw new UnreadableEventException(what(event) + " has no 3-digit occupationGroup");
        }
        if (v.kreis() != null && !v.kreis().matches("[0-9]{5}")) {
            throw new UnreadableEventException(what(event) + " has no 5-digit kreis");
        }
        if (v.temporaryAgency() == null || v.openings() == null || v.openings() < 1) {
            throw new UnreadableEventException(what(event) + " lacks temporaryAgency or openings ≥ 1");
        }
        List<String> networks = v.networkIds() == null ? List.of() : v.networkIds();
        networks.forEach(n -> event.requiredUuid("networkIds", n));
        Instant published = event.requiredInstant("publishedAt", v.publishedAt());
        Instant occurred = event.requiredInstant("occurredAt", v.occurredAt());
        boolean closed = CLOSED.equals(event.type());
        Instant closedAt = closed ? event.requiredInstant("closedAt", v.closedAt()) : null;
        // One vacancy's events are applied one after the other, also by two instances during a rebalance: the monthly
        // aggregates take the row's old contribution and add its new one, so nothing may change the row in between.
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        MonitorMonths.Posting before = months.posting(id);
        jdbc.update("""
                insert into monitor_vacancy (vacancy_id, employer_id, network_ids, type, occupation_group, kreis, temporary_agency,
                    openings, published_at, closed_at, close_reason, last_occurred_at)
                values (?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (vacancy_id) do update set events = monitor_vacancy.events + 1""",
                id, employer, "{" + String.join(",", networks) + "}", event.required("type", v.type()), group, v.kreis(),
                v.temporaryAgency(), v.openings(), Timestamp.from(published), closedAt == null ? null : Timestamp.from(closedAt),
                closed ? v.reason() : null, Timestamp.from(occurred));
        // The state itself only from a later event; a closed vacancy keeps its end.
        jdbc.update("""
                update monitor_vacancy set employer_id = ?, network_ids = ?::uuid[], type = ?, occupation_group = ?, kreis = ?, temporary_agency = ?,
                    openings = ?, published_at = ?, last_occurred_at = ?,
                    closed_at = case when ? then ? else closed_at end,
                    close_reason = case when ? then ? else close_reason end
                where vacancy_id = ? and last_occurred_at < ?""",
                employer, "{" + String.join(",", networks) + "}", v.type(), group, v.kreis(), v.temporaryAgency(), v.openings(),
                Timestamp.from(published), Timestamp.from(occurred), closed, closedAt == null ? null : Timestamp.from(closedAt),
                closed, closed ? v.reason() : null, id, Timestamp.from(occurred));
        months.replace(before, months.posting(id));
    }

    private static String what(ReceivedEvent event) {
        return "vacancy event " + event.id() + " (" + event.type() + ")";
    }
}
