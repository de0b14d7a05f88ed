package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.TestTokens;

/**
 * Every metric an alert rule or a dashboard of {@code infra/monitoring} uses exists on a running service: the rules'
 * and dashboards' names are held to {@code infra/monitoring/metrics.txt} by the monitoring module's own tests; here
 * each name listed there for "service" must appear in a packaged service's {@code /actuator/prometheus} and each one
 * for "gateway" in the gateway's (scraped with an operations token); the service's also through the gateway's
 * {@code /ops/metrics/measures}.
 * One service stands for all four: the metrics used are the shared platform's (outbox, consumers, HTTP, pool, JVM);
 * measures-service consumes and publishes events. The names scraped are left in {@code target/scraped-metrics-*.txt}.
 * The processes are the shared {@link Platform}.
 */
class MonitoredMetricsIT {

    static final Path ALLOW_LIST = Path.of("../monitoring/metrics.txt");

    @Test
    void every_metric_the_rules_and_dashboards_use_is_exposed() throws Exception {
        Platform platform = Platform.get();
        String service = platform.base("measures-service");
        String base = platform.gatewayBase();
        HttpClient http = HttpClient.newHttpClient();
        String operator = TestTokens.operations();
        // one routed request, so that the request metrics of both exist
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/measures")).build(), HttpResponse.BodyHandlers.discarding());

        Map<String, Set<String>> required = allowList();
        // the consumers' metrics appear once they joined their groups: ask until all are there, or 120 s passed
        Set<String> onService = Set.of();
        for (Instant deadline = Instant.now().plusSeconds(120); Instant.now().isBefore(deadline); Thread.sleep(1000)) {
            onService = names(scrape(http, service + "/actuator/prometheus", operator));
            if (onService.containsAll(required.get("service"))) {
                break;
            }
        }
        Set<String> onGateway = names(scrape(http, base + "/actuator/prometheus", operator));
        Files.write(Path.of("target/scraped-metrics-service.txt"), onService);
        Files.write(Path.of("target/scraped-metrics-gateway.txt"), onGateway);
        assertThat(onService).as("service metrics used by infra/monitoring (metrics.txt)").containsAll(required.get("service"));
        assertThat(onGateway).as("gateway metrics used by infra/monitoring (metrics.txt)").containsAll(required.get("gateway"));

        // and operators get the same through the gateway (its call of the instance may time out on a busy machine: asked again)
        Eventually.await("the service's metrics through /ops/metrics/measures", Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/ops/metrics/measures"))
                        .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && names(r.body()).containsAll(required.get("service"));
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static String scrape(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** The metric names of a Prometheus text exposition. */
    static Set<String> names(String text) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** metrics.txt: "name source" per line (source: service, gateway, prometheus), # comments. */
    static Map<String, Set<String>> allowList() throws Exception {
        Map<String, Set<String>> bySource = new HashMap<>(Map.of("service", new TreeSet<>(), "gateway", new TreeSet<>()));
        for (String line : Files.readAllLines(ALLOW_LIST)) {
            String entry = line.replaceAll("#.*", "").trim();
            if (!entry.isEmpty()) {
                String[] parts = entry.split("\\s+");
                bySource.computeIfAbsent(parts[1], k -> new TreeSet<>()).add(parts[0]);
            }
        }
        return bySource;
    }
}
