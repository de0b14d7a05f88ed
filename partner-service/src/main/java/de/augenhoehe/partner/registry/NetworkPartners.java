package de.augenhoehe.partner.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.KreisDirectory;
import de.augenhoehe.partner.NetworkDirectory;
import de.augenhoehe.partner.Page;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code GET /api/networks/{networkId}/partners}: who is in a network. Active members are public, listed by name
 * only (no order of standing); applicants, suspended and former members only for the network's coordinators.
 */
@RestController
@Tag(name = "memberships")
class NetworkPartners {

    private final JdbcTemplate jdbc;
    private final NetworkDirectory networks;
    private final KreisDirectory kreise;

    NetworkPartners(JdbcTemplate jdbc, NetworkDirectory networks, KreisDirectory kreise) {
        this.jdbc = jdbc;
        this.networks = networks;
        this.kreise = kreise;
    }

    /** A partner as a member of one network: its public profile and the state of this membership. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Member(Partner partner, UUID membershipId, MembershipStatus status, Instant appliedAt, Instant activeSince) {
    }

    @GetMapping("/api/networks/{networkId}/partners")
    @Operation(summary = "A network's partners, filtered by kind, Kreis, membership status (default ACTIVE) and name")
    Page<Member> list(@PathVariable UUID networkId, @RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) @BoundedPattern(regexp = "(0[1-9]|1[0-6])[0-9]{3}", max = 5) String kreis,
            @RequestParam(defaultValue = "ACTIVE") MembershipStatus status,
            @RequestParam(required = false) @Size(min = 1, max = 200) String name,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (!networks.exists(networkId)) {
            throw ProblemException.notFound("Network " + networkId);
        }
        if (status != MembershipStatus.ACTIVE && !Actor.current().map(a -> a.coordinates(networkId)).orElse(false)) {
            throw ProblemException.forbidden("Only the network's coordinators see members that are not active");
        }
        StringBuilder where = new StringBuilder(" from membership m join partner p on p.id = m.partner_id where m.network_id = ? and m.status = ?");
        List<Object> args = new ArrayList<>(List.of(networkId, status.name()));
        if (kreis != null) {
            kreise.requireKnown(List.of(kreis));
        }
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
