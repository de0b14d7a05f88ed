package de.augenhoehe.portal.netzwerke;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import tools.jackson.databind.JsonNode;
import de.augenhoehe.portal.web.PathIds;

/**
 * {@code /netzwerke/{id}}: a network's start page — what it is, its partners on equal footing grouped by kind, its
 * current measures, its newest vacancies and its give-and-gain in numbers. Five public API calls, made at once
 * ({@link PlatformApi#concurrently}), nothing stored.
 */
@Controller
class NetzwerkController {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** How many measures and vacancies the page shows; the rest is one link away. */
    static final int NEWEST = 5;

    static final Map<String, String> LEGAL_FORMS = Map.of("INFORMAL_COOPERATION", "Freie Kooperation",
            "REGISTERED_ASSOCIATION", "Eingetragener Verein", "LIMITED_COMPANY", "GmbH",
            "PUBLIC_LAW_AGREEMENT", "Öffentlich-rechtliche Vereinbarung", "OTHER", "Netzwerk");

    private final PlatformApi api;

    NetzwerkController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/netzwerke/{id}")
    String network(@PathVariable String id, Model model) {
        UUID network = PathIds.uuid(id);
        // five independent reads at once: the page waits for the slowest, not for their sum
        List<JsonNode> read = api.concurrently(List.of(
                () -> api.get("/api/networks/{id}", network),
                // a network's active members are public; 100 is the API's page limit and more than any network has today
                () -> api.get("/api/networks/" + network + "/partners", q -> q.queryParam("size", 100)),
                () -> api.get("/api/measures", q -> q.queryParam("network", network)
                        .queryParam("from", LocalDate.now(BERLIN)).queryParam("size", NEWEST)),
                () -> api.get("/api/vacancies", q -> q.queryParam("network", network).queryParam("sort", "date")
                        .queryParam("size", NEWEST)),
                () -> api.get("/api/networks/{id}/balance/summary", network)));
        JsonNode info = read.get(0);
        JsonNode partners = read.get(1);
        JsonNode measures = read.get(2);
        JsonNode vacancies = read.get(3);
        JsonNode summary = read.get(4);
        model.addAttribute("network", info);
        model.addAttribute("networkId", network);
        model.addAttribute("kinds", PartnerKinds.grouped(partners.path("items")));
        model.addAttribute("partnerCount", partners.path("total").asLong(0));
        model.addAttribute("legalForm", LEGAL_FORMS.getOrDefault(info.path("legalForm").asString(""), "Netzwerk"));
        model.addAttribute("measures", Teaser.measures(measures.path("items")));
        model.addAttribute("vacancies", Teaser.vacancies(vacancies.path("items")));
        model.addAttribute("balance", Balance.of(summary));
        return "netzwerke/netzwerk";
    }

}
