package de.augenhoehe.measures.members;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * Learns organisations (name, kind) from partner-events. Ordered by the profile version: a registration is version 0,
 * {@code updated.v1} carries partner-service's version; an event not above the stored version changes nothing.
 */
@Component
class PartnerProjection implements EventHandler {

    static final String REGISTERED = "augenhoehe.partner.registered.v1";
    static final String UPDATED = "augenhoehe.partner.updated.v1";

    private final JdbcTemplate jdbc;

    PartnerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Our tolerant view of the producer's events. */
    record Profile(String partnerId, String name, String kind, Long version) {
    }

    @Override
    public String topic() {
        return PartnerEvents.TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(REGISTERED, UPDATED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        Profile p = event.dataAs(Profile.class);
        UUID id = event.requiredUuid("partnerId", p.partnerId());
        String name = event.required("name", p.name()).strip();
        String kind = event.required("kind", p.kind());
        long version;
        if (REGISTERED.equals(event.type())) {
            version = 0;
        } else if (p.version() == null || p.version() < 1) {
            throw new UnreadableEventException("partner event " + event.id() + " (" + event.type() + ") lacks a valid version");
        } else {
            version = p.version();
        }
        jdbc.update("""
                insert into member_partner (partner_id, name, kind, version, last_event) values (?, ?, ?, ?, ?)
                on conflict (partner_id) do update set name = excluded.name, kind = excluded.kind, version = excluded.version,
                    last_event = excluded.last_event
                where member_partner.version < excluded.version""", id, name, kind, version, event.id());
    }
}
