package de.augenhoehe.portal.meinbereich.anbieten;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.MeasureWords;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * The host's measures: the organisation's list (the catalogue filtered by host, 20 a page), the form that creates and
 * changes a measure with its sessions ({@code POST /api/measures}, {@code PUT /api/measures/{id}} with {@code If-Match}),
 * and the steps of its lifecycle ({@code POST /api/measures/{id}/status}). measures-service decides who may.
 */
@Controller
class MeasuresController {

    static final String LIST = "/mein-bereich/massnahmen";
    private static final int PAGE_SIZE = 20;

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final JsonMapper json;

    MeasuresController(PlatformApi api, WorkspaceAccess access, JsonMapper json) {
        this.api = api;
        this.access = access;
        this.json = json;
    }

    @GetMapping(LIST)
    String list(@RequestParam(name = "seite", defaultValue = "1") String seite, @RequestParam(name = "stand", required = false) String stand,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        int page = Addresses.page(seite);
        // a status that is none of the lifecycle's shows all, as no filter does
        String status = stand != null && HostWords.STATUS.containsKey(stand) ? stand : null;
        JsonNode measures = visit.person().partnerId() == null ? json.createObjectNode()
                : status == null
                        ? api.get("/api/measures?host={host}&page={page}&size={size}", visit.bearer(), visit.person().partnerId(), page - 1, PAGE_SIZE)
                        : api.get("/api/measures?host={host}&status={status}&page={page}&size={size}", visit.bearer(),
                                visit.person().partnerId(), status, page - 1, PAGE_SIZE);
        model.addAttribute("stand", status);
        long total = measures.path("total").asLong(0);
        model.addAttribute("measures", measures.path("items"));
        model.addAttribute("total", total);
        model.addAttribute("seite", page);
        model.addAttribute("seiten", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("status", HostWords.STATUS);
        model.addAttribute("arten", MeasureWords.TYPES);
        model.addAttribute("words", new Formats());
        return "anbieten/massnahmen";
    }

    /** The empty form; from the monitor's gaps ("Maßnahme planen") with the occupation group filled in. */
    @GetMapping(LIST + "/neu")
    String newMeasure(@RequestParam(name = "berufsgruppe", required = false) String group, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        MeasureForm form = new MeasureForm();
        if (group != null && group.matches("[0-9]{3}")) {
            form.setBerufsgruppen(group);
        }
        Map<String, String> networks = networks(visit);
        if (networks.size() == 1) {
            form.setNetzwerk(networks.keySet().iterator().next());
        }
        model.addAttribute("form", form);
        return form(model, networks, null);
    }

    @PostMapping(LIST)
    String create(@Valid @ModelAttribute("form") MeasureForm form, BindingResult errors,
            @RequestParam(name = "aktion", defaultValue = "speichern") String aktion, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        Map<String, String> networks = networks(visit);
        if (aktion.equals("termin")) {
            form.addRow();
            return form(model, networks, null);
        }
        form.check(errors);
        if (errors.hasErrors()) {
            response.setStatus(422);
            return form(model, networks, null);
        }
        try {
            JsonNode created = api.post("/api/measures", form.request(json.createObjectNode(), visit.person().partnerId(), null), visit.bearer());
            flash.addFlashAttribute("meldung", "Die Maßnahme „" + form.getTitel().strip() + "“ ist angelegt. Sie ist in Planung: "
                    + "öffnen Sie sie zur Anmeldung, wenn alles stimmt.");
            return SeeOther.to(request, LIST + "/" + created.path("id").asString() + "/bearbeiten");
        } catch (ApiProblem refused) {
            refusal(refused, errors, response);
            return form(model, networks, null);
        }
    }

    @GetMapping(LIST + "/{id}/bearbeiten")
    String edit(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        JsonNode measure = read(id);
        model.addAttribute("form", MeasureForm.of(measure));
        return form(model, networks(visit), measure);
    }

    @PostMapping(LIST + "/{id}")
    String update(@PathVariable String id, @Valid @ModelAttribute("form") MeasureForm form, BindingResult errors,
            @RequestParam(name = "aktion", defaultValue = "speichern") String aktion, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        JsonNode measure = read(id);
        Map<String, String> networks = networks(visit);
        if (aktion.equals("termin")) {
            form.addRow();
            return form(model, networks, measure);
        }
        form.check(errors);
        if (errors.hasErrors()) {
            response.setStatus(422);
            return form(model, networks, measure);
        }
        try {
            api.put("/api/measures/{id}", form.request(json.createObjectNode(), null, measure), visit.ifMatch(form.getVersion()), id);
            flash.addFlashAttribute("meldung", "Ihre Änderungen sind gespeichert.");
            return SeeOther.to(request, LIST + "/" + id + "/bearbeiten");
        } catch (ApiProblem refused) {
            refusal(refused, errors, response);
            return form(model, networks, measure);
        }
    }

    @PostMapping(LIST + "/{id}/status")
    String move(@PathVariable String id, @RequestParam String ziel, @RequestParam(name = "grund", defaultValue = "") String grund,
            @RequestParam(name = "grundArt", defaultValue = "OTHER") String grundArt, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        if (!HostWords.STEPS.containsKey(ziel) && !ziel.equals("CANCELLED")
                || !HostWords.CANCELLATION_REASONS.containsKey(grundArt) || grund.length() > 500) {
            throw new ApiProblem(400, "invalid-value", "no such step", Map.of());
        }
        ObjectNode change = json.createObjectNode().put("status", ziel);
        if (ziel.equals("CANCELLED")) {
            change.put("reasonCode", grundArt);
            if (!grund.isBlank()) {
                change.put("reason", grund.strip());
            }
        }
        try {
            JsonNode moved = api.post("/api/measures/{id}/status", change, visit.bearer(), id);
            flash.addFlashAttribute("meldung", switch (moved.path("status").asString()) {
                case "OPEN" -> "Die Maßnahme ist zur Anmeldung geöffnet: sie steht im Katalog und nimmt Anmeldungen an.";
                case "CANCELLED" -> "Die Maßnahme ist abgesagt.";
                default -> "Die Maßnahme ist jetzt: " + HostWords.STATUS.getOrDefault(moved.path("status").asString(), "geändert") + ".";
            });
        } catch (ApiProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            flash.addFlashAttribute("fehler", "Dieser Schritt ist gerade nicht möglich – die Maßnahme wurde inzwischen geändert. "
                    + "Hier ist ihr aktueller Stand.");
        }
        return SeeOther.to(request, LIST + "/" + id + "/bearbeiten");
    }

    private JsonNode read(String id) {
        if (!PathIds.isId(id)) {
            throw ApiProblem.notFound("no measure id");
        }
        return api.get("/api/measures/{id}", id);
    }

    private String form(Model model, Map<String, String> networks, JsonNode measure) {
        model.addAttribute("measure", measure);
        model.addAttribute("netzwerke", networks);
        model.addAttribute("arten", MeasureWords.TYPES);
        model.addAttribute("zielgruppen", MeasureWords.TARGET_GROUPS);
        model.addAttribute("durchfuehrungen", HostWords.DELIVERY);
        if (measure != null) {
            String status = measure.path("status").asString();
            model.addAttribute("statusText", HostWords.STATUS.getOrDefault(status, status));
            model.addAttribute("schritte", HostWords.nextSteps(status).stream().collect(
                    java.util.stream.Collectors.toMap(s -> s, HostWords.STEPS::get, (a, b) -> a, LinkedHashMap::new)));
            model.addAttribute("absagbar", HostWords.cancellable(status));
            model.addAttribute("gruende", HostWords.CANCELLATION_REASONS);
        }
        return "anbieten/bearbeiten";
    }

    /** The API's refusal at the field it names, or for the whole form, in German; the page answers the API's 4xx status. */
    private static void refusal(ApiProblem refused, BindingResult errors, HttpServletResponse response) {
        if (refused.unavailable() || refused.status() == 401 || refused.status() == 404) {
            throw refused;
        }
        response.setStatus(refused.status() == 412 ? 409 : refused.status() >= 500 ? 503 : refused.status());
        String message = switch (refused.slug()) {
            case "precondition-failed" -> "Jemand hat die Maßnahme geändert, seit Sie das Formular geöffnet haben. Ihre Eingaben sind "
                    + "nicht gespeichert; öffnen Sie die Maßnahme neu und übernehmen Sie sie dort.";
            case "unknown-postal-code" -> "Eine Postleitzahl kennt die Plattform nicht. Bitte prüfen Sie die Postleitzahlen der Termine.";
            case "host-not-member" -> "Ihre Organisation ist kein aktives Mitglied dieses Netzwerks und kann dort keine Maßnahme anbieten.";
            case "capacity-below-registrations" -> "Es sind schon mehr Plätze vergeben, als Sie jetzt angeben.";
            case "sessions-have-attendance" -> "Für die Termine ist schon Anwesenheit erfasst; sie lassen sich nicht mehr ändern.";
            case "measure-closed" -> "Eine abgeschlossene oder abgesagte Maßnahme lässt sich nicht mehr ändern.";
            case "forbidden" -> "Diese Maßnahme darf Ihre Organisation nicht ändern.";
            default -> "Die Plattform hat die Maßnahme nicht angenommen. Bitte prüfen Sie Ihre Angaben.";
        };
        FormErrors.apply(refused, errors, Map.of("titel", "Bitte prüfen Sie den Titel.", "beschreibung", "Bitte prüfen Sie die Beschreibung.",
                "plaetze", "Bitte prüfen Sie die Zahl der Plätze.", "berufsgruppen", "Bitte prüfen Sie die Berufsgruppen."),
                Map.of("title", "titel", "description", "beschreibung", "capacity", "plaetze", "occupationGroups", "berufsgruppen"), message);
    }

    /** The networks in which the organisation is an active member: where it may host (the service checks again). */
    private Map<String, String> networks(Visit visit) {
        if (visit.person().partnerId() == null) {
            return Map.of();
        }
        List<JsonNode> answers = api.concurrently(List.of(
                () -> api.get("/api/partners/{id}/memberships", visit.bearer(), visit.person().partnerId()),
                () -> api.get("/api/networks")));
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode all = answers.get(1).isArray() ? answers.get(1) : answers.get(1).path("items");
        all.forEach(n -> names.put(n.path("id").asString(), n.path("name").asString()));
        Map<String, String> networks = new LinkedHashMap<>();
        for (JsonNode m : answers.get(0)) {
            if (m.path("status").asString().equals("ACTIVE")) {
                String network = m.path("networkId").asString();
                networks.put(network, names.getOrDefault(network, network));
            }
        }
        return networks;
    }
}
