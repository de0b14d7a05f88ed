package de.augenhoehe.portal.meinbereich.koordination;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.Times;
import de.augenhoehe.portal.web.PathIds;

/**
 * A working group's meetings in the coordinator's hands: scheduled with day, time, place and agenda
 * ({@code POST /api/working-groups/{id}/meetings}), and their minutes written afterwards
 * ({@code PUT …/meetings/{m}/minutes} with the version read as If-Match: a second coordinator's save meanwhile is shown
 * beside the text entered, which stays in the form — nobody's minutes are overwritten unseen).
 */
@Controller
class MeetingsController {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A meeting to schedule; the agenda one item per line. */
    static class MeetingForm {
        @NotBlank(message = "Bitte geben Sie den Tag an.")
        private String tag;
        @NotBlank(message = "Bitte geben Sie die Uhrzeit an.")
        private String uhrzeit;
        @NotBlank(message = "Bitte geben Sie den Ort an.")
        @Size(max = 300, message = "Der Ort darf höchstens 300 Zeichen lang sein.")
        private String ort;
        @Size(max = 20000, message = "Die Tagesordnung ist zu lang.")
        private String tagesordnung;

        public String getTag() {
            return tag;
        }

        public void setTag(String tag) {
            this.tag = tag;
        }

        public String getUhrzeit() {
            return uhrzeit;
        }

        public void setUhrzeit(String uhrzeit) {
            this.uhrzeit = uhrzeit;
        }

        public String getOrt() {
            return ort;
        }

        public void setOrt(String ort) {
            this.ort = ort;
        }

        public String getTagesordnung() {
            return tagesordnung;
        }

        public void setTagesordnung(String tagesordnung) {
            this.tagesordnung = tagesordnung;
        }

