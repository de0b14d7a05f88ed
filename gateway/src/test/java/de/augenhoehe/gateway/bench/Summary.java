package de.augenhoehe.gateway.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import de.augenhoehe.gateway.bench.GatewayBenchmark.Phase;

/**
 * The gateway benchmark's figures per run and, over the runs, each figure's median with its spread (min–max), and the
 * verdict per target of issue #21: the gateway's CPU time per request at most ⅔ of partner-service's for the same
 * requests (at maximum throughput and at the fixed rate), and at most 5 ms added p99 at the fixed rate against the
 * stand-in. "g/s" is the gateway's CPU per request divided by the service's, both measured in the same phase through the
 * gateway (the same requests at the same rate); "g/s direct" divides by the service's own figure from the direct phase.
 */
final class Summary {

    static final double CPU_TARGET = 2.0 / 3;
    static final double ADDED_P99_TARGET_MS = 5;

    record Row(int run, String target, String gateway, Phase direct, Phase through, String load) {
        double ratio() {
            return through.maxRps() / direct.maxRps();
        }

        double addedP99() {
            return through.atRate().p(99) - direct.atRate().p(99);
        }

        boolean real() {
            return direct.serviceCpuMax() > 0;
        }
    }

    private final int rate;
    private final List<Row> rows = new ArrayList<>();

    Summary(int rate) {
        this.rate = rate;
    }

