package de.augenhoehe.portal.meinbereich.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.CoordinatedNetworks;
import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.KreisNames;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * The labour-market monitor of a coordinator's network (issue #18): the bottleneck score per Kreis × occupation group
 * as a table with its formula, the gaps no measure addresses with a way to plan one, and stock and flows per month as
 * a chart with its table — all from measures-service's {@code /api/monitor/{networkId}/…}, read at once with the
 * coordinator's token. A network that is not the coordinator's is refused before anything is read (403 page).
 */
@Controller
class MonitorController {

    static final int PAGE_SIZE = 20;

    private final PlatformApi api;
    private final WorkspaceAccess access;
    private final OccupationGroups groups;
    private final CoordinatedNetworks networks;
    private final KreisNames kreise;

    MonitorController(PlatformApi api, WorkspaceAccess access, OccupationGroups groups, CoordinatedNetworks networks, KreisNames kreise) {
        this.api = api;
        this.kreise = kreise;
        this.networks = networks;
        this.access = access;
        this.groups = groups;
    }

    /** One network: straight to its monitor; several: the coordinator picks one. */
    @GetMapping("/mein-bereich/monitor")
    String networks(Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.MONITOR, model, request, response);
        return networks.straightToTheOnly(visit, "/mein-bereich/monitor", model).orElse("monitor/netzwerke");
    }

    @GetMapping("/mein-bereich/monitor/{networkId}")
    String monitor(@PathVariable("networkId") String asked, @ModelAttribute("filter") MonitorFilter filter, BindingResult errors,
            @RequestParam(name = "seite", defaultValue = "1") String seite,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.MONITOR, model, request, response);
        Network network = networks.open(visit, asked);
        String networkId = network.id();
        model.addAttribute("network", network);
        Period period = Period.of(filter.getVon(), filter.getBis());
        period.errors().forEach((field, message) -> errors.rejectValue(field, "invalid", message));
        if (!filter.getKreis().isEmpty() && !filter.getKreis().matches("[0-9]{5}")) {
            errors.rejectValue("kreis", "invalid", "Bitte einen Kreis aus der Liste wählen.");
        }
        if (!filter.getGruppe().isEmpty() && !filter.getGruppe().matches("[0-9]{3}")) {
            errors.rejectValue("gruppe", "invalid", "Bitte eine Berufsgruppe aus der Liste wählen.");
        }
        if (errors.hasErrors()) {
            if (errors.hasFieldErrors("kreis") || errors.hasFieldErrors("gruppe")) {
                // the fields show their error; a changed address is no reason to read the network's data
                model.addAttribute("kreisOptions", Map.of());
                model.addAttribute("groupOptions", Map.of());
            }
            response.setStatus(400);
            return "monitor/monitor";
        }
        filter.setVon(period.from().toString());
        filter.setBis(period.to().toString());
        String kreis = filter.getKreis();
        String gruppe = filter.getGruppe();
        Map<String, String> auth = visit.bearer();
        String from = period.from().toString();
        String to = period.to().toString();
        List<JsonNode> answers = api.concurrently(List.of(
                () -> api.get("/api/monitor/{id}/bottlenecks?from={from}&to={to}", auth, networkId, from, to),
                () -> api.get("/api/monitor/{id}/gaps?from={from}&to={to}", auth, networkId, from, to),
                () -> api.get("/api/monitor/{id}/series?from={from}&to={to}" + (kreis.isEmpty() ? "" : "&kreis={kreis}")
                        + (gruppe.isEmpty() ? "" : "&occupationGroup={group}"), auth, seriesArguments(networkId, from, to, kreis, gruppe))));

        List<Bottleneck> bottlenecks = new ArrayList<>();
        answers.get(0).forEach(row -> bottlenecks.add(row(row)));
        bottlenecks.sort(Comparator.comparing((Bottleneck b) -> !b.level().equals("engpass"))
                .thenComparing(Bottleneck::scoreValue, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Bottleneck::kreis).thenComparing(Bottleneck::group));
        int page = page(seite, bottlenecks.size());
        model.addAttribute("bottlenecks", bottlenecks.subList((page - 1) * PAGE_SIZE, Math.min(bottlenecks.size(), page * PAGE_SIZE)));
        model.addAttribute("bottleneckCount", bottlenecks.size());
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (bottlenecks.size() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("formula", answers.get(0).isEmpty() ? null : answers.get(0).get(0).path("formula").asString(null));

        List<Bottleneck> gaps = new ArrayList<>();
        answers.get(1).forEach(row -> gaps.add(row(row)));
        model.addAttribute("gaps", gaps);
        // a coordinator who also plans measures goes to the form; one who does not proposes it to a working group
        model.addAttribute("canHost", Workspace.MASSNAHMEN.openTo(visit.person()));

        series(answers.get(2), bottlenecks, model);
        return "monitor/monitor";
    }

    private Bottleneck row(JsonNode row) {
        return Bottleneck.of(row, kreise.name(row.path("kreis").asString()), groups.name(row.path("occupationGroup").asString()));
    }

    private static Object[] seriesArguments(String networkId, String from, String to, String kreis, String gruppe) {
        List<Object> arguments = new ArrayList<>(List.of(networkId, from, to));
        if (!kreis.isEmpty()) {
            arguments.add(kreis);
        }
        if (!gruppe.isEmpty()) {
            arguments.add(gruppe);
        }
        return arguments.toArray();
    }

    /**
     * Stock and flows per month as measures-service sums them for the Kreis and group asked (every month of the
     * period); the filter's choices are the Kreise and groups the period's bottleneck table has.
     */
    private void series(JsonNode months, List<Bottleneck> cells, Model model) {
        List<SeriesChart.Point> points = new ArrayList<>();
        Map<YearMonth, String> vacancyDays = new TreeMap<>();
        for (JsonNode m : months) {
            YearMonth month = YearMonth.parse(m.path("month").asString());
            points.add(new SeriesChart.Point(month, m.path("stock").asInt(), m.path("inflow").asInt(), m.path("outflow").asInt()));
            vacancyDays.put(month, m.path("medianVacancyDays").isNumber()
                    ? String.format(Locale.GERMANY, "%.1f", m.path("medianVacancyDays").asDouble()) + " (" + m.path("closedVacancies").asInt() + ")"
                    : "–");
        }
        model.addAttribute("points", points);
        model.addAttribute("vacancyDays", vacancyDays);
        model.addAttribute("chart", SeriesChart.of(points));
        Map<String, String> kreisOptions = new TreeMap<>();
        Map<String, String> groupOptions = new TreeMap<>();
        for (Bottleneck cell : cells) {
            kreisOptions.put(cell.kreis(), cell.kreisName());
            groupOptions.put(cell.group(), cell.group() + " " + cell.groupName());
        }
        model.addAttribute("kreisOptions", kreisOptions);
        model.addAttribute("groupOptions", groupOptions);
    }

    private static int page(String value, int rows) {
        int pages = Math.max(1, (rows + PAGE_SIZE - 1) / PAGE_SIZE);
        try {
            return Math.min(pages, Math.max(1, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

}
