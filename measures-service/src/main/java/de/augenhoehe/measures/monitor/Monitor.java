package de.augenhoehe.measures.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monitor's figures. Vacancy figures come from the monthly aggregates {@link MonitorMonths} of {@code monitor_vacancy}
 * (the read model of vacancy-events) — a few thousand rows however many postings there are,
 * measure figures from this service's own records of measures, registrations, attendance and outcomes — the
 * source of the measure events. Months are calendar months in Europe/Berlin; temporary-work agencies are excluded, and
 * only real vacancies ({@link OfferTypes}) make stock and flows.
 */
@Component
class Monitor {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    record Period(LocalDate from, LocalDate to) {
        static Period of(YearMonth first, YearMonth last) {
            return new Period(first.atDay(1), last.atEndOfMonth());
        }

        Instant start() {
            return from.atStartOfDay(BERLIN).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(BERLIN).toInstant();
        }
    }

    record Month(String kreis, String occupationGroup, YearMonth month, Period period, int stock, int inflow, int outflow,
            Double medianVacancyDays, int closedVacancies, int events) {
    }

    /** A month of {@link #series}: the figures of {@link Month}, summed over the cells asked. */
    record SeriesMonth(YearMonth month, Period period, int stock, int inflow, int outflow, Double medianVacancyDays,
            int closedVacancies, int events) {
    }

    /** Internships, project days, working-student posts of one Kreis and type in one month: places, not vacancies. */
    record Offers(String kreis, String type, YearMonth month, Period period, int stock, int inflow, int outflow, int events) {
    }

    record Bottleneck(String kreis, String occupationGroup, Period period, Double score, boolean bottleneck,
            List<Bottlenecks.Indicator> indicators, String formula, int events) {
    }

    record Gap(String kreis, String occupationGroup, Period period, Double score, List<Bottlenecks.Indicator> indicators,
            String formula, int events, String proposal) {
    }

    record Figure(String name, Double value, Period period, int events, String definition) {
    }

    record Participants(String targetGroup, int participants, Period period, int events) {
    }

    record MeasureFigures(Period period, List<Participants> participantsByTargetGroup, Figure attendanceRate, Figure noShowRate,
            Figure transitionRate) {
    }

    /** Returnee campaign steps of one month; {@code events} = steps counted. */
    record ReturneeMonth(YearMonth month, Period period, int signedUp, int confirmed, int matched, int returned, int hired,
            Map<String, Integer> signedUpByOccupationGroup, int events) {
    }

    private final JdbcTemplate jdbc;
    private final MonitorMonths aggregates;
    private final InFlight<List<Object>, List<Bottleneck>> computing = new InFlight<>();
    private final InFlight<List<Object>, List<MonitorMonths.Cell>> readingCells = new InFlight<>();

    Monitor(JdbcTemplate jdbc, MonitorMonths aggregates) {
        this.jdbc = jdbc;
        this.aggregates = aggregates;
    }

    /** Per Kreis × occupation group × month: stock at month end, inflow, outflow (openings), median vacancy time of those closed. */
    List<Month> months(UUID network, YearMonth first, YearMonth last, String kreis) {
        List<Month> out = new ArrayList<>();
        for (MonitorMonths.Cell cell : aggregates.cells(network, OfferTypes.VACANCIES, false, kreis, first, last)) {
            monthly(cell, first, last, (m, row, stock, events) -> {
                Double median = row.days().median();
                out.add(new Month(cell.kreis(), cell.key(), m, Period.of(m, m), stock, row.inflow(), row.outflow(),
                        median == null ? null : Bottlenecks.round(median), row.closed(), events));
            });
        }
        return out;
    }

    /** Per Kreis × type × month, the other offers (OfferTypes.OTHER_OFFERS): places open at month end, offered, closed. */
    List<Offers> offers(UUID network, YearMonth first, YearMonth last, String kreis) {
        List<Offers> out = new ArrayList<>();
        for (MonitorMonths.Cell cell : aggregates.cells(network, OfferTypes.OTHER_OFFERS, true, kreis, first, last)) {
            monthly(cell, first, last, (m, row, stock, events) ->
                    out.add(new Offers(cell.kreis(), cell.key(), m, Period.of(m, m), stock, row.inflow(), row.outflow(), events)));
        }
        return out;
    }

    private interface MonthlyFigure {
        void month(YearMonth month, MonitorMonths.Row row, int stock, int events);
    }

