package de.augenhoehe.portal.meinbereich.firma;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PortalProperties;
import de.augenhoehe.portal.web.SeeOther;

/**
 * The company's HR integration clients (partner-service, {@code /api/partners/{id}/integration-clients}): list, issue,
 * rotate with overlap, revoke after a confirming page. Only the company's administrators manage them (the service
 * decides; the page says so to staff instead of showing a refusal). A secret is shown once: it travels from the POST to
 * the result page as a flash attribute (in the session until that page is rendered, then gone), and the page is not
 * cached.
 */
@Controller
class IntegrationClientsController {

    private static final String PAGE = "/mein-bereich/firma/schnittstelle";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMANY)
            .withZone(ZoneId.of("Europe/Berlin"));

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final PortalProperties portal;

    IntegrationClientsController(PlatformApi api, WorkspaceAccess access, PortalProperties portal) {
        this.api = api;
        this.access = access;
        this.portal = portal;
    }

    @GetMapping(PAGE)
    String clients(Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return clientsPage(visit, model);
    }

    @PostMapping(PAGE)
    Object issue(@RequestParam(name = "name", defaultValue = "") String name, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            model.addAttribute("nameFehler", "Bitte geben Sie dem Zugang einen Namen (höchstens 200 Zeichen), zum Beispiel „Personio Produktion“.");
            model.addAttribute("name", name);
            response.setStatus(422);
            return clientsPage(visit, model);
        }
        JsonNode issued = api.post("/api/partners/{id}/integration-clients", Map.of("name", trimmed), visit.bearer(),
                visit.person().partnerId());
        flash.addFlashAttribute("secret", secret(issued));
        flash.addFlashAttribute("meldung", "Der Zugang „" + trimmed + "“ ist angelegt.");
        return SeeOther.view(PAGE);
    }

    @PostMapping(PAGE + "/{clientId}/erneuern")
    Object rotate(@PathVariable String clientId, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        JsonNode rotated;
        try {
            rotated = api.post("/api/partners/{id}/integration-clients/{clientId}/rotate", null, visit.bearer(),
                    visit.person().partnerId(), wellFormed(clientId));
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            model.addAttribute("fehler", "Dieser Zugang ist widerrufen; sein Geheimnis lässt sich nicht mehr erneuern.");
            response.setStatus(409);
            return clientsPage(visit, model);
        }
        flash.addFlashAttribute("secret", secret(rotated));
        String until = when(rotated.path("client").path("previousSecretValidUntil").asString(null));
        flash.addFlashAttribute("meldung", "Das Geheimnis von „" + rotated.path("client").path("name").asString()
                + "“ ist erneuert." + (until == null ? "" : " Das bisherige gilt noch bis " + until
                + ": Stellen Sie Ihr HR-System bis dahin auf das neue um."));
        return SeeOther.view(PAGE);
    }

    /** The confirming step of a revocation: a GET changes nothing. */
    @GetMapping(PAGE + "/{clientId}/widerrufen")
    String confirmRevoke(@PathVariable String clientId, Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        model.addAttribute("client", view(api.get("/api/partners/{id}/integration-clients/{clientId}", visit.bearer(),
                visit.person().partnerId(), wellFormed(clientId))));
        return "firma/schnittstelle-widerrufen";
    }

    @PostMapping(PAGE + "/{clientId}/widerrufen")
    Object revoke(@PathVariable String clientId, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        api.delete("/api/partners/{id}/integration-clients/{clientId}", visit.bearer(), visit.person().partnerId(),
                wellFormed(clientId));
        flash.addFlashAttribute("meldung", "Der Zugang ist widerrufen. Ihr HR-System bekommt damit ab sofort keinen Zugriff mehr.");
        return SeeOther.view(PAGE);
    }

    private String clientsPage(Visit visit, Model model) {
        boolean admin = visit.person().hasAnyRole("partner_admin");
        model.addAttribute("admin", admin);
        model.addAttribute("clients", admin
                ? api.get("/api/partners/{id}/integration-clients", visit.bearer(), visit.person().partnerId())
                        .values().stream().map(IntegrationClientsController::view).toList()
                : java.util.List.of());
        return "firma/schnittstelle";
    }

    /** An integration client as the page shows it: German times, "nie" for a client that never asked for a token. */
    record ClientView(String clientId, String name, boolean active, String issuedAt, String rotatedAt, String lastUsedAt,
            String previousSecretValidUntil, String revokedAt) {
    }

    private static ClientView view(JsonNode c) {
        return new ClientView(c.path("clientId").asString(), c.path("name").asString(), "ACTIVE".equals(c.path("status").asString()),
                when(c.path("issuedAt").asString(null)), when(c.path("rotatedAt").asString(null)),
                when(c.path("lastUsedAt").asString(null)), when(c.path("previousSecretValidUntil").asString(null)),
                when(c.path("revokedAt").asString(null)));
    }

    /**
     * What the page shows once: the client's id and secret, and where the HR system asks for tokens. Serializable: as a
     * flash attribute it waits in the session (Spring Session JDBC) for the page after the redirect.
     */
    record Secret(String clientId, String clientSecret, String tokenEndpoint) implements java.io.Serializable {
    }

    private Secret secret(JsonNode issued) {
        return new Secret(issued.path("client").path("clientId").asString(), issued.path("clientSecret").asString(),
                portal.publicUrl(issued.path("tokenEndpoint").asString("/oauth2/token")));
    }

    private static String when(String instant) {
        return instant == null || instant.isBlank() ? null : WHEN.format(Instant.parse(instant));
    }

    private static String wellFormed(String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw ApiProblem.notFound("no client id: " + clientId);
        }
        return clientId;
    }
}
