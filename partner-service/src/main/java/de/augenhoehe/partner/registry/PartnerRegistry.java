package de.augenhoehe.partner.registry;

import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;

/** Registers partner organisations and tells the network about them. */
@Service
class PartnerRegistry {

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    PartnerRegistry(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    Partner register(String name, PartnerKind kind, String registeredBy) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into partner (id, name, kind, registered_by) values (?, ?, ?, ?)", id, name.strip(), kind.name(), registeredBy);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("partner-exists", "A partner of this kind with this name is already registered");
        }
        events.publish(PartnerRegistered.TYPE, id.toString(), new PartnerRegistered(id.toString(), name.strip(), kind));
        return find(id).orElseThrow();
    }

    Optional<Partner> find(UUID id) {
        return jdbc.query("select id, name, kind, registered_at from partner where id = ?",
                (rs, n) -> new Partner(rs.getObject("id", UUID.class), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("registered_at", java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"))).toInstant()),
                id).stream().findFirst();
    }

    boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists(select 1 from partner)", Boolean.class));
    }

}
