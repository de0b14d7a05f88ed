package de.augenhoehe.portal.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The name of any Kreis, from partner-service's reference table ({@code GET /api/kreise}: the demo subset, or every
 * Kreis after the GeoNames import), read once on first use and kept — Kreise change with an import, not while the
 * portal runs. Until a read succeeds (partner-service not reachable yet) the portal's own names of the demo regions
 * ({@link Kreise}) answer, then the key.
 */
@Component
public class KreisNames {

    private final PlatformApi api;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    KreisNames(PlatformApi api) {
        this.api = api;
    }

    public String name(String key) {
        if (names.isEmpty()) {
            load();
        }
        String name = names.get(key);
        return name != null ? name : Kreise.name(key);
    }

    private synchronized void load() {
        if (!names.isEmpty()) {
            return;
        }
        try {
            for (JsonNode kreis : api.get("/api/kreise")) {
                names.put(kreis.path("schluessel").asString(), kreis.path("name").asString());
            }
        } catch (RuntimeException unavailable) {
            names.clear(); // the next page tries again
        }
    }
}
