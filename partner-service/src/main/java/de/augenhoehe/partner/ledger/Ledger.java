package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;

/** The ledger's store: pledges with their event, realised entries once per source event, sums for the balances. */
@Component
class Ledger {

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    Ledger(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    LedgerEntry pledge(UUID partner, UUID network, Category category, BigDecimal quantity, LocalDate from, LocalDate to,
            String by) {
        String unit = category.unit;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LedgerEntry e = new LedgerEntry(UUID.randomUUID(), partner, network, category.side, category, quantity, unit, from, to,
                Origin.PLEDGED, null, now);
        insert(e, network == null ? List.of() : List.of(network), by, null, null, Confirmation.CONFIRMED);
        events.publish(ContributionPledged.TYPE, partner.toString(), new ContributionPledged(e.id().toString(),
                partner.toString(), network == null ? null : network.toString(), category, quantity, unit, from, to, now));
        return e;
    }

    /**
     * A realised entry, counted in each of {@code networks} (none: it counts in every network of the partner); false
     * when this source event was already recorded for this partner. {@code pending}: credited on another's claim, it
     * counts only once the partner confirmed it.
     */
    boolean realise(UUID partner, List<UUID> networks, Category category, BigDecimal quantity, LocalDate day,
            String eventId, String eventType, String cause, boolean pending) {
        UUID single = networks.size() == 1 ? networks.get(0) : null;
        LedgerEntry e = new LedgerEntry(UUID.randomUUID(), partner, single, category.side, category, quantity, category.unit, day, day,
                Origin.REALISED, eventType, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return insert(e, networks, null, eventId, cause, pending ? Confirmation.PENDING : Confirmation.CONFIRMED) == 1;
    }

    private int insert(LedgerEntry e, List<UUID> networks, String by, String eventId, String cause, Confirmation confirmation) {
        // An entry of a cause cancelled before it arrived is written reversed at once (cancelling is final).
        return jdbc.update("""
                insert into ledger_entry (id, partner_id, network_id, network_ids, side, category, quantity, unit, period_from,
                                          period_to, origin, pledged_by, source_event_id, source_event_type, cause_id, created_at,
                                          confirmation, reversed_by, reversed_at)
                select ?, ?, ?, string_to_array(?, ',')::uuid[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, c.event_id, c.cancelled_at
                from (select 1) one left join lateral (select event_id, cancelled_at from ledger_cancelled_cause
                    where cause_id = ? or ? like cause_id || '/%' order by cancelled_at limit 1) c on true
                on conflict do nothing""", // one per (source event, partner, category) and per (cause, partner, category)
                e.id(), e.partnerId(), e.networkId(), String.join(",", networks.stream().map(UUID::toString).toList()),
                e.side().name(), e.category().name(), e.quantity(), e.unit(), Date.valueOf(e.from()), Date.valueOf(e.to()),
                e.origin().name(), by, eventId, e.sourceEventType(), cause, Timestamp.from(e.createdAt()), confirmation.name(), cause, cause);
    }

    /**
     * Cancels a cause and the causes within it ({@code cause/…}, e.g. a measure's registrations): their entries are
     * reversed (kept, no longer counted), later ones arrive reversed. Idempotent.
     */
    int reverse(String cause, String eventId) {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.update("insert into ledger_cancelled_cause (cause_id, event_id, cancelled_at) values (?, ?, ?) on conflict do nothing",
                cause, eventId, now);
        return jdbc.update("update ledger_entry set reversed_by = ?, reversed_at = ? where (cause_id = ? or cause_id like ? || '/%') and reversed_by is null",
                eventId, now, cause, cause);
    }

    /**
     * The credited partner's decision on a PENDING entry of its own: true when this call decided it. Who decided is
     * kept inside ({@code decided_by}, never served).
     */
    boolean decide(UUID entry, UUID partner, Confirmation decision, String by) {
        return jdbc.update("update ledger_entry set confirmation = ?, decided_by = ?, decided_at = ? where id = ? and partner_id = ?"
                + " and confirmation = 'PENDING'", decision.name(), by, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
                entry, partner) == 1;
    }

    /** The confirmation of an entry of this partner; null when the partner has no such entry. */
    Confirmation confirmationOf(UUID entry, UUID partner) {
        return jdbc.query("select confirmation from ledger_entry where id = ? and partner_id = ?",
                (rs, n) -> Confirmation.valueOf(rs.getString(1)), entry, partner).stream().findFirst().orElse(null);
    }

    /** Remembers the network of a published measure (its registrations name the measure only). */
    void measureNetwork(UUID measure, UUID network) {
        jdbc.update("insert into ledger_measure (measure_id, network_id) values (?, ?) on conflict do nothing", measure, network);
    }

    UUID networkOfMeasure(UUID measure) {
        return jdbc.query("select network_id from ledger_measure where measure_id = ?", (rs, n) -> rs.getObject(1, UUID.class), measure)
                .stream().findFirst().orElse(null);
    }

    boolean hasPledgesBy(String by) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from ledger_entry where pledged_by = ?)", Boolean.class, by));
    }

    /** Sums per partner, side, category, unit and origin; entries whose period overlaps [from, to] (open ends allowed). */
    List<Sum> sums(Collection<UUID> partners, UUID network, LocalDate from, LocalDate to) {
        if (partners.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select partner_id, side, category, unit, origin, sum(quantity) as total, count(*) as entries from ledger_entry
                where partner_id::text = any(string_to_array(?, ',')) and reversed_by is null and confirmation = 'CONFIRMED'""");
        List<Object> args = new ArrayList<>();
        args.add(String.join(",", partners.stream().map(UUID::toString).toList()));
        if (network != null) {
            // Entries of this network, and entries that name no network (e.g. measure registrations).
            sql.append(" and (? = any(network_ids) or cardinality(network_ids) = 0)");
            args.add(network);
        }
        if (from != null) {
            sql.append(" and period_to >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" and period_from <= ?");
            args.add(Date.valueOf(to));
        }
        sql.append(" group by partner_id, side, category, unit, origin order by partner_id, side, category, unit, origin");
        return jdbc.query(sql.toString(), Ledger::sum, args.toArray());
    }

    private static Sum sum(ResultSet rs, int row) throws SQLException {
        return new Sum(rs.getObject("partner_id", UUID.class), Side.valueOf(rs.getString("side")),
                Category.valueOf(rs.getString("category")), rs.getString("unit"), Origin.valueOf(rs.getString("origin")),
                rs.getBigDecimal("total"), rs.getLong("entries"));
    }

    record Sum(UUID partner, Side side, Category category, String unit, Origin origin, BigDecimal total, long entries) {
    }
}
