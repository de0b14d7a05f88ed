package de.augenhoehe.partner.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.web.Page;

/** SQL of a network's partner list ({@link NetworkPartnerController}): filters, count and one page, no rules. */
@Component
class NetworkPartnerStore {

    private final JdbcTemplate jdbc;

    NetworkPartnerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner as a member of one network: its public profile and the state of this membership. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Member(Partner partner, UUID membershipId, MembershipStatus status, Instant appliedAt, Instant activeSince) {
    }

    /** The network's partners in the given membership status, by name; {@code kind}, {@code kreis}, {@code name} when given. */
    Page<Member> list(UUID networkId, MembershipStatus status, PartnerKind kind, String kreis, String name, int page, int size) {
        StringBuilder where = new StringBuilder(" from membership m join partner p on p.id = m.partner_id where m.network_id = ? and m.status = ?");
        List<Object> args = new ArrayList<>(List.of(networkId, status.name()));
        if (kind != null) {
            where.append(" and p.kind = ?");
            args.add(kind.name());
        }
        if (kreis != null) {
            where.append(" and p.kreis = ?");
            args.add(kreis);
        }
        if (name != null) {
            where.append(" and p.name ilike ? escape '\\'");
            args.add("%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Member> items = jdbc.query("select " + PartnerRegistry.COLUMNS + ", m.id as membership_id, m.status, m.applied_at, m.active_since"
                + where + " order by lower(p.name), p.id limit ? offset ?", (rs, n) -> {
                    var active = rs.getTimestamp("active_since");
                    return new Member(PartnerRegistry.map(rs, n), rs.getObject("membership_id", UUID.class),
                            MembershipStatus.valueOf(rs.getString("status")), rs.getTimestamp("applied_at").toInstant(),
                            active == null ? null : active.toInstant());
                }, args.toArray());
        return new Page<>(items, page, size, total);
    }
}
