package de.augenhoehe.portal.meinbereich.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.NamesReadOnce;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * The German names of the KldB 2010 occupation groups (3 digits, what the monitor counts by), read once from
 * vacancy-service's reference data ({@code /api/vacancies/reference/occupations}, one read per first digit, 0–9) and kept:
 * they change with a new KldB edition ({@link NamesReadOnce}). Until a read succeeds a group is shown by its key. Read
 * on the first monitor page, not at start-up: ten refused calls at start opened the gateway's circuit breaker for
 * vacancy-service while the first journeys ran.
 */
@Component
class OccupationGroups {

    private final NamesReadOnce names;

    OccupationGroups(PlatformApi api) {
        this.names = new NamesReadOnce(put -> {
            List<Supplier<JsonNode>> reads = new ArrayList<>();
            IntStream.rangeClosed(0, 9).forEach(digit ->
                    reads.add(() -> api.get("/api/vacancies/reference/occupations?prefix={p}&level=3&limit=200", String.valueOf(digit))));
            for (JsonNode page : api.concurrently(reads)) {
                page.path("items").forEach(o -> put.accept(o.path("key").asString(), o.path("title").asString()));
            }
        });
    }

    String name(String group) {
        return names.name(group).orElseGet(() -> "Berufsgruppe " + group);
    }
}