    /**
     * Walks a cell's months with the running sums: stock at the month's end, and the events of the postings that touch
     * the month (published before its end, not closed before its start) — a month no posting touches is left out.
     */
    private static void monthly(MonitorMonths.Cell cell, YearMonth first, YearMonth last, MonthlyFigure figure) {
        int stock = cell.before().inflow() - cell.before().outflow();
        int eventsIn = cell.before().eventsIn();
        int eventsOut = cell.before().eventsOut();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            MonitorMonths.Row row = cell.months().getOrDefault(m, MonitorMonths.Row.ZERO);
            stock += row.inflow() - row.outflow();
            int events = eventsIn + row.eventsIn() - eventsOut;
            eventsIn += row.eventsIn();
            eventsOut += row.eventsOut();
            if (events > 0) {
                figure.month(m, row, stock, events);
            }
        }
    }

    /** A network's vacancy cells of a period (all Kreise, by occupation group), read once for concurrent askers. */
    private List<MonitorMonths.Cell> vacancyCells(UUID network, YearMonth first, YearMonth last) {
        return readingCells.join(List.of(network, first, last),
                () -> aggregates.cells(network, OfferTypes.VACANCIES, false, null, first, last));
    }

    /**
     * Stock and flows of the network's vacancies per month of the period, summed over the cells of the Kreis and the
     * occupation group asked (null: all): what the portal's chart shows. The median vacancy time is the median of
     * all postings ended in the month (their histograms merged), not a mean of the cells' medians. Every month of
     * the period answers, one that no posting touches with zeros.
     */
    List<SeriesMonth> series(UUID network, YearMonth first, YearMonth last, String kreis, String group) {
        Map<YearMonth, int[]> sums = new TreeMap<>();
        Map<YearMonth, VacancyDays.Tally> days = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            sums.put(m, new int[5]);
            days.put(m, new VacancyDays.Tally());
        }
        for (MonitorMonths.Cell cell : vacancyCells(network, first, last)) {
            if ((kreis != null && !kreis.equals(cell.kreis())) || (group != null && !group.equals(cell.key()))) {
                continue;
            }
            monthly(cell, first, last, (m, row, stock, events) -> {
                int[] sum = sums.get(m);
                sum[0] += stock;
                sum[1] += row.inflow();
                sum[2] += row.outflow();
                sum[3] += row.closed();
                sum[4] += events;
                days.get(m).add(row.days());
            });
        }
        List<SeriesMonth> out = new ArrayList<>();
        sums.forEach((m, s) -> {
            Double median = days.get(m).median();
            out.add(new SeriesMonth(m, Period.of(m, m), s[0], s[1], s[2], median == null ? null : Bottlenecks.round(median), s[3], s[4]));
        });
        return out;
    }

    /** The bottlenecks of a network and period; {@code /gaps} asked at the same time joins the same computation. */
    List<Bottleneck> bottlenecks(UUID network, YearMonth first, YearMonth last) {
        return computing.join(List.of(network, first, last), () -> List.copyOf(computeBottlenecks(network, first, last)));
    }

    private List<Bottleneck> computeBottlenecks(UUID network, YearMonth first, YearMonth last) {
        Period p = Period.of(first, last);
        record Totals(MonitorMonths.Cell cell, int inflow, int outflow, int closed, int unfilled, int eventsIn, Double median) {
        }
        List<Totals> cells = new ArrayList<>();
        VacancyDays.Tally all = new VacancyDays.Tally();
        for (MonitorMonths.Cell cell : vacancyCells(network, first, last)) {
            int inflow = 0, outflow = 0, closed = 0, unfilled = 0, eventsIn = 0;
            VacancyDays.Tally days = new VacancyDays.Tally();
            for (MonitorMonths.Row row : cell.months().values()) {
                inflow += row.inflow();
                outflow += row.outflow();
                closed += row.closed();
                unfilled += row.unfilled();
                eventsIn += row.eventsIn();
                days.add(row.days());
                all.add(row.days());
            }
            cells.add(new Totals(cell, inflow, outflow, closed, unfilled, eventsIn, days.median()));
        }
        Double allMedian = all.median();
        List<Bottleneck> out = new ArrayList<>();
        for (Totals t : cells) {
            MonitorMonths.Row before = t.cell().before();
            // the events of the postings that touch the period: published before its end, not closed before its start
            int events = before.eventsIn() + t.eventsIn() - before.eventsOut();
            if (events <= 0) {
                continue;
            }
            int stockStart = before.inflow() - before.outflow();
            int stockEnd = stockStart + t.inflow() - t.outflow();
            var score = Bottlenecks.score(t.median(), t.closed(), t.unfilled(), stockStart, stockEnd, allMedian);
            out.add(new Bottleneck(t.cell().kreis(), t.cell().key(), p, score.score(), score.bottleneck(), score.indicators(), score.formula(), events));
        }
        out.sort(Comparator.comparing((Bottleneck b) -> b.score() == null ? -1 : b.score()).reversed()
                .thenComparing(Bottleneck::kreis).thenComparing(Bottleneck::occupationGroup));
        return out;
    }

    /** Bottlenecks that no planned or open measure with a session in that Kreis addresses (by its occupation groups). */
    List<Gap> gaps(UUID network, YearMonth first, YearMonth last) {
        List<Bottleneck> bottlenecks = bottlenecks(network, first, last).stream().filter(Bottleneck::bottleneck).toList();
        // one query for every Kreis × group a planned or open measure addresses, not one per bottleneck
        Set<String> addressed = new HashSet<>(jdbc.queryForList("""
                select distinct s.kreis || '/' || g from measure m join measure_session s on s.measure_id = m.id
                cross join unnest(m.occupation_groups) g where m.status in ('PLANNED', 'OPEN', 'FULL') and s.kreis = any(?::text[])""",
                String.class, "{" + String.join(",", bottlenecks.stream().map(Bottleneck::kreis).distinct().toList()) + "}"));
        return bottlenecks.stream().filter(b -> !addressed.contains(b.kreis() + "/" + b.occupationGroup()))
                .map(b -> new Gap(b.kreis(), b.occupationGroup(), b.period(), b.score(), b.indicators(), b.formula(), b.events(),
                        "No planned or open measure in Kreis " + b.kreis() + " addresses occupation group " + b.occupationGroup()
                                + ": a working group could plan one (e.g. a technology day, a project day or an internship programme)"))
                .toList();
    }

    /** Measures of the network with a session in the period: participants by target group, attendance, transitions. */
    MeasureFigures measures(UUID network, YearMonth first, YearMonth last) {
        Period p = Period.of(first, last);
        String inPeriod = "m.network_id = ? and exists(select 1 from measure_session s where s.measure_id = m.id and s.day between ? and ?)";
        List<Participants> byGroup = jdbc.query("""
                select coalesce(r.target_group, 'NOT_STATED'), sum(r.places), count(*) from registration r join measure m on m.id = r.measure_id
                where r.status = 'CONFIRMED' and\s""" + inPeriod + " group by 1 order by 1",
                (rs, n) -> new Participants(rs.getString(1), rs.getInt(2), p, rs.getInt(3)), network, p.from(), p.to());
        Map<String, Object> att = jdbc.queryForMap("""
                select count(*) filter (where a.attended) as attended, count(*) as records
                from attendance a join measure_session s on s.id = a.session_id join measure m on m.id = s.measure_id
                where m.network_id = ? and s.day between ? and ?""", network, p.from(), p.to());
        int records = ((Number) att.get("records")).intValue();
        int attended = ((Number) att.get("attended")).intValue();
        Map<String, Object> out = jdbc.queryForMap("""
                select count(*) filter (where o.outcome in ('STARTED_APPRENTICESHIP', 'STARTED_JOB')) as transitions, count(*) as outcomes
                from outcome o join registration r on r.id = o.registration_id join measure m on m.id = r.measure_id
                where\s""" + inPeriod, network, p.from(), p.to());
        int outcomes = ((Number) out.get("outcomes")).intValue();
        int transitions = ((Number) out.get("transitions")).intValue();
        return new MeasureFigures(p, byGroup,
                new Figure("attendanceRate", rate(attended, records), p, records, "attended ÷ attendance records (sessions in the period)"),
                new Figure("noShowRate", rate(records - attended, records), p, records, "no-show ÷ attendance records (sessions in the period)"),
                new Figure("transitionRate", rate(transitions, outcomes), p, outcomes,
                        "outcomes STARTED_APPRENTICESHIP or STARTED_JOB ÷ all recorded outcomes"));
    }

    /** Returnee campaigns of the network per month, from outreach-events (pseudonymous steps). */
    List<ReturneeMonth> returnees(UUID network, YearMonth first, YearMonth last) {
        List<ReturneeMonth> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Period p = Period.of(m, m);
            Map<String, Integer> steps = new LinkedHashMap<>();
            Map<String, Integer> byGroup = new TreeMap<>();
            jdbc.query("""
                    select step, coalesce(occupation_group, 'NOT_STATED'), count(*) from monitor_returnee_step
                    where network_id = ? and occurred_at >= ? and occurred_at < ? group by 1, 2""",
                    rs -> {
                        steps.merge(rs.getString(1), rs.getInt(3), Integer::sum);
                        if ("SIGNED_UP".equals(rs.getString(1))) {
                            byGroup.merge(rs.getString(2), rs.getInt(3), Integer::sum);
                        }
                    }, network, Timestamp.from(p.start()), Timestamp.from(p.end()));
            int events = steps.values().stream().mapToInt(Integer::intValue).sum();
            out.add(new ReturneeMonth(m, p, steps.getOrDefault("SIGNED_UP", 0), steps.getOrDefault("CONFIRMED", 0),
                    steps.getOrDefault("MATCHED", 0), steps.getOrDefault("RETURNED", 0), steps.getOrDefault("HIRED", 0), byGroup, events));
        }
        return out;
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Bottlenecks.round(part / (double) whole);
    }
}
