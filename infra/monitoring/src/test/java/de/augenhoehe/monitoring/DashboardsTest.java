package de.augenhoehe.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards in grafana/dashboards: valid JSON Grafana provisions (unique uid, panels with a title, the
 * provisioned Prometheus data source and queries), every query valid PromQL ({@code promtool check rules} on a
 * rule file made of them) using only metrics of metrics.txt.
 */
class DashboardsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> EXPECTED = Set.of("augenhoehe-overview", "augenhoehe-partner", "augenhoehe-vacancy", "augenhoehe-measures",
            "augenhoehe-outreach", "augenhoehe-gateway", "augenhoehe-event-backbone");
    /** The uid grafana/provisioning/datasources gives the Prometheus data source. */
    static final String DATASOURCE = "prometheus";

    @Test
    void the_dashboards_are_there_with_unique_uids_and_complete_panels() throws IOException {
        Set<String> uids = new TreeSet<>();
        for (Path file : Monitoring.files(Monitoring.DASHBOARDS, ".json")) {
            JsonNode board = JSON.readTree(Files.readString(file));
            String uid = board.path("uid").asString("");
            assertThat(uid).as(file + " uid").matches("[a-z0-9-]{1,40}");
            assertThat(uids.add(uid)).as("uid " + uid + " is unique").isTrue();
            assertThat(board.path("title").asString("")).as(file + " title").isNotBlank();
            assertThat(board.path("panels").isArray() && !board.path("panels").isEmpty()).as(file + " has panels").isTrue();
            Set<Integer> ids = new TreeSet<>();
            for (JsonNode panel : board.path("panels")) {
                String where = file.getFileName() + " panel " + panel.path("id") + " " + panel.path("title");
                assertThat(ids.add(panel.path("id").asInt())).as(where + ": id unique").isTrue();
                assertThat(panel.path("title").asString("")).as(where + ": title").isNotBlank();
                assertThat(panel.path("type").asString("")).as(where + ": type").isIn("timeseries", "stat", "gauge", "table", "bargauge");
                assertThat(panel.path("gridPos").path("w").asInt()).as(where + ": placed").isBetween(1, 24);
                assertThat(panel.path("datasource").path("uid").asString("")).as(where + ": datasource").isEqualTo(DATASOURCE);
                assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty()).as(where + ": targets").isTrue();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString("")).as(where + ": query").isNotBlank();
                    assertThat(target.path("refId").asString("")).as(where + ": refId").isNotBlank();
                }
            }
        }
        assertThat(uids).as("overview, one per service, gateway, event backbone").containsAll(EXPECTED);
    }

    @Test
    void every_query_is_valid_promql(@TempDir Path dir) throws IOException {
        Map<String, String> queries = queries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (String expr : queries.values()) {
            rules.append("      - record: dashboard_query_").append(++n).append("\n        expr: ").append(JSON.writeValueAsString(expr)).append('\n');
        }
        Files.writeString(dir.resolve("queries.rules.yml"), rules);
        String out = Promtool.ok(dir, "check", "rules", "queries.rules.yml");
        assertThat(out).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    void every_query_uses_only_metrics_of_the_allow_list() throws IOException {
        Set<String> allowed = Monitoring.allowList().keySet();
        queries().forEach((where, expr) -> assertThat(Monitoring.metricNames(expr)).as(where + ": " + expr + " (add the metric to metrics.txt)")
                .isNotEmpty().isSubsetOf(allowed));
    }

    @Test
    void grafana_provisions_the_datasource_and_this_folder() throws IOException {
        Map<String, Object> datasources = Monitoring.yaml(Monitoring.HOME.resolve("grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> prometheus = AlertRulesTest.maps(datasources.get("datasources")).getFirst();
        assertThat(prometheus).containsEntry("uid", DATASOURCE).containsEntry("type", "prometheus");
        Map<String, Object> providers = Monitoring.yaml(Monitoring.HOME.resolve("grafana/provisioning/dashboards/augenhoehe.yml"));
        Map<String, Object> provider = AlertRulesTest.maps(providers.get("providers")).getFirst();
        assertThat(AlertRulesTest.map(provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards/augenhoehe");
    }

    /** Every query of every dashboard, by "file panel refId". */
    static Map<String, String> queries() throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (Path file : Monitoring.files(Monitoring.DASHBOARDS, ".json")) {
            for (JsonNode panel : JSON.readTree(Files.readString(file)).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    result.put(file.getFileName() + " \"" + panel.path("title").asString() + "\" " + target.path("refId").asString(),
                            target.path("expr").asString());
                }
            }
        }
        return result;
    }

}
