package de.augenhoehe.portal.meinbereich.firma;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.LedgerWords;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * The company's give and gain (partner-service's ledger): what it gave and gained, pledged and realised, side by side
 * ({@code GET /api/partners/{id}/balance}), and the entries behind it with their network, 20 a page ({@code GET
 * /api/partners/{id}/ledger/entries}). Three reads at once; the networks' names come from the public list.
 */
@Controller
class GiveAndGainController {

    private static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. M. yyyy", Locale.GERMANY);

    private final PlatformApi api;
    private final WorkspaceAccess access;

    GiveAndGainController(PlatformApi api, WorkspaceAccess access) {
        this.api = api;
        this.access = access;
    }

    @GetMapping("/mein-bereich/firma/geben-nehmen")
    String giveAndGain(@RequestParam(name = "seite", defaultValue = "1") String pageParam, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        int page = pageParam.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(pageParam) : 1;
        String partner = visit.person().partnerId();
        List<JsonNode> reads = api.concurrently(List.of(
                () -> api.get("/api/partners/{id}/balance", visit.bearer(), partner),
                () -> api.get("/api/partners/{id}/ledger/entries?page={page}&size={size}", visit.bearer(), partner, page - 1, PAGE_SIZE),
                () -> api.get("/api/networks?size=100")));
        JsonNode entries = reads.get(1);
        Map<String, String> networks = new HashMap<>();
        reads.get(2).path("items").forEach(n -> networks.put(n.path("id").asString(), n.path("name").asString()));

        model.addAttribute("gave", lines(reads.get(0).path("gave")));
        model.addAttribute("gained", lines(reads.get(0).path("gained")));
        model.addAttribute("entries", entries.path("items").values().stream().map(e -> entry(e, networks)).toList());
        long total = entries.path("total").asLong(0);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("previous", page > 1 ? page - 1 : null);
        model.addAttribute("next", (long) page * PAGE_SIZE < total ? page + 1 : null);
        return "firma/geben-nehmen";
    }

    /** One kind: pledged and realised in its one unit, and how many entries make it up. */
    record Line(String category, String pledged, String realised, long entries) {
    }

    /** One entry: when, what, how much, in which network(s), pledged or realised, and whether it still counts. */
    record Entry(String period, String side, String category, String amount, String networks, String origin, String state) {
    }

    private static List<Line> lines(JsonNode lines) {
        List<Line> result = new ArrayList<>();
        for (JsonNode l : lines) {
            String unit = l.path("unit").asString("");
            result.add(new Line(LedgerWords.category(l.path("category").asString()),
                    LedgerWords.amount(decimal(l, "pledged"), unit), LedgerWords.amount(decimal(l, "realised"), unit),
                    l.path("entries").asLong(0)));
        }
        return result;
    }

    private static Entry entry(JsonNode e, Map<String, String> networkNames) {
        List<String> names = e.path("networkIds").values().stream()
                .map(id -> networkNames.getOrDefault(id.asString(), "anderes Netzwerk")).toList();
        String state = !e.path("reversedAt").isNull() && !e.path("reversedAt").isMissingNode() ? "storniert, zählt nicht"
                : switch (e.path("confirmation").asString("")) {
                    case "PENDING" -> "noch nicht bestätigt";
                    case "REJECTED" -> "abgelehnt";
                    default -> "zählt";
                };
        return new Entry(period(e.path("from").asString(null), e.path("to").asString(null)),
                "GIVE".equals(e.path("side").asString()) ? "gegeben" : "gewonnen",
                LedgerWords.category(e.path("category").asString()),
                LedgerWords.amount(decimal(e, "quantity"), e.path("unit").asString("")),
                names.isEmpty() ? "ohne Netzwerk" : String.join(", ", names),
                "PLEDGED".equals(e.path("origin").asString()) ? "zugesagt" : "erbracht", state);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).decimalValue() : BigDecimal.ZERO;
    }

    private static String period(String from, String to) {
        if (from == null) {
            return "";
        }
        String start = LocalDate.parse(from).format(DAY);
        return to == null || to.equals(from) ? start : start + " – " + LocalDate.parse(to).format(DAY);
    }
}
