package de.augenhoehe.portal.meinbereich.anbieten;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * A measure's participants as its host sees them ({@code GET /api/measures/{id}/registrations}, 50 a page): attendance
 * per session as checkboxes ({@code PUT …/sessions/{sessionId}/attendance}), the outcome per participant
 * ({@code PUT …/registrations/{rid}/outcome}), and the printable list of the day with a column to sign.
 */
@Controller
class ParticipantsController {

    private static final String PAGE = MeasuresController.LIST + "/{id}/teilnehmende";
    private static final int PAGE_SIZE = 50;

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final JsonMapper json;

    ParticipantsController(PlatformApi api, WorkspaceAccess access, JsonMapper json) {
        this.api = api;
        this.access = access;
        this.json = json;
    }

    @GetMapping(PAGE)
    String participants(@PathVariable String id, @RequestParam(name = "termin", required = false) String termin,
            @RequestParam(name = "seite", defaultValue = "1") String seite, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        JsonNode participants = show(visit, id, termin, seite, model);
        model.addAttribute("participants", participants);
        model.addAttribute("anwesend", attended(participants, (JsonNode) model.getAttribute("termin")));
        model.addAttribute("anmeldung", HostWords.REGISTRATION);
        model.addAttribute("ergebnisse", HostWords.OUTCOMES);
        return "anbieten/teilnehmende";
    }

    /**
     * The attendance of one session for the participants shown on the page: every listed participant is sent, ticked
     * as present, the others as absent — so an untick is recorded too.
     */
    @PostMapping(PAGE + "/anwesenheit")
    String attendance(@PathVariable String id, @RequestParam String termin, @RequestParam(name = "seite", defaultValue = "1") String seite,
            @RequestParam(name = "teilnehmende", required = false) List<String> listed,
            @RequestParam(name = "anwesend", required = false) List<String> present, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        Set<String> ticked = present == null ? Set.of() : new HashSet<>(present);
        if (listed == null || listed.isEmpty() || listed.size() > PAGE_SIZE || !listed.stream().allMatch(PathIds::isId) || !listed.containsAll(ticked) || !PathIds.isId(termin)) {
            throw new ApiProblem(400, "invalid-value", "attendance form", Map.of());
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode records = body.putArray("records");
        listed.forEach(r -> records.addObject().put("registrationId", r).put("attended", ticked.contains(r)));
        try {
            api.put("/api/measures/{id}/sessions/{session}/attendance", body, visit.bearer(), id, termin);
            flash.addFlashAttribute("meldung", "Die Anwesenheit ist gespeichert: " + ticked.size() + " von " + listed.size() + " anwesend.");
        } catch (ApiProblem refused) {
            flash.addFlashAttribute("fehler", switch (refused.slug()) {
                case "measure-not-running" -> "Anwesenheit lässt sich erst erfassen, wenn die Maßnahme zur Anmeldung offen ist oder läuft.";
                case "not-a-participant" -> "Eine der Personen ist nicht (mehr) angemeldet. Hier ist die aktuelle Liste; bitte erfassen Sie erneut.";
                default -> throw refused;
            });
        }
        return SeeOther.to(request, PAGE.replace("{id}", id) + "?termin=" + termin + "&seite=" + Addresses.page(seite) + "#anwesenheit");
    }

    @PostMapping(PAGE + "/ergebnis")
    String outcome(@PathVariable String id, @RequestParam String anmeldung, @RequestParam(name = "ergebnis", defaultValue = "") String ergebnis,
            @RequestParam(name = "betrieb", defaultValue = "") String betrieb, @RequestParam(name = "seite", defaultValue = "1") String seite,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        String back = PAGE.replace("{id}", id) + "?seite=" + Addresses.page(seite) + "#ergebnis-" + anmeldung;
        if (!PathIds.isId(anmeldung)) {
            throw new ApiProblem(400, "invalid-value", "no registration id", Map.of());
        }
        if (!HostWords.OUTCOMES.containsKey(ergebnis)) {
            flash.addFlashAttribute("fehler", "Bitte wählen Sie ein Ergebnis aus der Liste.");
            return SeeOther.to(request, back);
        }
        ObjectNode body = json.createObjectNode().put("outcome", ergebnis);
        // the organisation itself as the employer: its people gained an apprentice or a worker (the ledger's gain)
        if (betrieb.equals("eigener") && visit.person().partnerId() != null) {
            body.put("employerPartnerId", visit.person().partnerId());
        }
        try {
            JsonNode p = api.put("/api/measures/{id}/registrations/{rid}/outcome", body, visit.bearer(), id, anmeldung);
            flash.addFlashAttribute("meldung", "Das Ergebnis für " + p.path("name").asString("die Person") + " ist gespeichert: "
                    + HostWords.OUTCOMES.get(ergebnis) + ".");
        } catch (ApiProblem refused) {
            if (!refused.slug().equals("not-a-participant")) {
                throw refused;
            }
            flash.addFlashAttribute("fehler", "Ein Ergebnis gibt es nur für angemeldete Teilnehmende.");
        }
        return SeeOther.to(request, back);
    }

    @GetMapping(MeasuresController.LIST + "/{id}/tagesliste")
    String dayList(@PathVariable String id, @RequestParam(name = "termin", required = false) String termin,
            @RequestParam(name = "seite", defaultValue = "1") String seite, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Visit visit = access.open(Workspace.MASSNAHMEN, model, request, response);
        model.addAttribute("participants", show(visit, id, termin, seite, model).valueStream()
                .filter(p -> p.path("status").asString().equals("CONFIRMED")).toList());
        return "anbieten/tagesliste";
    }

    /**
     * Reads the measure (public) and a page of its registrations (the host's token) at once, puts the measure, the
     * session asked for and the paging into the model, and answers the page's registrations.
     */
    private JsonNode show(Visit visit, String id, String termin, String seite, Model model) {
        if (!PathIds.isId(id)) {
            throw ApiProblem.notFound("no measure id");
        }
        int page = Addresses.page(seite);
        List<JsonNode> answers = api.concurrently(List.of(() -> api.get("/api/measures/{id}", id),
                () -> api.get("/api/measures/{id}/registrations?page={page}&size={size}", visit.bearer(), id, page - 1, PAGE_SIZE)));
        JsonNode registrations = answers.get(1).path("items");
        model.addAttribute("measure", answers.get(0));
        model.addAttribute("termin", session(answers.get(0), termin));
        model.addAttribute("seite", page);
        model.addAttribute("weiter", registrations.size() == PAGE_SIZE);
        model.addAttribute("words", new Formats());
        return registrations;
    }

    /** The session asked for, else the first; null when the measure has none (it always has one). */
    private static JsonNode session(JsonNode measure, String termin) {
        JsonNode first = null;
        for (JsonNode s : measure.path("sessions")) {
            if (first == null) {
                first = s;
            }
            if (s.path("id").asString().equals(termin)) {
                return s;
            }
        }
        return first;
    }

    /** The registration ids ticked present at this session (as recorded). */
    private static Set<String> attended(JsonNode participants, JsonNode session) {
        Set<String> present = new HashSet<>();
        if (session == null) {
            return present;
        }
        for (JsonNode p : participants) {
            for (JsonNode a : p.path("attendance")) {
                if (a.path("sessionId").asString().equals(session.path("id").asString()) && a.path("attended").asBoolean()) {
                    present.add(p.path("registrationId").asString());
                }
            }
        }
        return present;
    }
}
