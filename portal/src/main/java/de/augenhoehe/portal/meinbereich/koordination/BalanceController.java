package de.augenhoehe.portal.meinbereich.koordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.Paging;

/**
 * The network's balance of give and gain ({@code /api/networks/{id}/balance} and {@code …/balance/summary}): per
 * active member what it gave and gained, the only-gives / only-takes flags in words, a bar chart of the entries with
 * the same numbers as a table; and the entries behind it ({@code …/ledger/entries}), paged.
 */
@Controller
class BalanceController {

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final CoordinatedNetwork networks;

    BalanceController(PlatformApi api, WorkspaceAccess access, CoordinatedNetwork networks) {
        this.api = api;
        this.access = access;
        this.networks = networks;
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/bilanz")
    String balance(@PathVariable String networkId, @RequestParam(name = "von", required = false) String from,
            @RequestParam(name = "bis", required = false) String to, @RequestParam(name = "seite", required = false) Integer seite,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        Network network = networks.open(visit, networkId, "bilanz", model);
        Period period = Period.read(from, to);
        model.addAttribute("period", period);
        if (!period.errors().isEmpty()) {
            response.setStatus(400);
            model.addAttribute("members", List.of());
            return "koordination/bilanz";
        }
        List<JsonNode> read = api.concurrently(List.of(
                () -> api.get("/api/networks/{id}/balance" + period.query(), visit.bearer(), network.id()),
                () -> api.get("/api/networks/{id}/balance/summary" + period.query(), visit.bearer(), network.id())));
        List<JsonNode> all = new ArrayList<>();
        read.get(0).path("members").forEach(all::add);
        Paging paging = Paging.ofList(all, Paging.requested(seite), Paging.SIZE);
        List<JsonNode> members = paging.slice(all, Paging.SIZE);
        model.addAttribute("members", members);
        model.addAttribute("paging", paging);
        model.addAttribute("chart", BalanceChart.of(members));
        model.addAttribute("summary", read.get(1));
        return "koordination/bilanz";
    }

    @GetMapping("/mein-bereich/koordination/{networkId}/bilanz/eintraege")
    String entries(@PathVariable String networkId, @RequestParam(name = "seite", required = false) Integer seite,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.KOORDINATION, model, request, response);
        Network network = networks.open(visit, networkId, "bilanz", model);
        List<JsonNode> read = api.concurrently(List.of(
                () -> api.get("/api/networks/{id}/ledger/entries?page={page}&size={size}", visit.bearer(), network.id(),
                        Paging.requested(seite), Paging.SIZE),
                () -> api.get("/api/networks/{id}/balance", visit.bearer(), network.id())));
        Map<String, String> names = new LinkedHashMap<>();
        read.get(1).path("members").forEach(m -> names.put(m.path("partnerId").asString(""), m.path("name").asString("")));
        model.addAttribute("entries", read.get(0).path("items"));
        model.addAttribute("paging", Paging.of(read.get(0)));
        model.addAttribute("names", names);
        return "koordination/eintraege";
    }

    /** The period asked for ({@code von}, {@code bis}: ISO dates, both optional), checked before the API is asked. */
    record Period(String from, String to, Map<String, String> errors) {

        static Period read(String from, String to) {
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate f = date(from, "von", errors);
            LocalDate t = date(to, "bis", errors);
            if (f != null && t != null && f.isAfter(t)) {
                errors.put("bis", "Das Ende darf nicht vor dem Anfang liegen.");
            }
            return new Period(blankToNull(from), blankToNull(to), errors);
        }

        private static LocalDate date(String value, String field, Map<String, String> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException notADate) {
                errors.put(field, "Bitte ein Datum angeben, z. B. 2027-01-31.");
                return null;
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** The query of the API call: only checked ISO dates reach it. */
        String query() {
            List<String> parts = new ArrayList<>();
            if (from != null) {
                parts.add("from=" + from);
            }
            if (to != null) {
                parts.add("to=" + to);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }
    }
}
