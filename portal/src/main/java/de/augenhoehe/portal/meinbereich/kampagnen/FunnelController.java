package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.kampagnen.CampaignNetwork.Opened;
import de.augenhoehe.portal.web.Paging;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * A campaign's funnel ({@code /api/campaigns/{id}/funnel}): from distributed to returned or hired, per batch or per
 * municipality, as a chart with the same numbers as a table, and the whole campaign's totals with the conversion of
 * each step. The service answers the batches whole (bounded by its batch limit); the page shows ten at a time.
 */
@Controller
class FunnelController {

    /** Six bars a row: ten rows keep the chart readable on a phone. */
    static final int ROWS = 10;

    private final PlatformApi api;
    private final CampaignNetwork networks;

    FunnelController(PlatformApi api, CampaignNetwork networks) {
        this.api = api;
        this.networks = networks;
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/trichter")
    String funnel(@PathVariable String networkId, @PathVariable String campaignId,
            @RequestParam(name = "nach", required = false) String by, @RequestParam(name = "seite", required = false) Integer seite,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Opened network = networks.open(networkId, "kampagnen", model, request, response);
        JsonNode campaign = networks.campaign(network, campaignId);
        JsonNode funnel = api.get("/api/campaigns/{id}/funnel", network.visit().bearer(), campaign.path("id").asString());
        boolean perMunicipality = "gemeinde".equals(by);
        List<JsonNode> all = new ArrayList<>();
        funnel.path(perMunicipality ? "municipalities" : "batches").forEach(all::add);
        Paging paging = Paging.ofList(all, Paging.requested(seite), ROWS);
        List<JsonNode> rows = paging.slice(all, ROWS);
        model.addAttribute("campaign", campaign);
        model.addAttribute("total", funnel.path("total"));
        model.addAttribute("perMunicipality", perMunicipality);
        model.addAttribute("rows", rows);
        model.addAttribute("paging", paging);
        model.addAttribute("steps", FunnelChart.STEPS);
        model.addAttribute("chart", FunnelChart.of(rows, perMunicipality ? r -> r.path("area").asString("")
                : r -> r.path("area").asString("") + " (Code " + r.path("code").asString("") + ")"));
        return "kampagnen/trichter";
    }
}
