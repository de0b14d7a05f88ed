package de.augenhoehe.portal.meinbereich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.PlatformApi;

/**
 * The active member partners of a network — all of them, for a choice among them (who joins a working group, who
 * hired a returnee): partner-service's {@code /api/networks/{id}/partners} read a page of 100 (its largest) after the
 * other until the last. A regional network has tens to hundreds; {@link #MAX_PAGES} only bounds a runaway.
 */
@Component
public class ActiveMembers {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 50;

    private final PlatformApi api;

    ActiveMembers(PlatformApi api) {
        this.api = api;
    }

    /** The members' items ({@code partner} with id, name and kind; the membership), in the API's order. */
    public List<JsonNode> of(String networkId, Map<String, String> bearer) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.get("/api/networks/{id}/partners?status=ACTIVE&page={page}&size={size}", bearer, networkId, page, PAGE_SIZE);
            answer.path("items").forEach(all::add);
            if (answer.path("items").isEmpty() || (page + 1L) * PAGE_SIZE >= answer.path("total").asLong(0)) {
                break;
            }
        }
        return all;
    }
}
