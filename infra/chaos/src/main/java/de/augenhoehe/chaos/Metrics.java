package de.augenhoehe.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scrapes every instance's {@code /actuator/prometheus} every 2 s with an operations token, as the platform's
 * Prometheus would (same job names), keeping only the series the alert rules of infra/monitoring use. A failed scrape
 * is kept too: it is what {@code up == 0} means.
 */
final class Metrics {

    /** One scrape of one job; {@code series} is null when the instance did not answer (up == 0). */
    record Scrape(long at, String job, Map<String, Double> series) {
    }

    static final Set<String> USED = Set.of("augenhoehe_outbox_relay_failures_total", "kafka_consumer_connection_count",
            "augenhoehe_gateway_instance_ready", "hikaricp_connections_timeout_total",
            "augenhoehe_events_infrastructure_failures_total", "augenhoehe_events_dead_lettered_total");

    private final Map<String, String> targets;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Scrape> scrapes = new ArrayList<>();
    private volatile boolean stopped;

    /** @param targets job name → metrics URL */
    Metrics(Map<String, String> targets, Supplier<String> token) {
        this.targets = new LinkedHashMap<>(targets);
        this.token = token;
    }

    void start() {
        Thread.ofPlatform().name("metrics").daemon().start(() -> {
            while (!stopped) {
                long started = System.currentTimeMillis();
                targets.forEach((job, url) -> {
                    Map<String, Double> series = scrape(url);
                    synchronized (scrapes) {
                        scrapes.add(new Scrape(started, job, series));
                    }
                });
                try {
                    Thread.sleep(Math.max(0, 2000 - (System.currentTimeMillis() - started)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stop() {
        stopped = true;
    }

    List<Scrape> between(long from, long to) {
        synchronized (scrapes) {
            return scrapes.stream().filter(s -> s.at() >= from && s.at() <= to).toList();
        }
    }

    private Map<String, Double> scrape(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? parse(r.body(), USED) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Prometheus text format: {@code name{labels} value [timestamp]}; only the names asked for. */
    static Map<String, Double> parse(String text, Set<String> names) {
        Map<String, Double> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{'), space = line.lastIndexOf('}') >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            if (!names.contains(name)) {
                continue;
            }
            String[] rest = line.substring(space + 1).trim().split("\\s+");
            out.put(line.substring(0, space), Double.parseDouble(rest[0]));
        }
        return out;
    }
}
