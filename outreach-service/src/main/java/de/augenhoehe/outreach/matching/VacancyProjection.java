package de.augenhoehe.outreach.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * The vacancies of {@code vacancy-events}, as far as matching needs them. One vacancy's events come in order (key =
 * vacancy id); a redriven or replayed older event ({@code occurredAt} not later than the stored one) changes nothing.
 * Each applied event re-matches the vacancy, in the same transaction.
 */
@Component
class VacancyProjection implements EventHandler {

    static final String TOPIC = "vacancy-events";
    static final String PUBLISHED = "augenhoehe.vacancy.published.v1";
    static final String UPDATED = "augenhoehe.vacancy.updated.v1";
    static final String CLOSED = "augenhoehe.vacancy.closed.v1";

    private final JdbcTemplate jdbc;
    private final Matcher matcher;

    VacancyProjection(JdbcTemplate jdbc, Matcher matcher) {
        this.jdbc = jdbc;
        this.matcher = matcher;
    }

    /** Our tolerant view of vacancy-service's events (published/updated/closed share these fields). */
    record VacancyEvent(UUID vacancyId, UUID employerId, List<UUID> networkIds, String type, String kldb,
            String occupationGroup, String postalCode, String kreis, Double latitude, Double longitude, LocalDate startDate,
            LocalDate validThrough, Instant occurredAt) {
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
        VacancyEvent v = event.dataAs(VacancyEvent.class);
        if (v.vacancyId() == null || v.employerId() == null || v.type() == null || v.occupationGroup() == null
                || !v.occupationGroup().matches("[0-9]{3}") || v.occurredAt() == null) {
            throw new UnreadableEventException("vacancy event " + event.id() + " lacks the fields matching needs");
        }
        boolean open = !CLOSED.equals(event.type());
        String networks = "{" + String.join(",", (v.networkIds() == null ? List.<UUID>of() : v.networkIds()).stream()
                .map(UUID::toString).toList()) + "}";
        int applied = jdbc.update("""
                insert into vacancy (id, employer_id, network_ids, type, kldb, occupation_group, postal_code, kreis,
                    latitude, longitude, start_date, valid_through, open, occurred_at)
                values (?, ?, ?::uuid[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set employer_id = excluded.employer_id, network_ids = excluded.network_ids,
                    type = excluded.type, kldb = excluded.kldb, occupation_group = excluded.occupation_group,
                    postal_code = coalesce(excluded.postal_code, vacancy.postal_code),
                    kreis = coalesce(excluded.kreis, vacancy.kreis),
                    latitude = coalesce(excluded.latitude, vacancy.latitude),
                    longitude = coalesce(excluded.longitude, vacancy.longitude),
                    start_date = case when excluded.open then excluded.start_date else vacancy.start_date end,
                    valid_through = coalesce(excluded.valid_through, vacancy.valid_through),
                    open = excluded.open, occurred_at = excluded.occurred_at
                where vacancy.occurred_at < excluded.occurred_at""",
                v.vacancyId(), v.employerId(), networks, v.type(), v.kldb() == null ? v.occupationGroup() : v.kldb(),
                v.occupationGroup(), v.postalCode(), v.kreis(), v.latitude(), v.longitude(), v.startDate(),
                v.validThrough(), open, Timestamp.from(v.occurredAt()));
        if (applied == 1) {
            matcher.rematchVacancy(v.vacancyId());
        }
    }
}
