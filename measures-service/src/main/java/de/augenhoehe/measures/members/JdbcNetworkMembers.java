package de.augenhoehe.measures.members;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link NetworkMembers} over the tables of {@link PartnerProjection} and {@link MembershipProjection}. */
@Component
class JdbcNetworkMembers implements NetworkMembers {

    private final JdbcTemplate jdbc;

    JdbcNetworkMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isActiveMember(UUID partnerId, UUID networkId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from member_membership where partner_id = ? and network_id = ? and status = 'ACTIVE')",
                Boolean.class, partnerId, networkId));
    }

    @Override
    public Optional<UUID> activeMemberNamed(UUID networkId, String name) {
        return jdbc.queryForList("""
                select p.partner_id from member_partner p join member_membership m on m.partner_id = p.partner_id
                where m.network_id = ? and m.status = 'ACTIVE' and p.name = ? order by p.partner_id limit 1""",
                UUID.class, networkId, name).stream().findFirst();
    }
}
