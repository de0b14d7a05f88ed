package de.augenhoehe.portal.meinbereich.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.PlatformApi;

/**
 * The German names of the KldB 2010 occupation groups (3 digits, what the monitor counts by), read once from
 * vacancy-service's reference data ({@code /api/vacancies/reference/occupations}, one read per first digit, 0–9) and kept:
 * they change with a new KldB edition, not while the portal runs. Until a read succeeds a group is shown by its key.
 * Read on the first monitor page, not at start-up: the portal may be ready before vacancy-service, and ten refused
 * calls at start opened the gateway's circuit breaker for vacancy-service while the first journeys ran.
 */
@Component
class OccupationGroups {

    private final PlatformApi api;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    OccupationGroups(PlatformApi api) {
        this.api = api;
    }

    String name(String group) {
        if (names.isEmpty()) {
            load();
        }
        String name = names.get(group);
        return name == null ? "Berufsgruppe " + group : name;
    }

    private synchronized void load() {
        if (!names.isEmpty()) {
            return;
        }
        List<Supplier<JsonNode>> reads = new ArrayList<>();
        IntStream.rangeClosed(0, 9).forEach(digit ->
                reads.add(() -> api.get("/api/vacancies/reference/occupations?prefix={p}&level=3&limit=200", String.valueOf(digit))));
        try {
            for (JsonNode page : api.concurrently(reads)) {
                page.path("items").forEach(o -> names.put(o.path("key").asString(), o.path("title").asString()));
            }
        } catch (RuntimeException unavailable) {
            names.clear(); // vacancy-service not (yet) reachable: the next page tries again
        }
    }
}
