package de.augenhoehe.portal.meinbereich;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;

/**
 * The networks a coordinator's pages are about, for every coordinator workspace (network office, monitor, campaigns):
 * which one a URL may open ({@link Visit#coordinatedNetwork}), their public names — read once per session, as they are
 * shown on every page — and the start of a workspace: one network, straight to it; several, the person picks.
 */
@Component
public class CoordinatedNetworks {

    private static final String NAMES = CoordinatedNetworks.class.getName() + ".names";

    /** A network's id and public name. */
    public record Network(String id, String name) {
    }

    private final PlatformApi api;
    /** Spring's proxy to the current request (this is a singleton). */
    private final HttpServletRequest request;

    CoordinatedNetworks(PlatformApi api, HttpServletRequest request) {
        this.api = api;
        this.request = request;
    }

    /** The network of a URL, checked against the person's token (403/404 before anything is read), with its name. */
    public Network open(Visit visit, String asked) {
        String id = visit.coordinatedNetwork(asked);
        return new Network(id, name(visit, id));
    }

    /**
     * The start of a coordinator's workspace under {@code base}: with one network a 303 to {@code base/{id}}; with
     * several (or none) the page lists them as {@code choices} and the caller shows its picker.
     */
    public Optional<String> straightToTheOnly(Visit visit, String base, Model model) {
        List<String> ids = visit.person().networks();
        if (ids.size() == 1) {
            return Optional.of(SeeOther.to(request, base + "/" + visit.coordinatedNetwork(ids.getFirst())));
        }
        model.addAttribute("choices", ids.stream().map(id -> new Network(id, name(visit, id))).toList());
        return Optional.empty();
    }

    /** A failed read shows the id and is tried again on the next page; a name read once is kept for the session. */
    private String name(Visit visit, String id) {
        HttpSession session = request.getSession();
        @SuppressWarnings("unchecked")
        Map<String, String> known = session.getAttribute(NAMES) instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
        String name = known.get(id);
        if (name != null) {
            return name;
        }
        try {
            name = api.get("/api/networks/{id}", visit.bearer(), id).path("name").asString(null);
        } catch (ApiProblem unavailable) {
            if (unavailable.status() == 403 || unavailable.status() == 404) {
                throw unavailable;
            }
            return id;
        }
        if (name == null) {
            return id;
        }
        Map<String, String> more = new HashMap<>(known);
        more.put(id, name);
        // set again, not changed in place: Spring Session writes an attribute back only when it is set
        session.setAttribute(NAMES, more);
        return name;
    }
}
