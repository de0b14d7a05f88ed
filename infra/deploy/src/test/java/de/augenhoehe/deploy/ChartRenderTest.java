package de.augenhoehe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.List;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Step 1: Helm lints the chart strictly and renders it for every values file, into exactly the objects expected. */
class ChartRenderTest {

    static final List<String> VALUES_FILES = Chart.VALUES_FILES;

    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void lint_strict_passes(String valuesFile, @TempDir Path scratch) {
        LintResult result = Chart.lint(valuesFile, scratch);
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    /** Counted, not just "not empty": a template that silently renders nothing fails here. */
    @ParameterizedTest
    @FieldSource("VALUES_FILES")
    void renders_the_expected_objects_of_each_kind(String valuesFile) {
        boolean large = valuesFile.equals("values-large.yaml");
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                // the gateway, four services and the portal: a Deployment, Service, PDB, ServiceMonitor and NetworkPolicy each
                Map.entry("Deployment", 6L), Map.entry("Service", 6L), Map.entry("PodDisruptionBudget", 6L),
                Map.entry("ServiceMonitor", 6L),
                // the gateway and the portal scale on CPU
                Map.entry("HorizontalPodAutoscaler", 2L), Map.entry("Ingress", 1L),
                // default deny, DNS, one per service, the gateway and the portal, one per database
                Map.entry("NetworkPolicy", 2L + 6 + 5),
                Map.entry("Kafka", 1L), Map.entry("KafkaNodePool", 1L),
                // four topics and the dead-letter topic of each (every topic is consumed by someone)
                Map.entry("KafkaTopic", 8L), Map.entry("KafkaUser", 4L),
                Map.entry("Cluster", 5L), Map.entry("ScheduledBackup", 5L), // the four services' and the portal's (sessions, #18)
                Map.entry("PrometheusRule", 1L),
                // the Grafana dashboards of infra/monitoring
                Map.entry("ConfigMap", 7L)));
        if (large) {
            expected.put("Pooler", 5L);
        }
        assertThat(Chart.render(valuesFile).countByKind()).isEqualTo(expected);
    }

    @Test
    void the_chart_copies_of_rules_and_dashboards_are_those_of_infra_monitoring() throws IOException {
        assertSameFiles(Chart.ROOT.resolve("infra/monitoring/prometheus/rules"), Chart.DIR.resolve("files/rules"), ".rules.yml");
        assertSameFiles(Chart.ROOT.resolve("infra/monitoring/grafana/dashboards"), Chart.DIR.resolve("files/dashboards"), ".json");
    }

    /** Helm reads nothing outside the chart, so it holds copies; a changed rule or dashboard must be copied again. */
    private static void assertSameFiles(Path source, Path copy, String suffix) throws IOException {
        Map<String, String> expected = read(source, suffix);
        assertThat(expected).as("files in " + source).isNotEmpty();
        assertThat(read(copy, suffix)).as(copy + " must equal " + source + " (cp " + source + "/*" + suffix + " " + copy + ")")
                .isEqualTo(expected);
    }

    private static Map<String, String> read(Path dir, String suffix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.getFileName().toString().endsWith(suffix)).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return files;
    }
}
