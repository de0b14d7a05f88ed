package de.augenhoehe.vacancy.employers;

import java.sql.Timestamp;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * Learns partner organisations (name, kind) from partner-events; never asks partner-service in the request path.
 * Ordered by the profile version: a registration is version 0, {@code updated.v1} carries partner-service's version;
 * an event whose version is not above the stored one (a redelivered or redriven older event) changes nothing.
 */
@Component
class EmployerProjection implements EventHandler {

    static final String REGISTERED = "augenhoehe.partner.registered.v1";
    static final String UPDATED = "augenhoehe.partner.updated.v1";

    private final JdbcTemplate jdbc;

    EmployerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Our tolerant view of the producer's events: only what this service needs (no version in a registration). The
     * business address and web presence are optional: an event states the profile as it is, so an absent one is unset.
     */
    record Profile(String partnerId, String name, String kind, Long version, String street, String postalCode, String city,
            String website, String logoUrl) {
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
        if (p.partnerId() == null || p.name() == null || p.name().isBlank() || p.kind() == null || p.kind().isBlank()) {
            throw new UnreadableEventException("partner event " + event.id() + " lacks partnerId, name or kind");
        }
        UUID id = event.requiredUuid("partnerId", p.partnerId());
        if (p.street() != null && p.street().length() > 200 || p.postalCode() != null && !p.postalCode().matches("[0-9]{5}")
                || p.city() != null && p.city().length() > 100) {
            throw new UnreadableEventException("partner event " + event.id() + " has a malformed address");
        }
        long version;
        if (REGISTERED.equals(event.type())) {
            version = 0;
        } else if (p.version() == null || p.version() < 1) {
            throw new UnreadableEventException("partner event " + event.id() + " (" + event.type() + ") lacks a valid version");
        } else {
            version = p.version();
        }
        jdbc.update("""
                insert into employer (partner_id, name, kind, known_since, last_event, version, street, postal_code, city, website, logo_url)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (partner_id) do update set name = excluded.name, kind = excluded.kind, last_event = excluded.last_event,
                    version = excluded.version, street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,
                    website = excluded.website, logo_url = excluded.logo_url
                where employer.version < excluded.version""",
                id, p.name().strip(), p.kind(), Timestamp.from(event.time()), event.id(), version, p.street(), p.postalCode(),
                p.city(), https(p.website()), https(p.logoUrl()));
    }

    /** Only an https address goes on into public pages and JSON-LD (the producer checks it too); anything else: none. */
    private static String https(String url) {
        return url != null && url.startsWith("https://") && url.length() <= 500 ? url : null;
    }
}
