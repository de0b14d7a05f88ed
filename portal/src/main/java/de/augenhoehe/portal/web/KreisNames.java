package de.augenhoehe.portal.web;

import org.springframework.stereotype.Component;

/**
 * The name of any Kreis, from partner-service's reference table ({@code GET /api/kreise}: the demo subset, or every
 * Kreis after the GeoNames import), read once ({@link NamesReadOnce}). Until a read succeeds (partner-service not
 * reachable yet) the portal's own names of the demo regions ({@link Kreise}) answer, then the key.
 */
@Component
public class KreisNames {

    private final NamesReadOnce names;

    KreisNames(PlatformApi api) {
        this.names = new NamesReadOnce(put -> api.get("/api/kreise")
                .forEach(k -> put.accept(k.path("schluessel").asString(), k.path("name").asString())));
    }

    public String name(String key) {
        return names.name(key).orElseGet(() -> Kreise.name(key));
    }
}
