package de.augenhoehe.vacancy.employers;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.vacancy.employers.EmployerController.Employer;

/** {@link MemberCompanies} over the tables of {@link EmployerProjection} and {@link MembershipProjection}. */
@Component
class JdbcMemberCompanies implements MemberCompanies {

    static final String COMPANY = "COMPANY";

    private final JdbcTemplate jdbc;

    JdbcMemberCompanies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean canPost(UUID partnerId) {
        // The kind of the registration/profile wins; without it, the kind every membership event carries.
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists(select 1 from employer_membership m left join employer e on e.partner_id = m.partner_id
                              where m.partner_id = ? and m.status = 'ACTIVE' and coalesce(e.kind, m.partner_kind) = ?)""",
                Boolean.class, partnerId, COMPANY));
    }

    @Override
    public Set<UUID> networksOf(UUID partnerId) {
        return new LinkedHashSet<>(jdbc.queryForList(
                "select network_id from employer_membership where partner_id = ? and status = 'ACTIVE' order by network_id",
                UUID.class, partnerId));
    }

    @Override
    public boolean isActiveMember(UUID partnerId, UUID networkId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from employer_membership where partner_id = ? and network_id = ? and status = 'ACTIVE')",
                Boolean.class, partnerId, networkId));
    }

    @Override
    public Map<UUID, String> namesOf(Collection<UUID> partnerIds) {
        Map<UUID, String> names = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return names;
        }
        jdbc.query("select partner_id, name from employer where partner_id = any(?)",
                rs -> { names.put(rs.getObject(1, UUID.class), rs.getString(2)); },
                (Object) partnerIds.toArray(UUID[]::new));
        return names;
    }

    @Override
    public Optional<Organisation> organisation(UUID partnerId) {
        return jdbc.query("select name, street, postal_code, city, website, logo_url from employer where partner_id = ?",
                (rs, n) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), partnerId).stream().findFirst();
    }

    /** An organisation known from partner-events, with the networks it is an active member of; empty before its registration. */
    Optional<Employer> employer(UUID partnerId) {
        return jdbc.query("select partner_id, name, kind from employer where partner_id = ?",
                (rs, n) -> new Employer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        List.copyOf(networksOf(partnerId))), partnerId).stream().findFirst();
    }

    @Override
    public List<Membership> membershipsOf(UUID partnerId) {
        return jdbc.query("""
                select network_id, membership_id, status, applied_at, step_at from employer_membership
                where partner_id = ? order by network_id""",
                (rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Status.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()), partnerId);
    }
}
