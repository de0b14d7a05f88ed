package de.augenhoehe.vacancy.employers;

import java.sql.Timestamp;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/** Learns partner organisations from partner-events; never asks partner-service in the request path. */
@Component
class EmployerProjection implements EventHandler {

    static final String REGISTERED = "augenhoehe.partner.registered.v1";

    private final JdbcTemplate jdbc;

    EmployerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Our tolerant view of the producer's event: only what this service needs. */
    record Registered(String partnerId, String name, String kind) {
    }

    @Override
    public String topic() {
        return "partner-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(REGISTERED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        Registered r = event.dataAs(Registered.class);
        if (r.partnerId() == null || r.name() == null || r.kind() == null) {
            throw new UnreadableEventException("partner event " + event.id() + " lacks partnerId, name or kind");
        }
        UUID id;
        try {
            id = UUID.fromString(r.partnerId());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("partner event " + event.id() + " has no valid partnerId", e);
        }
        jdbc.update("""
                insert into employer (partner_id, name, kind, known_since, last_event) values (?, ?, ?, ?, ?)
                on conflict (partner_id) do update set name = excluded.name, kind = excluded.kind, last_event = excluded.last_event""",
                id, r.name(), r.kind(), Timestamp.from(event.time()), event.id());
    }
}
