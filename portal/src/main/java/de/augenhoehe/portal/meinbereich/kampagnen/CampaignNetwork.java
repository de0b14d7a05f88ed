package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks;
import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PathIds;

/**
 * The door of the campaign pages: the workspace opened for the person, the network of the address checked against the
 * person's token before anything is read (403 page; {@link Visit#coordinatedNetwork}), and — for a campaign's pages —
 * the campaign read with the person's token and shown only under its own network's address (404 otherwise).
 */
@Component
class CampaignNetwork {

    /** One page's visit: the person's header, the network's id and name. */
    record Opened(Visit visit, String networkId, String networkName) {
    }

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CoordinatedNetworks networks;

    CampaignNetwork(PlatformApi api, WorkspaceAccess access, CoordinatedNetworks networks) {
        this.api = api;
        this.access = access;
        this.networks = networks;
    }

    /** For a page that shows something: with the heading's network name (read once per session). */
    Opened open(String networkId, String section, Model model, HttpServletRequest request, HttpServletResponse response) {
        Opened opened = check(networkId, model, request, response);
        String name = networks.open(opened.visit(), opened.networkId()).name();
        model.addAttribute("network", new Opened(opened.visit(), opened.networkId(), name));
        model.addAttribute("section", section);
        model.addAttribute("coordinated", opened.visit().person().networks());
        return new Opened(opened.visit(), opened.networkId(), name);
    }

    /** For a change (POST): the network checked, nothing read. */
    Opened check(String networkId, Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KAMPAGNEN, model, request, response);
        return new Opened(visit, visit.coordinatedNetwork(networkId), null);
    }

    /** The campaign, read with the person's token; one of another network is not shown under this one's address. */
    JsonNode campaign(Opened opened, String campaignId) {
        JsonNode campaign = api.get("/api/campaigns/{id}", opened.visit().bearer(), PathIds.id(campaignId));
        if (!opened.networkId().equals(campaign.path("networkId").asString(""))) {
            throw ApiProblem.notFound("campaign of another network");
        }
        return campaign;
    }

    static String base(String networkId) {
        return "/mein-bereich/kampagnen/" + networkId;
    }
}
