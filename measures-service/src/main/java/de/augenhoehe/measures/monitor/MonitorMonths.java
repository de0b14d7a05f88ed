package de.augenhoehe.measures.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code monitor_month}: the monthly aggregates of {@code monitor_vacancy} the monitor answers from (issue #18). One row
 * per network × Kreis × occupation group × type × month (Europe/Berlin) with what the postings published in the month
 * brought (inflow, their events) and what those closed in it took (outflow, closed, unfilled, their events, the
 * vacancy-time histogram {@link VacancyDays}). Stock and "events" of a month are running sums over the months before:
 * stock at a month's end = Σ inflow − Σ outflow up to it; the events of the postings that touch a month = Σ events_in up
 * to it − Σ events_out before it. The type stays in the key, so which types are vacancies ({@link OfferTypes}) is
 * still decided when reading. Maintained as a delta in the projection's transaction ({@link #replace}).
 */
@Component
class MonitorMonths {

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::network).thenComparing(Key::kreis)
            .thenComparing(Key::group).thenComparing(Key::type).thenComparing(Key::month);

    /** One row of {@code monitor_vacancy}, as far as the aggregates need it. */
    record Posting(List<UUID> networks, String kreis, String group, String type, boolean temporaryAgency, int openings,
            Instant published, Instant closed, String reason, int events) {

        boolean counted() {
            return !temporaryAgency && kreis != null;
        }
    }

    private record Key(UUID network, String kreis, String group, String type, LocalDate month) {
    }

    /** What a posting adds to (or, negated, takes from) one row. */
    private record Sums(int inflow, int outflow, int closed, int unfilled, int eventsIn, int eventsOut, VacancyDays days) {
        static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, VacancyDays.NONE);

        Sums plus(Sums o) {
            return new Sums(inflow + o.inflow, outflow + o.outflow, closed + o.closed, unfilled + o.unfilled,
                    eventsIn + o.eventsIn, eventsOut + o.eventsOut, days.plus(o.days));
        }

        Sums negated() {
            return new Sums(-inflow, -outflow, -closed, -unfilled, -eventsIn, -eventsOut, days.negated());
        }

        boolean isZero() {
            return equals(new Sums(0, 0, 0, 0, 0, 0, days)) && days.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;

    MonitorMonths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The posting's row as it is now (null: none). */
    Posting posting(UUID vacancy) {
        return jdbc.query("""
                select network_ids::text[], kreis, occupation_group, type, temporary_agency, openings, published_at, closed_at, close_reason, events
                from monitor_vacancy where vacancy_id = ?""", rs -> rs.next() ? new Posting(
                Arrays.stream((String[]) rs.getArray(1).getArray()).map(UUID::fromString).toList(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getInt(10)) : null, vacancy);
    }

    /**
     * The posting changed from {@code before} to {@code after} (either null: absent): takes its old contribution from
     * the rows and adds its new one. Rows are written in key order, so two transactions never wait for each other in a
     * circle.
     */
    void replace(Posting before, Posting after) {
        Map<Key, Sums> delta = new TreeMap<>(ORDER);
        contribution(before).forEach((k, s) -> delta.merge(k, s.negated(), Sums::plus));
        contribution(after).forEach((k, s) -> delta.merge(k, s, Sums::plus));
        delta.forEach((k, s) -> {
            if (s.isZero()) {
                return;
            }
            LocalDate month = k.month();
            // the row is locked from here on, so its histogram can be read, merged and written back
            jdbc.update("""
                    insert into monitor_month as m (network_id, kreis, occupation_group, type, month, inflow, outflow, closed, unfilled, events_in, events_out)
                    values (?, ?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?)
                    on conflict (network_id, kreis, occupation_group, type, month) do update set inflow = m.inflow + excluded.inflow,
                        outflow = m.outflow + excluded.outflow, closed = m.closed + excluded.closed, unfilled = m.unfilled + excluded.unfilled,
                        events_in = m.events_in + excluded.events_in, events_out = m.events_out + excluded.events_out""",
                    k.network(), k.kreis(), k.group(), k.type(), month, s.inflow(), s.outflow(), s.closed(), s.unfilled(), s.eventsIn(), s.eventsOut());
            if (!s.days().isEmpty()) {
                byte[] days = jdbc.queryForObject("""
                        select days from monitor_month where network_id = ? and kreis = ? and occupation_group = ? and type = ? and month = ?::date""",
                        byte[].class, k.network(), k.kreis(), k.group(), k.type(), month);
                jdbc.update("""
                        update monitor_month set days = ? where network_id = ? and kreis = ? and occupation_group = ? and type = ? and month = ?::date""",
                        VacancyDays.parse(days).plus(s.days()).bytes(), k.network(), k.kreis(), k.group(), k.type(), month);
            }
        });
    }

    private static Map<Key, Sums> contribution(Posting p) {
        Map<Key, Sums> out = new LinkedHashMap<>();
        if (p == null || !p.counted()) {
            return out;
        }
        for (UUID network : p.networks()) {
            out.merge(new Key(network, p.kreis(), p.group(), p.type(), month(p.published())),
                    new Sums(p.openings(), 0, 0, 0, p.events(), 0, VacancyDays.NONE), Sums::plus);
            if (p.closed() != null) {
                boolean unfilled = "EXPIRED".equals(p.reason()) || "WITHDRAWN".equals(p.reason());
                out.merge(new Key(network, p.kreis(), p.group(), p.type(), month(p.closed())),
                        new Sums(0, p.openings(), 1, unfilled ? 1 : 0, 0, p.events(), VacancyDays.of(VacancyDays.bucket(p.published(), p.closed()), 1)),
                        Sums::plus);
            }
        }
        return out;
    }

    private static LocalDate month(Instant t) {
        return YearMonth.from(t.atZone(Monitor.BERLIN)).atDay(1);
    }

    /** The sums of one row, or of the rows of all months before the period. */
    record Row(int inflow, int outflow, int closed, int unfilled, int eventsIn, int eventsOut, VacancyDays days) {
        static final Row ZERO = new Row(0, 0, 0, 0, 0, 0, VacancyDays.NONE);

        Row plus(Row o) {
            return new Row(inflow + o.inflow, outflow + o.outflow, closed + o.closed, unfilled + o.unfilled,
                    eventsIn + o.eventsIn, eventsOut + o.eventsOut, days.plus(o.days));
        }
    }

    /** One cell (Kreis × occupation group, or Kreis × type): the sums of all months before the period, and each month's of it. */
    record Cell(String kreis, String key, Row before, Map<YearMonth, Row> months) {
    }

    /**
     * The cells of a network with postings of these types up to the period's last month, by Kreis and cell key
     * ({@code byType}: the type, else the occupation group) — the types of a cell summed. Reads only aggregate rows: one
     * per cell for the time before the period, one per cell × type × month of the period.
     */
    List<Cell> cells(UUID network, List<String> types, boolean byType, String kreis, YearMonth first, YearMonth last) {
        String key = byType ? "type" : "occupation_group";
        String where = "network_id = ? and type = any(?::text[]) and (?::text is null or kreis = ?)";
        String typeArray = "{" + String.join(",", types) + "}";
        Map<String, Cell> cells = new TreeMap<>();
        jdbc.query("select kreis, " + key + ", null::date, sum(inflow), sum(outflow), sum(closed), sum(unfilled), sum(events_in), sum(events_out), null::bytea"
                        + " from monitor_month where " + where + " and month < ?::date group by 1, 2"
                        + " union all select kreis, " + key + ", month, inflow, outflow, closed, unfilled, events_in, events_out, days"
                        + " from monitor_month where " + where + " and month between ?::date and ?::date",
                rs -> {
                    String k = rs.getString(1);
                    String c = rs.getString(2);
                    Cell cell = cells.computeIfAbsent(k + "/" + c, x -> new Cell(k, c, Row.ZERO, new TreeMap<>()));
                    Row row = new Row(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(6) == 0 ? VacancyDays.NONE : VacancyDays.parse(rs.getBytes(10)));
                    LocalDate month = rs.getObject(3, LocalDate.class);
                    if (month == null) {
                        cells.put(k + "/" + c, new Cell(cell.kreis(), cell.key(), cell.before().plus(row), cell.months()));
                    } else {
                        cell.months().merge(YearMonth.from(month), row, Row::plus);
                    }
                },
                network, typeArray, kreis, kreis, first.atDay(1), network, typeArray, kreis, kreis, first.atDay(1), last.atDay(1));
        return List.copyOf(cells.values());
    }
}
