package de.augenhoehe.partner.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.networks.NetworkDirectory;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.Page;
import de.augenhoehe.platform.web.ProblemException;

/** The membership lifecycle: each step is stored, recorded in the history and announced in one transaction. */
@Service
class Memberships {

    private static final String COLUMNS = "id, partner_id, network_id, status, applied_at, active_since, suspended_since, ended_at";
    /** The date column each status sets when it is entered. */
    private static final Map<MembershipStatus, String> SINCE = Map.of(MembershipStatus.ACTIVE, "active_since",
            MembershipStatus.SUSPENDED, "suspended_since", MembershipStatus.ENDED, "ended_at");

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final NetworkDirectory networks;
    private final PartnerRegistry partners;

    Memberships(JdbcTemplate jdbc, EventPublisher events, NetworkDirectory networks, PartnerRegistry partners) {
        this.jdbc = jdbc;
        this.events = events;
        this.networks = networks;
        this.partners = partners;
    }

    /**
     * Opens a membership as {@code APPLIED} (the partner asks) or {@code INVITED} (a coordinator asks); 409
     * {@code membership-exists} if one is open already.
     */
    @Transactional
    Membership open(UUID network, Partner partner, MembershipStatus first, String by) {
        if (first != MembershipStatus.APPLIED && first != MembershipStatus.INVITED) {
            throw new IllegalArgumentException("A membership opens as APPLIED or INVITED, not " + first);
        }
        if (!networks.exists(network)) {
            throw ProblemException.notFound("Network " + network);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        try {
            jdbc.update("insert into membership (id, partner_id, network_id, status, applied_at) values (?, ?, ?, ?, ?)",
                    id, partner.id(), network, first.name(), Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("membership-exists", "The partner already has an open membership in this network");
        }
        record(id, null, first, now, by, null, partner.kind());
        return find(network, id).orElseThrow();
    }

    /**
     * Moves a membership to {@code target} if it is now in one of {@code from} (the states from which the caller's
     * step may start); 409 {@code illegal-membership-transition} if the lifecycle or the step does not allow it.
     */
    @Transactional
    Membership move(UUID network, UUID id, MembershipStatus target, Set<MembershipStatus> from, String by, String reason) {
        // The row lock serialises concurrent steps on one membership, so the check below sees the current state.
        Membership m = jdbc.query("select " + COLUMNS + " from membership where id = ? and network_id = ? for update",
                Memberships::map, id, network).stream().findFirst().orElseThrow(() -> ProblemException.notFound("Membership " + id));
        if (!target.reachableFrom().contains(m.status()) || !from.contains(m.status())) {
            throw ProblemException.conflict("illegal-membership-transition",
                    "A membership cannot go from " + m.status() + " to " + target + " by this step");
        }
        Instant now = Instant.now();
        jdbc.update("update membership set status = ?, " + SINCE.get(target) + " = ? where id = ?", target.name(), Timestamp.from(now), id);
        record(id, m.status(), target, now, by, reason, partners.find(m.partnerId()).orElseThrow().kind());
        return find(network, id).orElseThrow();
    }

    /**
     * Records the step in the history and announces it. An invitation is announced only once accepted: until then it
     * is no membership any other service needs to know of, so neither its opening nor its ending is published.
     */
    private void record(UUID id, MembershipStatus previous, MembershipStatus status, Instant at, String by, String reason,
            PartnerKind kind) {
        // the reason stays in the history: the event names the step only (it may say more about a partner than its peers need)
        jdbc.update("""
                insert into membership_history (membership_id, seq, status, at, by_subject, reason)
                values (?, (select coalesce(max(seq), 0) + 1 from membership_history where membership_id = ?), ?, ?, ?, ?)""",
                id, id, status.name(), Timestamp.from(at), by, reason);
        if (status == MembershipStatus.INVITED || previous == MembershipStatus.INVITED && status == MembershipStatus.ENDED) {
            return;
        }
        Membership m = jdbc.queryForObject("select " + COLUMNS + " from membership where id = ?", Memberships::map, id);
        events.publish(MembershipChanged.type(status), m.partnerId().toString(), new MembershipChanged(id.toString(),
                m.partnerId().toString(), m.networkId().toString(), kind, status, m.appliedAt(), at));
    }

    Optional<Membership> find(UUID network, UUID id) {
        return jdbc.query("select " + COLUMNS + " from membership where id = ? and network_id = ?", Memberships::map, id, network)
                .stream().findFirst();
    }

    /** A network's memberships, optionally of one partner and/or in one status, oldest application first. */
    Page<Membership> ofNetwork(UUID network, UUID partner, MembershipStatus status, int page, int size) {
        String where = " from membership where network_id = ? and (?::uuid is null or partner_id = ?) and (?::text is null or status = ?)";
        String s = status == null ? null : status.name();
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, network, partner, partner, s, s);
        List<Membership> items = jdbc.query("select " + COLUMNS + where + " order by applied_at, id limit ? offset ?", Memberships::map,
                network, partner, partner, s, s, size, Page.offset(page, size));
        return new Page<>(items, page, size, total);
    }

    List<Membership> ofPartner(UUID partner) {
        return jdbc.query("select " + COLUMNS + " from membership where partner_id = ? order by applied_at, id", Memberships::map, partner);
    }

    List<Membership.Step> history(UUID id) {
        return jdbc.query("select status, at, by_subject, reason from membership_history where membership_id = ? order by seq",
                (rs, n) -> new Membership.Step(MembershipStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("at").toInstant(), rs.getString("by_subject"), rs.getString("reason")), id);
    }

    /** Whether the partner has an open (not ended) membership in one of these networks. */
    boolean openIn(UUID partner, Set<UUID> networkIds) {
        return existsIn(partner, networkIds, "status <> 'ENDED'");
    }

    /** Whether the partner is an active member of one of these networks. */
    boolean activeIn(UUID partner, Set<UUID> networkIds) {
        return existsIn(partner, networkIds, "status = 'ACTIVE'");
    }

    private boolean existsIn(UUID partner, Set<UUID> networkIds, String condition) {
        if (networkIds.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from membership where partner_id = ? and " + condition + " and network_id::text = any(string_to_array(?, ',')))",
                Boolean.class, partner, String.join(",", networkIds.stream().map(UUID::toString).toList())));
    }

    static Membership map(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getObject("network_id", UUID.class), MembershipStatus.valueOf(rs.getString("status")),
                instant(rs, "applied_at"), instant(rs, "active_since"), instant(rs, "suspended_since"), instant(rs, "ended_at"), null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
