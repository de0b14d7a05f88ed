package de.augenhoehe.portal.meinbereich;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SignedIn;
import de.augenhoehe.portal.web.SignedIn.Person;
import de.augenhoehe.portal.web.PathIds;

/**
 * The door of every workspace page: the person's roles must open the workspace (else a 403 page — a hidden link is no
 * permission), the layout gets who is signed in, for which organisation and the role's navigation, and the page gets
 * the person's bearer header for its calls through the gateway. The services still decide what may be read or changed;
 * their 401 ends the session (ErrorPages).
 */
@Component
public class WorkspaceAccess {

    private static final String PARTNER_NAME = WorkspaceAccess.class.getName() + ".partnerName";

    /** The person on a workspace page and the header that carries their access token to the API. */
    public record Visit(Person person, Map<String, String> bearer) {

        /** The bearer and {@code If-Match: "<version>"}: a change to the version the form was loaded with (412 if it moved on). */
        public Map<String, String> ifMatch(Object version) {
            return Map.of(HttpHeaders.AUTHORIZATION, bearer.get(HttpHeaders.AUTHORIZATION), HttpHeaders.IF_MATCH, "\"" + version + "\"");
        }

        /**
         * A network id from a coordinator's URL: only one the person's token names may be opened — another network's is
         * refused with the 403 page before any of its data is read (the services refuse it too, but a page must not
         * even show the other network's name); something that is no id names nothing (404) and never reaches the API.
         */
        public String coordinatedNetwork(String networkId) {
            String id = PathIds.id(networkId);
            if (!person.networks().contains(id)) {
                throw new ApiProblem(403, "forbidden", "not a network of this coordinator", Map.of());
            }
            return id;
        }
    }

    private final PlatformApi api;
    private final SignedIn signedIn;

    WorkspaceAccess(PlatformApi api, SignedIn signedIn) {
        this.api = api;
        this.signedIn = signedIn;
    }

    public Visit open(Workspace workspace, Model model, HttpServletRequest request, HttpServletResponse response) {
        Person person = signedIn.person();
        if (workspace != null && !workspace.openTo(person)) {
            throw new ApiProblem(403, "forbidden", "workspace not open to these roles", Map.of());
        }
        model.addAttribute("person", person);
        model.addAttribute("workspace", workspace);
        model.addAttribute("workspaces", Workspace.of(person));
        model.addAttribute("partnerName", partnerName(person, request));
        return new Visit(person, Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + signedIn.accessToken(request, response)));
    }

    /**
     * The organisation's public name, read once per session (it is shown on every page of the area); a person without
     * one, or a failed read, sees none — and the next page tries again.
     */
    private String partnerName(Person person, HttpServletRequest request) {
        if (person.partnerId() == null) {
            return null;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(PARTNER_NAME) instanceof String name) {
            return name;
        }
        try {
            String name = api.get("/api/partners/{id}", person.partnerId()).path("name").asString(null);
            if (name != null) {
                session.setAttribute(PARTNER_NAME, name);
            }
            return name;
        } catch (ApiProblem unavailable) {
            return null;
        }
    }
}
