package de.augenhoehe.measures.monitor;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.measures.monitor.Monitor.Bottleneck;
import de.augenhoehe.measures.monitor.Monitor.Month;
import de.augenhoehe.measures.monitor.Monitor.Offers;
import de.augenhoehe.measures.monitor.Monitor.Period;

/**
 * The oracle of the monthly aggregates: the monitor's figures as they were computed before #18 — every posting of the
 * network in the period read from {@code monitor_vacancy} and aggregated here, with exact medians.
 */
record RecomputedMonitor(JdbcTemplate jdbc) {

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

    private List<Vacancy> postings(UUID network, Period p, String kreis, List<String> types) {
        return jdbc.query("""
                select kreis, occupation_group, type, openings, published_at, closed_at, close_reason, events from monitor_vacancy
                where network_ids @> array[?]::uuid[] and not temporary_agency and kreis is not null and type = any(?::text[])
                  and (?::text is null or kreis = ?) and published_at < ? and (closed_at is null or closed_at >= ?)""",
                (rs, n) -> new Vacancy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8)),
                network, "{" + String.join(",", types) + "}", kreis, kreis, Timestamp.from(p.end()), Timestamp.from(p.start()));
    }

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

    List<Month> months(UUID network, YearMonth first, YearMonth last, String kreis) {
        List<Month> out = new ArrayList<>();
        group(postings(network, Period.of(first, last), kreis, OfferTypes.VACANCIES), Vacancy::occupationGroup).forEach((cell, vs) -> {
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

    List<Monitor.SeriesMonth> series(UUID network, YearMonth first, YearMonth last, String kreis, String group) {
        List<Vacancy> vs = postings(network, Period.of(first, last), kreis, OfferTypes.VACANCIES).stream()
                .filter(v -> group == null || group.equals(v.occupationGroup())).toList();
        List<Monitor.SeriesMonth> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Period p = Period.of(m, m);
            Flows f = Flows.of(vs, p);
            out.add(new Monitor.SeriesMonth(m, p, f.stock(), f.inflow(), f.outflow(),
                    f.days().isEmpty() ? null : Bottlenecks.round(Bottlenecks.median(f.days())), f.days().size(), f.events()));
        }
        return out;
    }

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
        List<Vacancy> all = postings(network, p, null, OfferTypes.VACANCIES);
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

    private static Map<String, List<Vacancy>> group(List<Vacancy> vacancies, Function<Vacancy, String> by) {
        Map<String, List<Vacancy>> byCell = new LinkedHashMap<>();
        vacancies.forEach(v -> byCell.computeIfAbsent(v.kreis() + "/" + by.apply(v), k -> new ArrayList<>()).add(v));
        return byCell;
    }
}
