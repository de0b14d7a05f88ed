package de.augenhoehe.portal.meinbereich.koordination;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * The network a coordinator's page is about. Only a network the person's token names may be opened: another
 * network's id is refused here with the 403 page before any of its data is read (the services refuse it as well, but a
 * page must not even show the other network's name). Something that is no id is the 404 page.
 */
@Component
class CoordinatedNetwork {

    /** The network's id and public name, and the section of the workspace the page belongs to (sub-navigation). */
    record Network(String id, String name) {
    }

    private final PlatformApi api;

    CoordinatedNetwork(PlatformApi api) {
        this.api = api;
    }

    Network open(Visit visit, String networkId, String section, Model model) {
        Network network = new Network(require(visit, networkId), null);
        network = new Network(network.id(), api.get("/api/networks/{id}", visit.bearer(), network.id()).path("name").asString(""));
        model.addAttribute("network", network);
        model.addAttribute("section", section);
        model.addAttribute("coordinated", visit.person().networks());
        return network;
    }

    static String require(Visit visit, String networkId) {
        return visit.coordinatedNetwork(networkId);
    }

    /** A path segment that must be an id; anything else names nothing (404), never reaches the API. */
    static String uuid(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException notAnId) {
            throw ApiProblem.notFound("not an id: " + value);
        }
    }

    /** The names of the networks a coordinator may pick from. */
    List<Network> named(Visit visit) {
        return visit.person().networks().stream()
                .map(id -> new Network(id, api.get("/api/networks/{id}", visit.bearer(), id).path("name").asString(id)))
                .toList();
    }

    static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }
}