    void add(int run, String target, String gateway, Phase direct, Phase through, String load) {
        Row r = new Row(run, target, gateway, direct, through, load);
        rows.add(r);
        String service = r.real() ? String.format(Locale.ROOT, "; service %.3f at max, %.3f at %d/s (direct %.3f, %.3f)", through.serviceCpuMax(),
                through.serviceCpuRate(), rate, direct.serviceCpuMax(), direct.serviceCpuRate()) : "";
        System.out.printf(Locale.ROOT, "  %s: max %.0f → %.0f req/s (%.0f %%); p99 at %d/s %.2f → %.2f ms (added %.2f); "
                        + "CPU ms/request: gateway %.3f at max, %.3f at %d/s%s; errors %d/%d; gateway JIT %d of %d ms%n",
                gateway, direct.maxRps(), through.maxRps(), 100 * r.ratio(), rate, direct.atRate().p(99), through.atRate().p(99), r.addedP99(),
                through.gatewayCpuMax(), through.gatewayCpuRate(), rate, service, direct.atRate().errors(), through.atRate().errors(),
                through.jitMillis(), through.gatewayCpuMillis());
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "Per run (CPU in ms per request, from /proc; g/s = gateway CPU ÷ service CPU for the same requests; %d req/s open loop):%n%n", rate);
        out.println("| run | target | gateway | max direct → gateway (req/s) | ratio | p99 at " + rate + "/s direct / gateway (ms) | added p99 | "
                + "gateway CPU at max | service CPU at max (direct) | g/s at max | gateway CPU at " + rate + "/s | service CPU at " + rate
                + "/s (direct) | g/s at " + rate + "/s | errors | gateway JIT (ms) | load |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %d | %s | %s | %.0f → %.0f | %.0f %% | %.2f / %.2f | %.2f | %.3f | %s | %s | %.3f | %s | %s | %d/%d | %d of %d | %s |%n",
                    r.run(), r.target(), r.gateway(), r.direct().maxRps(), r.through().maxRps(), 100 * r.ratio(), r.direct().atRate().p(99),
                    r.through().atRate().p(99), r.addedP99(), r.through().gatewayCpuMax(),
                    r.real() ? String.format(Locale.ROOT, "%.3f (%.3f)", r.through().serviceCpuMax(), r.direct().serviceCpuMax()) : "—",
                    r.real() ? String.format(Locale.ROOT, "%.2f", gsMax(r)) : "—", r.through().gatewayCpuRate(),
                    r.real() ? String.format(Locale.ROOT, "%.3f (%.3f)", r.through().serviceCpuRate(), r.direct().serviceCpuRate()) : "—",
                    r.real() ? String.format(Locale.ROOT, "%.2f", gsRate(r)) : "—", r.direct().atRate().errors(), r.through().atRate().errors(),
                    r.through().jitMillis(), r.through().gatewayCpuMillis(), r.load().split(" ")[0]);
        }
        Set<String> targets = new LinkedHashSet<>();
        Set<String> gateways = new LinkedHashSet<>();
        rows.forEach(r -> {
            targets.add(r.target());
            gateways.add(r.gateway());
        });
        int runs = (int) rows.stream().mapToInt(Row::run).distinct().count();
        out.printf(Locale.ROOT, "%nMedians of %d runs [min – max]:%n%n", runs);
        out.println("| target | gateway | ratio of max throughputs | added p99 at " + rate + "/s (ms) | gateway CPU at max | service CPU at max | g/s at max "
                + "| g/s direct at max | gateway CPU at " + rate + "/s | service CPU at " + rate + "/s | g/s at " + rate + "/s | g/s direct at " + rate + "/s |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String t : targets) {
            for (String g : gateways) {
                List<Row> of = rows.stream().filter(r -> r.target().equals(t) && r.gateway().equals(g)).toList();
                boolean real = of.getFirst().real();
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", t, g,
                        spread(of, r -> 100 * r.ratio(), "%.0f %%"), spread(of, Row::addedP99, "%.2f"),
                        spread(of, r -> r.through().gatewayCpuMax(), "%.3f"),
                        real ? spread(of, r -> r.through().serviceCpuMax(), "%.3f") : "—", real ? spread(of, Summary::gsMax, "%.2f") : "—",
                        real ? spread(of, r -> r.through().gatewayCpuMax() / r.direct().serviceCpuMax(), "%.2f") : "—",
                        spread(of, r -> r.through().gatewayCpuRate(), "%.3f"),
                        real ? spread(of, r -> r.through().serviceCpuRate(), "%.3f") : "—", real ? spread(of, Summary::gsRate, "%.2f") : "—",
                        real ? spread(of, r -> r.through().gatewayCpuRate() / r.direct().serviceCpuRate(), "%.2f") : "—");
            }
        }
        out.printf(Locale.ROOT, "%nTargets (issue #21), by the medians: gateway CPU per request <= 2/3 of partner-service's (g/s <= %.2f) at max and at %d/s; "
                + "added p99 at %d/s against the stand-in <= %.0f ms%n", CPU_TARGET, rate, rate, ADDED_P99_TARGET_MS);
        for (String g : gateways) {
            List<Row> real = rows.stream().filter(r -> r.gateway().equals(g) && r.real()).toList();
            List<Row> standIn = rows.stream().filter(r -> r.gateway().equals(g) && !r.real()).toList();
            StringBuilder line = new StringBuilder("  " + g + ":");
            if (!real.isEmpty()) {
                double atMax = median(real, Summary::gsMax);
                double atRate = median(real, Summary::gsRate);
                line.append(String.format(Locale.ROOT, " g/s at max %.2f %s; g/s at %d/s %.2f %s;", atMax, verdict(atMax <= CPU_TARGET), rate,
                        atRate, verdict(atRate <= CPU_TARGET)));
            }
            double added = median(standIn, Row::addedP99);
            line.append(String.format(Locale.ROOT, " added p99 (stand-in) %.2f ms %s", added, verdict(added <= ADDED_P99_TARGET_MS)));
            out.println(line);
        }
        if (gateways.size() > 1) {
            out.println("Gateway CPU per request, medians (ms; lower is cheaper):");
            for (String t : targets) {
                for (String g : gateways) {
                    List<Row> of = rows.stream().filter(r -> r.target().equals(t) && r.gateway().equals(g)).toList();
                    out.printf(Locale.ROOT, "  %-22s %-8s at max %.3f, at %d/s %.3f%n", t, g, median(of, r -> r.through().gatewayCpuMax()), rate,
                            median(of, r -> r.through().gatewayCpuRate()));
                }
            }
        }
    }

    private static double gsMax(Row r) {
        return r.through().gatewayCpuMax() / r.through().serviceCpuMax();
    }

    private static double gsRate(Row r) {
        return r.through().gatewayCpuRate() / r.through().serviceCpuRate();
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }

    static String spread(List<Row> rows, ToDoubleFunction<Row> figure, String format) {
        double[] values = rows.stream().mapToDouble(figure).sorted().toArray();
        return String.format(Locale.ROOT, format + " [" + format + " – " + format + "]", median(values), values[0], values[values.length - 1]);
    }

    static double median(List<Row> rows, ToDoubleFunction<Row> figure) {
        return median(rows.stream().mapToDouble(figure).sorted().toArray());
    }

    static double median(double[] sorted) {
        double[] v = sorted.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
