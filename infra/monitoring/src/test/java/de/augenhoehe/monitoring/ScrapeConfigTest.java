package de.augenhoehe.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus configurations: docker-compose.yml's (prometheus/prometheus.yml) and the one local-config generates
 * for ./platform up --observability are valid for {@code promtool check config} (which also checks the rule files
 * they load) and scrape every job the rules and dashboards name.
 */
class ScrapeConfigTest {

    static final List<String> JOBS = List.of("gateway", "partner-service", "vacancy-service", "measures-service", "outreach-service");

    @Test
    void compose_configuration_is_valid_and_scrapes_every_component(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("operations.jwt"), "test-token");
        Path config = Monitoring.HOME.resolve("prometheus/prometheus.yml");
        // as mounted in Compose: the configuration beside rules/, the token from the prometheus-token volume (a stand-in here)
        Files.writeString(dir.resolve("prometheus.yml"), Files.readString(config).replace("/prometheus-token/operations.jwt", token.toString()));
        Files.createDirectories(dir.resolve("rules"));
        for (Path rules : Monitoring.files(Monitoring.RULES, ".rules.yml")) {
            Files.copy(rules, dir.resolve("rules").resolve(rules.getFileName()));
        }
        String out = Promtool.ok(dir, "check", "config", "prometheus.yml");
        assertThat(out).contains("SUCCESS: " + Monitoring.files(Monitoring.RULES, ".rules.yml").size() + " rule files found");
        assertThat(jobs(config)).containsExactlyInAnyOrderElementsOf(JOBS);
    }

    @Test
    void local_configuration_for_the_platform_script_is_valid(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("operations.jwt"), "test-token");
        Process p = new ProcessBuilder("bash", Monitoring.HOME.resolve("prometheus/local-config").toString(), "--token-file", token.toString(),
                "gateway=127.0.0.1:18080", "partner-service=127.0.0.1:18081", "vacancy-service=127.0.0.1:18082",
                "measures-service=127.0.0.1:18083", "outreach-service=127.0.0.1:18084",
                "partner-service=127.0.0.1:18181", "measures-service=127.0.0.1:18183") // second instances: one job each
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.yml").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("prometheus.yml"))).isZero();

        String out = Promtool.ok(dir, "check", "config", "prometheus.yml");
        assertThat(out).contains("SUCCESS: " + Monitoring.files(Monitoring.RULES, ".rules.yml").size() + " rule files found");
        assertThat(jobs(dir.resolve("prometheus.yml"))).containsExactlyInAnyOrderElementsOf(JOBS);
        assertThat(Files.readString(dir.resolve("prometheus.yml"))).contains("credentials_file: '" + token + "'").contains("'127.0.0.1:18083'")
                .contains("- targets: ['127.0.0.1:18081', '127.0.0.1:18181']");
    }

    @Test
    void local_configuration_refuses_what_is_not_a_target() throws Exception {
        Process p = new ProcessBuilder("bash", Monitoring.HOME.resolve("prometheus/local-config").toString(), "--token-file", "/t",
                "gateway=127.0.0.1:80; rm -rf /").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
    }

    @Test
    void compose_mounts_the_rules_dashboards_and_provisioning_of_this_folder() {
        Map<String, Object> services = AlertRulesTest.map(Monitoring.yaml(Monitoring.HOME.resolve("../../docker-compose.yml")).get("services"));
        for (String service : List.of("prometheus", "grafana")) {
            List<Object> volumes = AlertRulesTest.list(AlertRulesTest.map(services.get(service)).get("volumes"));
            assertThat(volumes).as(service + " volumes").isNotEmpty();
            volumes.stream().map(String::valueOf).filter(v -> v.startsWith("./")).forEach(v ->
                    assertThat(Monitoring.HOME.resolve("../..").resolve(v.split(":")[0]).normalize()).as(service + ": " + v).isDirectory());
        }
        assertThat(String.valueOf(AlertRulesTest.map(services.get("prometheus")).get("volumes")))
                .contains("./infra/monitoring/prometheus:/etc/prometheus:ro", "prometheus-token:/prometheus-token:ro");
        assertThat(String.valueOf(AlertRulesTest.map(services.get("grafana")).get("volumes")))
                .contains("./infra/monitoring/grafana/dashboards:/var/lib/grafana/dashboards/augenhoehe:ro",
                        "./infra/monitoring/grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    private static List<String> jobs(Path config) {
        return AlertRulesTest.maps(Monitoring.yaml(config).get("scrape_configs")).stream().map(m -> (String) m.get("job_name")).toList();
    }

}
