package de.augenhoehe.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/** The files of infra/monitoring (the module's folder is the tests' working directory) and the metric names in PromQL. */
final class Monitoring {

    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path RULES = HOME.resolve("prometheus/rules");
    static final Path DASHBOARDS = HOME.resolve("grafana/dashboards");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    // a name not directly after a digit, letter or dot (durations, numbers) and not a function call; possessive, so
    // that "rate(" does not yield "rat"
    private static final Pattern NAME = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][\\w:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private Monitoring() {
    }

    /** The metric names a PromQL expression selects (label matchers, ranges, strings and grouping labels removed). */
    static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"");
        s = s.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** metrics.txt: metric name → its sources (service, gateway, prometheus). */
    static Map<String, Set<String>> allowList() {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String line : lines(HOME.resolve("metrics.txt"))) {
            String entry = line.replaceAll("#.*", "").trim();
            if (!entry.isEmpty()) {
                String[] parts = entry.split("\\s+");
                result.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[1]);
            }
        }
        return result;
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
