package de.augenhoehe.portal.meinbereich.koordination;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks;
import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;

/**
 * The network a coordinator's page is about. Only a network the person's token names may be opened: another
 * network's id is refused here with the 403 page before any of its data is read (the services refuse it as well, but a
 * page must not even show the other network's name). Something that is no id is the 404 page.
 */
@Component
class CoordinatedNetwork {

    private final CoordinatedNetworks networks;

    CoordinatedNetwork(CoordinatedNetworks networks) {
        this.networks = networks;
    }

    /** The network of the URL (403/404 before anything is read) and the section of the workspace (sub-navigation). */
    Network open(Visit visit, String networkId, String section, Model model) {
        Network network = networks.open(visit, networkId);
        model.addAttribute("network", network);
        model.addAttribute("section", section);
        model.addAttribute("coordinated", visit.person().networks());
        return network;
    }

    static String require(Visit visit, String networkId) {
        return visit.coordinatedNetwork(networkId);
    }

    static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }
}
