package de.augenhoehe.measures.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

import de.augenhoehe.measures.ProducerFeed;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.RealInfrastructure;

/**
 * The monthly aggregates (#18) against the computation they replace ({@link RecomputedMonitor}, every posting read and
 * aggregated in Java): a random mix of vacancy-events — two networks, postings in both, stale and repeated events,
 * openings and Kreis changed, changes after the close, temporary-work agencies, postings without Kreis, every type — and
 * every answer must equal the recomputation from {@code monitor_vacancy}. Vacancy times are whole tenths of a day, so
 * even the medians must be equal (the histogram's resolution); the migration's fill statement must give the same rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RealInfrastructure(isolatedDatabase = true)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MonitorAggregatesIT {

    static final ProducerFeed FEED = new ProducerFeed("vacancy-service", "vacancy-events");
    static final List<String> KREISE = List.of("08121", "08125", "08126");
    static final List<String> GROUPS = List.of("262", "513", "242");
    static final List<String> TYPES = List.of("JOB", "JOB", "APPRENTICESHIP", "DUAL_STUDY", "INTERNSHIP", "PROJECT_DAY", "WORKING_STUDENT");
    static final List<String> REASONS = List.of("FILLED", "FILLED", "EXPIRED", "WITHDRAWN");
    static final Instant START = Instant.parse("2025-09-20T06:00:00Z");
    static final Duration TENTH_OF_A_DAY = Duration.ofMinutes(144);

    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired Monitor monitor;

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();

    record Event(String id, String type, UUID key, String data) {
    }

    @Test
    void the_aggregates_answer_what_every_posting_recomputed_answers() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<List<Event>> perVacancy = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            perVacancy.add(history(random));
        }
        // one vacancy's events in order (one partition), the vacancies interleaved at random
        List<Event> all = new ArrayList<>();
        List<Integer> next = new ArrayList<>(Collections.nCopies(perVacancy.size(), 0));
        while (all.size() < perVacancy.stream().mapToInt(List::size).sum()) {
            int v = random.nextInt(perVacancy.size());
            if (next.get(v) < perVacancy.get(v).size()) {
                all.add(perVacancy.get(v).get(next.get(v)));
                next.set(v, next.get(v) + 1);
            }
        }
        for (Event e : all) {
            FEED.conforms(e.type(), e.data());
            FEED.deliver(kafka, e.id(), e.type(), e.key().toString(), e.data());
        }
        Eventually.await("all " + all.size() + " events consumed", Duration.ofSeconds(60),
                () -> all.stream().allMatch(e -> ProducerFeed.consumed(jdbc, e.id())));

        RecomputedMonitor oracle = new RecomputedMonitor(jdbc);
        List<YearMonth[]> periods = List.of(
                new YearMonth[] {YearMonth.of(2025, 9), YearMonth.of(2026, 8)},
                new YearMonth[] {YearMonth.of(2026, 1), YearMonth.of(2026, 3)},
                new YearMonth[] {YearMonth.of(2026, 5), YearMonth.of(2026, 5)},
                new YearMonth[] {YearMonth.of(2025, 1), YearMonth.of(2027, 12)});
        for (UUID network : List.of(a, b)) {
            for (YearMonth[] p : periods) {
                String what = "seed " + seed + ", network " + (network == a ? "a" : "b") + ", " + p[0] + "…" + p[1];
                for (String kreis : new String[] {null, "08125"}) {
                    assertThat(monitor.months(network, p[0], p[1], kreis)).as(what + " vacancies " + kreis)
                            .isEqualTo(oracle.months(network, p[0], p[1], kreis));
                    assertThat(monitor.offers(network, p[0], p[1], kreis)).as(what + " offers " + kreis)
                            .isEqualTo(oracle.offers(network, p[0], p[1], kreis));
                    for (String group : new String[] {null, "513"}) {
                        assertThat(monitor.series(network, p[0], p[1], kreis, group)).as(what + " series " + kreis + " " + group)
                                .isEqualTo(oracle.series(network, p[0], p[1], kreis, group));
                    }
                }
                List<Monitor.Bottleneck> bottlenecks = oracle.bottlenecks(network, p[0], p[1]);
                assertThat(monitor.bottlenecks(network, p[0], p[1])).as(what + " bottlenecks").isEqualTo(bottlenecks);
                // no measures here: every bottleneck is a gap
                assertThat(monitor.gaps(network, p[0], p[1])).as(what + " gaps").extracting(g -> g.kreis() + "/" + g.occupationGroup())
                        .isEqualTo(bottlenecks.stream().filter(Monitor.Bottleneck::bottleneck).map(x -> x.kreis() + "/" + x.occupationGroup()).toList());
            }
        }
        assertThat(monitor.months(a, YearMonth.of(2025, 9), YearMonth.of(2026, 8), null)).as("the test has data").hasSizeGreaterThan(20);

        // the migration's statement fills the same rows from monitor_vacancy (rows the deltas emptied aside)
        String rows = "select network_id, kreis, occupation_group, type, month, inflow, outflow, closed, unfilled, events_in, events_out, days::text"
                + " from monitor_month where (inflow, outflow, closed, unfilled, events_in, events_out) <> (0, 0, 0, 0, 0, 0) order by 1, 2, 3, 4, 5";
        var maintained = jdbc.queryForList(rows);
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V7__monitor_months.sql"));
        String fill = migration.substring(migration.indexOf("-- monitor-month-fill:begin"), migration.indexOf("-- monitor-month-fill:end"));
        jdbc.update("delete from monitor_month");
        jdbc.update(fill.substring(fill.indexOf('\n') + 1).replace(";", ""));
        assertThat(jdbc.queryForList(rows)).as("seed " + seed).isEqualTo(maintained);
    }

    /** One posting's events in order: published, perhaps updates (openings, Kreis, networks), a close, late changes, stale repeats. */
    private List<Event> history(Random random) {
        UUID id = UUID.randomUUID();
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String group = GROUPS.get(random.nextInt(GROUPS.size()));
        boolean agency = random.nextInt(12) == 0;
        Instant published = START.plus(TENTH_OF_A_DAY.multipliedBy(random.nextInt(10 * 300)));
        Instant at = published;
        List<Event> events = new ArrayList<>();
        State s = new State(id, type, group, kreis(random), networks(random), random.nextInt(3) + 1, agency, published);
        events.add(s.open("published", at));
        boolean closed = false;
        int steps = random.nextInt(4);
        for (int i = 0; i < steps; i++) {
            at = at.plus(TENTH_OF_A_DAY.multipliedBy(1 + random.nextInt(10 * 60)));
            switch (random.nextInt(5)) {
                case 0 -> s = s.with(kreis(random), s.networks(), s.openings());
                case 1 -> s = s.with(s.kreis(), networks(random), s.openings());
                default -> s = s.with(s.kreis(), s.networks(), random.nextInt(4) + 1);
            }
            if (!closed && random.nextInt(3) == 0) {
                events.add(s.closed(REASONS.get(random.nextInt(REASONS.size())), at));
                closed = true;
            } else {
                events.add(s.open("updated", at)); // after a close: the posting stays closed, its figures change
            }
            if (random.nextInt(4) == 0) {
                // a stale event: not later than what was applied — counted, changes nothing else
                Event earlier = events.get(random.nextInt(events.size()));
                events.add(new Event(UUID.randomUUID().toString(), earlier.type(), earlier.key(), earlier.data()));
            }
        }
        if (!closed && random.nextBoolean()) {
            events.add(s.closed(REASONS.get(random.nextInt(REASONS.size())), at.plus(TENTH_OF_A_DAY.multipliedBy(random.nextInt(10 * 200)))));
        }
        return events;
    }

    private String kreis(Random random) {
        return random.nextInt(15) == 0 ? null : KREISE.get(random.nextInt(KREISE.size()));
    }

    private List<UUID> networks(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> List.of(a, b);
            case 1 -> List.of(b);
            default -> List.of(a);
        };
    }

    private record State(UUID id, String type, String group, String kreis, List<UUID> networks, int openings, boolean agency, Instant published) {

        State with(String kreis, List<UUID> networks, int openings) {
            return new State(id, type, group, kreis, networks, openings, agency, published);
        }

        private String common() {
            return "\"vacancyId\":\"" + id + "\",\"employerId\":\"5a1e0000-0000-4000-8000-000000000001\",\"networkIds\":["
                    + String.join(",", networks.stream().map(n -> "\"" + n + "\"").toList()) + "],\"type\":\"" + type + "\",\"kldb\":\""
                    + group + "22\",\"occupationGroup\":\"" + group + "\",\"kreis\":" + (kreis == null ? "null" : "\"" + kreis + "\"")
                    + ",\"temporaryAgency\":" + agency + ",\"openings\":" + openings + ",\"publishedAt\":\"" + published + "\"";
        }

        Event open(String what, Instant at) {
            return new Event(UUID.randomUUID().toString(), "augenhoehe.vacancy." + what + ".v1", id, "{" + common()
                    + ",\"postalCode\":\"74072\",\"latitude\":49.14,\"longitude\":9.22,\"startDate\":null,\"validThrough\":\"2027-12-31\","
                    + "\"workingTime\":\"FULL_TIME\",\"occurredAt\":\"" + at + "\"}");
        }

        Event closed(String reason, Instant at) {
            return new Event(UUID.randomUUID().toString(), "augenhoehe.vacancy.closed.v1", id, "{" + common() + ",\"reason\":\"" + reason
                    + "\",\"detail\":null,\"closedAt\":\"" + at + "\",\"occurredAt\":\"" + at + "\"}");
        }
    }
}