        /** The agenda's items: one per non-blank line. */
        List<String> agenda() {
            return tagesordnung == null ? List.of() : Arrays.stream(tagesordnung.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CoordinatedNetwork networks;
    private final GroupPages pages;

    MeetingsController(PlatformApi api, WorkspaceAccess access, CoordinatedNetwork networks, GroupPages pages) {
        this.api = api;
        this.access = access;
        this.networks = networks;
        this.pages = pages;
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/sitzungen")
    String schedule(@PathVariable String networkId, @PathVariable String groupId, @Valid @ModelAttribute("meeting") MeetingForm meeting,
            BindingResult form, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        String network = CoordinatedNetwork.require(visit, networkId);
        String group = PathIds.id(groupId);
        String startsAt = startsAt(meeting, form);
        List<String> agenda = meeting.agenda();
        if (agenda.size() > 50 || agenda.stream().anyMatch(item -> item.length() > 500)) {
            form.rejectValue("tagesordnung", "invalid", "Höchstens 50 Punkte mit je höchstens 500 Zeichen.");
        }
        if (!form.hasErrors()) {
            try {
                JsonNode m = api.post("/api/working-groups/{id}/meetings",
                        Map.of("startsAt", startsAt, "place", meeting.getOrt().strip(), "agenda", agenda), visit.bearer(), group);
                redirect.addFlashAttribute("meldung", "Die Sitzung am " + Times.when(m.path("startsAt").asString()) + " ist angesetzt.");
                return SeeOther.to(request, meetingPath(network, group, m.path("id").asString()));
            } catch (ApiProblem refused) {
                if (!refused.is(400, "invalid-date")) {
                    throw refused;
                }
                form.rejectValue("tag", "invalid", "Eine Sitzung liegt zwischen den Jahren 2000 und 2100.");
            }
        }
        response.setStatus(422);
        pages.forCoordinator(visit, networks.open(visit, networkId, "gremien", model), groupId, model);
        return "koordination/gruppe";
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/sitzungen/{meetingId}")
    String meeting(@PathVariable String networkId, @PathVariable String groupId, @PathVariable String meetingId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        JsonNode m = show(visit, networkId, groupId, meetingId, model);
        model.addAttribute("protokoll", m.path("minutes").asString(""));
        model.addAttribute("version", m.path("version").asLong());
        return "koordination/sitzung";
    }

    @PostMapping("/mein-bereich/koordination/{networkId}/gremien/{groupId}/sitzungen/{meetingId}/protokoll")
    String minutes(@PathVariable String networkId, @PathVariable String groupId, @PathVariable String meetingId,
            @RequestParam(name = "protokoll", defaultValue = "") String protokoll, @RequestParam(name = "version", defaultValue = "") String version,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        String network = CoordinatedNetwork.require(visit, networkId);
        String group = PathIds.id(groupId);
        String meeting = PathIds.id(meetingId);
        String error = protokoll.isBlank() ? "Bitte schreiben Sie das Protokoll."
                : protokoll.length() > 20000 ? "Das Protokoll darf höchstens 20.000 Zeichen lang sein (jetzt " + protokoll.length() + ")."
                : !version.matches("[0-9]{1,18}") ? "Bitte laden Sie die Seite neu." : null;
        if (error == null) {
            try {
                api.put("/api/working-groups/{id}/meetings/{m}/minutes", Map.of("minutes", protokoll.strip()),
                        visit.ifMatch(version), group, meeting);
                redirect.addFlashAttribute("meldung", "Das Protokoll ist gespeichert.");
                return SeeOther.to(request, meetingPath(network, group, meeting));
            } catch (ApiProblem refused) {
                if (refused.status() != 412) {
                    throw refused;
                }
                // someone saved minutes meanwhile: theirs shown, this text kept, the version moved on — saving again overwrites knowingly
                JsonNode stored = show(visit, networkId, groupId, meetingId, model);
                model.addAttribute("konflikt", stored.path("minutes").asString(""));
                model.addAttribute("protokoll", protokoll);
                model.addAttribute("version", stored.path("version").asLong());
                response.setStatus(409);
                return "koordination/sitzung";
            }
        }
        JsonNode stored = show(visit, networkId, groupId, meetingId, model);
        model.addAttribute("protokollFehler", error);
        model.addAttribute("protokoll", protokoll);
        model.addAttribute("version", version.matches("[0-9]{1,18}") ? Long.parseLong(version) : stored.path("version").asLong());
        response.setStatus(422);
        return "koordination/sitzung";
    }

    private JsonNode show(Visit visit, String networkId, String groupId, String meetingId, Model model) {
        Network network = networks.open(visit, networkId, "gremien", model);
        String group = PathIds.id(groupId);
        String meeting = PathIds.id(meetingId);
        List<JsonNode> read = api.concurrently(List.of(
                () -> api.get("/api/working-groups/{id}", visit.bearer(), group),
                () -> api.get("/api/working-groups/{id}/meetings/{m}", visit.bearer(), group, meeting)));
        if (!network.id().equals(read.get(0).path("networkId").asString(""))) {
            throw ApiProblem.notFound("group of another network");
        }
        model.addAttribute("group", read.get(0));
        model.addAttribute("meeting", read.get(1));
        model.addAttribute("base", "/mein-bereich/koordination/" + network.id() + "/gremien");
        return read.get(1);
    }

    /** Day and time as entered, in German time, as an offset date-time for the API; errors at the fields. */
    static String startsAt(MeetingForm meeting, BindingResult form) {
        LocalDate day = null;
        LocalTime time = null;
        if (meeting.getTag() != null && !meeting.getTag().isBlank()) {
            try {
                day = LocalDate.parse(meeting.getTag().strip());
            } catch (DateTimeParseException e) {
                form.rejectValue("tag", "invalid", "Bitte geben Sie den Tag als Datum an, z. B. 2027-03-15.");
            }
        }
        if (meeting.getUhrzeit() != null && !meeting.getUhrzeit().isBlank()) {
            try {
                time = LocalTime.parse(meeting.getUhrzeit().strip());
            } catch (DateTimeParseException e) {
                form.rejectValue("uhrzeit", "invalid", "Bitte geben Sie die Uhrzeit als Stunden und Minuten an, z. B. 16:00.");
            }
        }
        return day == null || time == null ? null : day.atTime(time).atZone(BERLIN).toOffsetDateTime().toString();
    }

    static String meetingPath(String network, String group, String meeting) {
        return "/mein-bereich/koordination/" + network + "/gremien/" + group + "/sitzungen/" + meeting;
    }
}
