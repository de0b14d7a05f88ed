package de.augenhoehe.portal.netzwerke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The network's partners grouped by kind, in German. Equal footing: the groups come in alphabetical order of their
 * German name (no kind outranks another), the partners in each by name as the API lists them.
 */
public final class PartnerKinds {

    static final Map<String, String> GERMAN = Map.ofEntries(
            Map.entry("COMPANY", "Unternehmen"), Map.entry("EMPLOYMENT_AGENCY", "Agentur für Arbeit"),
            Map.entry("JOB_CENTRE", "Jobcenter"), Map.entry("EMPLOYERS_ASSOCIATION", "Arbeitgeberverbände"),
            Map.entry("UNION", "Gewerkschaften"), Map.entry("CHAMBER_OF_COMMERCE", "Industrie- und Handelskammer"),
            Map.entry("CHAMBER_OF_CRAFTS", "Handwerkskammer"), Map.entry("MUNICIPALITY", "Städte und Gemeinden"),
            Map.entry("DISTRICT", "Landkreise"), Map.entry("SCHOOL", "Schulen"), Map.entry("VOCATIONAL_SCHOOL", "Berufsschulen"),
            Map.entry("UNIVERSITY", "Hochschulen"), Map.entry("CHARITY", "Soziale Träger"),
            Map.entry("EDUCATION_PROVIDER", "Bildungsträger"), Map.entry("OTHER", "Weitere Partner"));

    private PartnerKinds() {
    }

    public record Group(String kind, List<String> partners) {
    }

    /** {@code items} of {@code GET /api/networks/{id}/partners}: each item's {@code partner} has a name and a kind. */
    static List<Group> grouped(JsonNode items) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode partner = item.path("partner");
            String kind = GERMAN.getOrDefault(partner.path("kind").asString(""), GERMAN.get("OTHER"));
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(partner.path("name").asString());
        }
        return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .map(e -> new Group(e.getKey(), e.getValue())).toList();
    }
}
