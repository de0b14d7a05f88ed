package de.augenhoehe.portal.meinbereich.koordination;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks;
import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.Paging;
import de.augenhoehe.portal.web.PathIds;

/**
 * The coordinator's partners and memberships: the network's partners by membership status (applications to decide
 * first), one membership with its history, and the coordinator's steps on it (admit, suspend, lift, end) through
 * {@code /api/networks/{id}/memberships/{membershipId}/…}. A coordinator of several networks picks one.
 */
@Controller
class MembershipsController {

    /** The coordinator's steps: the address's German word → the API's action. */
    private static final Map<String, String> ACTIONS = Map.of("aufnehmen", "activate", "ruhen", "suspend", "beenden", "end");
    private static final int MAX_REASON = 500;
    private static final List<String> STATUSES = List.of("APPLIED", "INVITED", "ACTIVE", "SUSPENDED", "ENDED");

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CoordinatedNetwork networks;
    private final CoordinatedNetworks coordinated;

    MembershipsController(PlatformApi api, WorkspaceAccess access, CoordinatedNetwork networks, CoordinatedNetworks coordinated) {
        this.api = api;
        this.access = access;
        this.networks = networks;
        this.coordinated = coordinated;
    }

    /** One network: straight to it; several: the person picks (links). */
    @GetMapping("/mein-bereich/koordination")
    String start(Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        return coordinated.straightToTheOnly(visit, "/mein-bereich/koordination", model).orElse("koordination/netzwerke");
    }

    @GetMapping("/mein-bereich/koordination/{networkId}")
    String partners(@PathVariable String networkId, @RequestParam(name = "stand", defaultValue = "APPLIED") String status,
            @RequestParam(name = "seite", required = false) Integer seite, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        Network network = networks.open(visit, networkId, "mitglieder", model);
        if (!STATUSES.contains(status)) {
            status = "APPLIED";
        }
        JsonNode page = api.get("/api/networks/{id}/partners?status={status}&page={page}&size={size}", visit.bearer(),
                network.id(), status, Paging.requested(seite), Paging.SIZE);
        model.addAttribute("status", status);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("members", page.path("items"));
        model.addAttribute("paging", Paging.of(page));
        return "koordination/mitglieder";
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/mitgliedschaften/{membershipId}")
    String membership(@PathVariable String networkId, @PathVariable String membershipId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        Network network = networks.open(visit, networkId, "mitglieder", model);
        showMembership(visit, network, PathIds.id(membershipId), model);
        return "koordination/mitgliedschaft";
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/mitgliedschaften/{membershipId}/{action}")
    String step(@PathVariable String networkId, @PathVariable String membershipId, @PathVariable String action,
            @RequestParam(name = "grund", required = false) String grund, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        String apiAction = ACTIONS.get(action);
        String id = PathIds.id(membershipId);
        String network = CoordinatedNetwork.require(visit, networkId);
        if (apiAction == null) {
            throw ApiProblem.notFound("no such step: " + action);
        }
        JsonNode before = api.get("/api/networks/{n}/memberships/{id}", visit.bearer(), network, id);
        String name = partnerName(before.path("partnerId").asString(""));
        String reason = grund == null || grund.isBlank() || "activate".equals(apiAction) ? null : grund.strip();
        String wrong = reasonError(apiAction, reason);
        if (wrong != null) {
            // the reason asked again at its field, the text entered kept
            model.addAttribute("grundFehler", wrong);
            model.addAttribute("grundFuer", action);
            model.addAttribute("grund", grund);
            response.setStatus(400);
            showMembership(visit, networks.open(visit, network, "mitglieder", model), id, model);
            return "koordination/mitgliedschaft";
        }
        try {
            api.post("/api/networks/{n}/memberships/{id}/" + apiAction, reason == null ? null : Map.of("reason", reason), visit.bearer(),
                    network, id);
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            // someone else decided first (or the state moved on): the page as it is now, with what happened
            model.addAttribute("refusal", "Dieser Schritt ist nicht mehr möglich: die Mitgliedschaft steht inzwischen auf „"
                    + Words.STATUS.getOrDefault(api.get("/api/networks/{n}/memberships/{id}", visit.bearer(), network, id)
                            .path("status").asString(""), "?") + "“. Bitte prüfen Sie den Verlauf.");
            response.setStatus(409);
            showMembership(visit, networks.open(visit, network, "mitglieder", model), id, model);
            return "koordination/mitgliedschaft";
        }
        redirect.addFlashAttribute("meldung", message(apiAction, before.path("status").asString(""), name));
        return SeeOther.to(request, "/mein-bereich/koordination/" + network + "/mitgliedschaften/" + id);
    }

    /** A suspension needs a reason (the partner's people read it in the history); any reason is plain text, at most 500 characters. */
    static String reasonError(String apiAction, String reason) {
        if (reason == null) {
            return "suspend".equals(apiAction) ? "Bitte nennen Sie den Grund, warum die Mitgliedschaft ruhen soll." : null;
        }
        if (reason.length() > MAX_REASON) {
            return "Der Grund ist zu lang: höchstens " + MAX_REASON + " Zeichen (jetzt " + reason.length() + ").";
        }
        if (reason.indexOf('<') >= 0 || reason.indexOf('>') >= 0) {
            return "Bitte schreiben Sie den Grund ohne spitze Klammern (< oder >).";
        }
        return null;
    }

    static String message(String apiAction, String from, String name) {
        return switch (apiAction) {
            case "activate" -> "SUSPENDED".equals(from) ? name + " ist wieder aktives Mitglied."
                    : "Der Antrag ist angenommen: " + name + " ist jetzt aktives Mitglied des Netzwerks.";
            case "suspend" -> "Die Mitgliedschaft von " + name + " ruht jetzt.";
            default -> switch (from) {
                case "APPLIED" -> "Der Antrag von " + name + " ist abgelehnt.";
                case "INVITED" -> "Die Einladung an " + name + " ist zurückgezogen.";
                default -> "Die Mitgliedschaft von " + name + " ist beendet.";
            };
        };
    }

    private void showMembership(Visit visit, Network network, String id, Model model) {
        JsonNode membership = api.get("/api/networks/{n}/memberships/{id}", visit.bearer(), network.id(), id);
        model.addAttribute("membership", membership);
        model.addAttribute("memberName", partnerName(membership.path("partnerId").asString("")));
    }

    private String partnerName(String partnerId) {
        return api.get("/api/partners/{id}", partnerId).path("name").asString("Partner");
    }
}
