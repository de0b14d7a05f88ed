package de.augenhoehe.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The alert rules in prometheus/rules: valid for Prometheus ({@code promtool check rules}), their unit tests pass
 * ({@code promtool test rules}), every alert is tested firing, carries what the night shift needs, and uses only
 * metrics of metrics.txt.
 */
class AlertRulesTest {

    @Test
    void promtool_accepts_every_rule_file() {
        List<Path> rules = Monitoring.files(Monitoring.RULES, ".rules.yml");
        assertThat(rules).as("rule files").isNotEmpty();
        Promtool.ok(Monitoring.RULES, names(rules, "check", "rules"));
    }

    @Test
    void the_rules_unit_tests_pass() {
        List<Path> tests = Monitoring.files(Monitoring.RULES, ".test.yml");
        assertThat(tests).as("rule test files").isNotEmpty();
        String out = Promtool.ok(Monitoring.RULES, names(tests, "test", "rules"));
        assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void every_alert_has_a_test_in_which_it_fires() {
        for (Path file : Monitoring.files(Monitoring.RULES, ".rules.yml")) {
            Path test = file.resolveSibling(file.getFileName().toString().replace(".rules.yml", ".test.yml"));
            assertThat(test).as("the test file beside " + file.getFileName()).exists();
            Map<String, Object> tests = Monitoring.yaml(test);
            assertThat(list(tests.get("rule_files"))).as(test + " tests its own rules").contains(file.getFileName().toString());
            Set<String> firing = new TreeSet<>();
            for (Map<String, Object> t : maps(tests.get("tests"))) {
                for (Map<String, Object> check : maps(t.get("alert_rule_test"))) {
                    if (!list(check.get("exp_alerts")).isEmpty()) {
                        firing.add((String) check.get("alertname"));
                    }
                }
            }
            assertThat(firing).as("alerts of " + file.getFileName() + " tested firing").containsAll(alerts(file).stream().map(a -> (String) a.get("alert")).toList());
        }
    }

    @Test
    void every_alert_says_how_bad_what_and_what_to_do_in_english_and_german() {
        List<Map<String, Object>> all = allAlerts();
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> alert : all) {
            String name = (String) alert.get("alert");
            assertThat(names.add(name)).as("alert names are unique: " + name).isTrue();
            Map<String, Object> labels = map(alert.get("labels"));
            Map<String, Object> annotations = map(alert.get("annotations"));
            assertThat(labels.get("severity")).as(name + " severity").isIn("critical", "warning");
            for (String key : List.of("summary", "summary_de", "runbook")) {
                assertThat((String) annotations.get(key)).as(name + " " + key).isNotBlank();
            }
            assertThat((String) annotations.get("runbook")).as(name + " runbook: something to do, not a word").hasSizeGreaterThan(60);
        }
    }

    @Test
    void every_rule_uses_only_metrics_of_the_allow_list() {
        Set<String> allowed = Monitoring.allowList().keySet();
        for (Map<String, Object> alert : allAlerts()) {
            assertThat(Monitoring.metricNames(String.valueOf(alert.get("expr")))).as(alert.get("alert") + " (add the metric to metrics.txt)")
                    .isNotEmpty().isSubsetOf(allowed);
        }
    }

    @Test
    void metric_names_are_found_in_promql() {
        assertThat(Monitoring.metricNames("sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"x\"}[5m])) "
                + "/ on (job) group_left max(up) > 0.05 and predict_linear(disk_free_bytes[6h], 24 * 3600) < 0 offset 1m"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "up", "disk_free_bytes");
        assertThat(Monitoring.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket[1m]))) or vector(0)"))
                .containsExactly("a_bucket");
    }

    static List<Map<String, Object>> allAlerts() {
        List<Map<String, Object>> all = new ArrayList<>();
        Monitoring.files(Monitoring.RULES, ".rules.yml").forEach(f -> all.addAll(alerts(f)));
        return all;
    }

    private static List<Map<String, Object>> alerts(Path file) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> group : maps(Monitoring.yaml(file).get("groups"))) {
            maps(group.get("rules")).stream().filter(r -> r.containsKey("alert")).forEach(result::add);
        }
        return result;
    }

    private static String[] names(List<Path> files, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        files.forEach(f -> args.add(f.getFileName().toString()));
        assertThat(files).allSatisfy(f -> assertThat(Files.isRegularFile(f)).isTrue());
        return args.toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
