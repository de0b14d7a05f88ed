package de.augenhoehe.partner.networks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;

/** Networks (the tenants of an installation): persistence, optimistic locking and events in one transaction. */
@Service
class NetworkStore implements NetworkDirectory {

    static final ProblemType NETWORK_EXISTS = ProblemType.of(HttpStatus.CONFLICT, "network-exists", "Konflikt / Conflict");

    private static final String COLUMNS = "id, name, array_to_string(region, ',') as region, goals, legal_form, version";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    NetworkStore(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    record Draft(String name, List<String> region, String goals, LegalForm legalForm) {
    }

    @Transactional
    Network create(UUID id, Draft d, String createdBy) {
        try {
            // The region is validated to 5-digit keys before it gets here, so joining by commas is unambiguous.
            jdbc.update("insert into network (id, name, region, goals, legal_form, created_by) values (?, ?, string_to_array(?, ','), ?, ?, ?)",
                    id, d.name().strip(), String.join(",", d.region()), d.goals(), d.legalForm().name(), createdBy);
        } catch (DuplicateKeyException e) {
            throw NETWORK_EXISTS.exception("A network with this name exists already");
        }
        Network n = find(id).orElseThrow();
        events.publish(NetworkEvents.CREATED, id.toString(), NetworkEvents.of(n));
        return n;
    }

    /** Changes the network if {@code expectedVersion} is still current; 412 otherwise. */
    @Transactional
    Network update(UUID id, long expectedVersion, Draft d) {
        int changed;
        try {
            changed = jdbc.update("""
                    update network set name = ?, region = string_to_array(?, ','), goals = ?, legal_form = ?,
                           version = version + 1, updated_at = now()
                    where id = ? and version = ?""",
                    d.name().strip(), String.join(",", d.region()), d.goals(), d.legalForm().name(), id, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw NETWORK_EXISTS.exception("A network with this name exists already");
        }
        if (changed == 0) {
            throw Versions.stale();
        }
        Network n = find(id).orElseThrow();
        events.publish(NetworkEvents.UPDATED, id.toString(), NetworkEvents.of(n));
        return n;
    }

    Optional<Network> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from network where id = ?", NetworkStore::map, id).stream().findFirst();
    }

    Page<Network> list(int page, int size) {
        long total = jdbc.queryForObject("select count(*) from network", Long.class);
        List<Network> items = jdbc.query("select " + COLUMNS + " from network order by lower(name), id limit ? offset ?",
                NetworkStore::map, size, (long) page * size);
        return new Page<>(items, page, size, total);
    }

    @Override
    public boolean exists(UUID network) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from network where id = ?)", Boolean.class, network));
    }

    private static Network map(ResultSet rs, int n) throws SQLException {
        return new Network(rs.getObject("id", UUID.class), rs.getString("name"), List.of(rs.getString("region").split(",")),
                rs.getString("goals"), LegalForm.valueOf(rs.getString("legal_form")), rs.getLong("version"));
    }
}
