package de.augenhoehe.partner.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The registry's answers to other features (see {@link PartnerDirectory}). */
@Component
class RegistryDirectory implements PartnerDirectory {

    private final JdbcTemplate jdbc;

    RegistryDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(UUID partner) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from partner where id = ?)", Boolean.class, partner));
    }

    @Override
    public Optional<String> kind(UUID partner) {
        return jdbc.queryForList("select kind from partner where id = ?", String.class, partner).stream().findFirst();
    }

    @Override
    public Optional<UUID> idByName(String name) {
        List<UUID> ids = jdbc.queryForList("select id from partner where lower(name) = lower(?)", UUID.class, name);
        return ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
    }

    @Override
    public Set<UUID> activeNetworks(UUID partner) {
        return new HashSet<>(jdbc.queryForList("select network_id from membership where partner_id = ? and status = 'ACTIVE'",
                UUID.class, partner));
    }

    @Override
    public List<Member> activeMembers(UUID network) {
        return jdbc.query("select p.id, p.name from membership m join partner p on p.id = m.partner_id"
                + " where m.network_id = ? and m.status = 'ACTIVE' order by lower(p.name), p.id",
                (rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("name")), network);
    }
}
