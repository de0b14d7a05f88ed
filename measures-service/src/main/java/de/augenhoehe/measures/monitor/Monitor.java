package de.augenhoehe.measures.monitor;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monitor's figures. Vacancy figures come from {@code monitor_vacancy} (the read model of vacancy-events),
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

    /** One posting as far as the monitor knows it. */
    record Vacancy(String kreis, String occupationGroup, String type, int openings, Instant publishedAt, Instant closedAt, String reason, int events) {
        boolean openAt(Instant t) {
            return publishedAt.isBefore(t) && (closedAt == null || !closedAt.isBefore(t));
        }

        boolean publishedIn(Period p) {
            return !publishedAt.isBefore(p.start()) && publishedAt.isBefore(p.end());
        }

        boolean closedIn(Period p) {
            return closedAt != null && !closedAt.isBefore(p.start()) && closedAt.isBefore(p.end());
        }

        boolean touches(Period p) {
            return publishedAt.isBefore(p.end()) && (closedAt == null || !closedAt.isBefore(p.start()));
        }

        double days() {
            return Duration.between(publishedAt, closedAt).toMinutes() / 1440.0;
        }
    }

    record Month(String kreis, String occupationGroup, YearMonth month, Period period, int stock, int inflow, int outflow,
            Double medianVacancyDays, int closedVacancies, int events) {
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

    Monitor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Real vacancies only (OfferTypes.VACANCIES): what stock, flows, bottlenecks and gaps are made of.
     * SHORTCUT(#18): every answer reads each vacancy of the network in the period and aggregates here; with 1,000,000
     * postings' worth of data the monitor page cannot render in 300 ms so — it needs monthly aggregates in the read model.
     */
    List<Vacancy> vacancies(UUID network, Period p, String kreis) {
        return postings(network, p, kreis, OfferTypes.VACANCIES);
    }

    private List<Vacancy> postings(UUID network, Period p, String kreis, List<String> types) {
        return jdbc.query("""
                select kreis, occupation_group, type, openings, published_at, closed_at, close_reason, events from monitor_vacancy
                where network_ids @> array[?]::uuid[] and not temporary_agency and kreis is not null and type = any(?::text[])
                  and (?::text is null or kreis = ?) and published_at < ? and (closed_at is null or closed_at >= ?)""",
                (rs, n) -> new Vacancy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8)),
                network, "{" + String.join(",", types) + "}", kreis, kreis, Timestamp.from(p.end()), Timestamp.from(p.start()));
    }

    /** Stock at the end of a month, inflow, outflow (openings), vacancy days of those closed, underlying events. */
    private record Flows(int stock, int inflow, int outflow, List<Double> days, int events) {
        static Flows of(List<Vacancy> vs, Period p) {
            int stock = 0, inflow = 0, outflow = 0, events = 0;
            List<Double> days = new ArrayList<>();
            for (Vacancy v : vs) {
                if (!v.touches(p)) {
                    continue;
                }
                events += v.events();
                stock += v.openAt(p.end()) ? v.openings() : 0;
                inflow += v.publishedIn(p) ? v.openings() : 0;
                if (v.closedIn(p)) {
                    outflow += v.openings();
                    days.add(v.days());
                }
            }
            return new Flows(stock, inflow, outflow, days, events);
        }
    }

    /** Per Kreis × occupation group × month: stock at month end, inflow, outflow (openings), median vacancy time of those closed. */
    List<Month> months(UUID network, YearMonth first, YearMonth last, String kreis) {
        List<Month> out = new ArrayList<>();
        group(vacancies(network, Period.of(first, last), kreis), Vacancy::occupationGroup).forEach((cell, vs) -> {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Period p = Period.of(m, m);
                Flows f = Flows.of(vs, p);
                if (f.events() > 0) {
                    out.add(new Month(vs.get(0).kreis(), vs.get(0).occupationGroup(), m, p, f.stock(), f.inflow(), f.outflow(),
                            f.days().isEmpty() ? null : Bottlenecks.round(Bottlenecks.median(f.days())), f.days().size(), f.events()));
                }
            }
        });
        out.sort(Comparator.comparing(Month::kreis).thenComparing(Month::occupationGroup).thenComparing(Month::month));
        return out;
    }

    /** Per Kreis × type × month, the other offers (OfferTypes.OTHER_OFFERS): places open at month end, offered, closed. */
    List<Offers> offers(UUID network, YearMonth first, YearMonth last, String kreis) {
        List<Offers> out = new ArrayList<>();
        group(postings(network, Period.of(first, last), kreis, OfferTypes.OTHER_OFFERS), Vacancy::type).forEach((cell, vs) -> {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Period p = Period.of(m, m);
                Flows f = Flows.of(vs, p);
                if (f.events() > 0) {
                    out.add(new Offers(vs.get(0).kreis(), vs.get(0).type(), m, p, f.stock(), f.inflow(), f.outflow(), f.events()));
                }
            }
        });
        out.sort(Comparator.comparing(Offers::kreis).thenComparing(Offers::type).thenComparing(Offers::month));
        return out;
    }

    List<Bottleneck> bottlenecks(UUID network, YearMonth first, YearMonth last) {
        Period p = Period.of(first, last);
        List<Vacancy> all = vacancies(network, p, null);
        List<Double> allDays = all.stream().filter(v -> v.closedIn(p)).map(Vacancy::days).toList();
        Double allMedian = allDays.isEmpty() ? null : Bottlenecks.median(allDays);
        List<Bottleneck> out = new ArrayList<>();
        group(all, Vacancy::occupationGroup).forEach((cell, vs) -> {
            List<Vacancy> closed = vs.stream().filter(v -> v.closedIn(p)).toList();
            int unfilled = (int) closed.stream().filter(v -> "EXPIRED".equals(v.reason()) || "WITHDRAWN".equals(v.reason())).count();
            int stockStart = vs.stream().filter(v -> v.openAt(p.start())).mapToInt(Vacancy::openings).sum();
            int stockEnd = vs.stream().filter(v -> v.openAt(p.end())).mapToInt(Vacancy::openings).sum();
            Double groupMedian = closed.isEmpty() ? null : Bottlenecks.median(closed.stream().map(Vacancy::days).toList());
            var score = Bottlenecks.score(groupMedian, closed.size(), unfilled, stockStart, stockEnd, allMedian);
            out.add(new Bottleneck(vs.get(0).kreis(), vs.get(0).occupationGroup(), p, score.score(), score.bottleneck(),
                    score.indicators(), score.formula(), vs.stream().mapToInt(Vacancy::events).sum()));
        });
        out.sort(Comparator.comparing((Bottleneck b) -> b.score() == null ? -1 : b.score()).reversed()
                .thenComparing(Bottleneck::kreis).thenComparing(Bottleneck::occupationGroup));
        return out;
    }

    /** Bottlenecks that no planned or open measure with a session in that Kreis addresses (by its occupation groups). */
    List<Gap> gaps(UUID network, YearMonth first, YearMonth last) {
        return bottlenecks(network, first, last).stream().filter(Bottleneck::bottleneck)
                .filter(b -> !Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists(select 1 from measure m where m.status in ('PLANNED', 'OPEN', 'FULL') and ? = any(m.occupation_groups)
                                      and exists(select 1 from measure_session s where s.measure_id = m.id and s.kreis = ?))""",
                        Boolean.class, b.occupationGroup(), b.kreis())))
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

    private static Map<String, List<Vacancy>> group(List<Vacancy> vacancies, Function<Vacancy, String> by) {
        Map<String, List<Vacancy>> byCell = new LinkedHashMap<>();
        vacancies.forEach(v -> byCell.computeIfAbsent(v.kreis() + "/" + by.apply(v), k -> new ArrayList<>()).add(v));
        return byCell;
    }
}
