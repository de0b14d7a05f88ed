package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.web.Page;

/**
 * The entries behind a balance (#16), newest first, with the event each came from: the same entries the sums count
 * (period overlap, network or none), plus the reversed, pending and rejected ones, marked. Who pledged or decided an
 * entry stays inside.
 */
@Component
class EntryListing {

    /**
     * A claim above this many units at once (e.g. a filled posting's openings) is flagged for the coordinators: a
     * plausible posting has a few openings, vacancy-service allows at most 500.
     */
    static final BigDecimal LARGE_CLAIM = BigDecimal.valueOf(50);

    record Entry(UUID id, UUID partnerId, List<UUID> networkIds, Side side, Category category, BigDecimal quantity, String unit,
            LocalDate from, LocalDate to, Origin origin, String sourceEventId, String sourceEventType, String causeId,
            boolean largeClaim, String reversedBy, Instant reversedAt, Instant createdAt, Confirmation confirmation) {
    }

    private final JdbcTemplate jdbc;

    EntryListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Entries of {@code partners}; with a {@code network}, those listing it or no network (as the network's balance);
     * with a {@code confirmation}, those in that state (e.g. the PENDING ones a partner has to confirm).
     */
    Page<Entry> list(List<UUID> partners, UUID network, LocalDate from, LocalDate to, Confirmation confirmation, int page, int size) {
        StringBuilder where = new StringBuilder(" from ledger_entry where partner_id::text = any(string_to_array(?, ','))");
        List<Object> args = new ArrayList<>();
        args.add(String.join(",", partners.stream().map(UUID::toString).toList()));
        if (network != null) {
            where.append(" and (? = any(network_ids) or cardinality(network_ids) = 0)");
            args.add(network);
        }
        if (confirmation != null) {
            where.append(" and confirmation = ?");
            args.add(confirmation.name());
        }
        if (from != null) {
            where.append(" and period_to >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            where.append(" and period_from <= ?");
            args.add(Date.valueOf(to));
        }
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add(Page.offset(page, size));
        List<Entry> items = jdbc.query("select *" + where + " order by period_from desc, created_at desc, id limit ? offset ?",
                EntryListing::entry, paged.toArray());
        return new Page<>(items, page, size, total);
    }

    /** One entry by id (it exists). */
    Entry entry(UUID id) {
        return jdbc.queryForObject("select * from ledger_entry where id = ?", EntryListing::entry, id);
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        BigDecimal quantity = rs.getBigDecimal("quantity");
        var reversedAt = rs.getTimestamp("reversed_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                Arrays.asList((UUID[]) rs.getArray("network_ids").getArray()), Side.valueOf(rs.getString("side")),
                Category.valueOf(rs.getString("category")), quantity, rs.getString("unit"), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), Origin.valueOf(rs.getString("origin")), rs.getString("source_event_id"),
                rs.getString("source_event_type"), rs.getString("cause_id"), quantity.compareTo(LARGE_CLAIM) > 0,
                rs.getString("reversed_by"), reversedAt == null ? null : reversedAt.toInstant(),
                rs.getTimestamp("created_at").toInstant(), Confirmation.valueOf(rs.getString("confirmation")));
    }
}
