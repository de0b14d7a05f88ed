package de.augenhoehe.portal.meinbereich.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

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
import de.augenhoehe.portal.web.Kreise;
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

    MonitorController(PlatformApi api, WorkspaceAccess access, OccupationGroups groups, CoordinatedNetworks networks) {
        this.api = api;
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
        if (!period.valid()) {
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
                () -> api.get("/api/monitor/{id}/vacancies?from={from}&to={to}", auth, networkId, from, to)));

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

        series(answers.get(2), period, kreis, gruppe, model);
        return "monitor/monitor";
    }

    private Bottleneck row(JsonNode row) {
        return Bottleneck.of(row, Kreise.name(row.path("kreis").asString()), groups.name(row.path("occupationGroup").asString()));
    }

    /** Stock and flows per month, summed over the Kreise and groups the filter leaves; every month of the period shows. */
    private void series(JsonNode months, Period period, String kreis, String gruppe, Model model) {
        Map<YearMonth, int[]> sums = new TreeMap<>();
        // per month: Σ (median days × closed) and Σ closed of the cells, for the vacancy time
        Map<YearMonth, double[]> days = new TreeMap<>();
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            sums.put(m, new int[3]);
            days.put(m, new double[2]);
        }
        TreeSet<String> kreise = new TreeSet<>();
        TreeSet<String> groupKeys = new TreeSet<>();
        for (JsonNode m : months) {
            kreise.add(m.path("kreis").asString());
            groupKeys.add(m.path("occupationGroup").asString());
            if ((blank(kreis) || kreis.equals(m.path("kreis").asString()))
                    && (blank(gruppe) || gruppe.equals(m.path("occupationGroup").asString()))) {
                int[] sum = sums.get(YearMonth.parse(m.path("month").asString()));
                if (sum != null) {
                    sum[0] += m.path("stock").asInt();
                    sum[1] += m.path("inflow").asInt();
                    sum[2] += m.path("outflow").asInt();
                    if (m.path("medianVacancyDays").isNumber()) {
                        double[] d = days.get(YearMonth.parse(m.path("month").asString()));
                        d[0] += m.path("medianVacancyDays").asDouble() * m.path("closedVacancies").asInt();
                        d[1] += m.path("closedVacancies").asInt();
                    }
                }
            }
        }
        List<SeriesChart.Point> points = sums.entrySet().stream()
                .map(e -> new SeriesChart.Point(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        model.addAttribute("points", points);
        Map<YearMonth, String> vacancyDays = new TreeMap<>();
        days.forEach((month, d) -> vacancyDays.put(month, d[1] == 0 ? "–"
                : String.format(java.util.Locale.GERMANY, "%.1f", d[0] / d[1]) + " (" + (int) d[1] + ")"));
        model.addAttribute("vacancyDays", vacancyDays);
        model.addAttribute("chart", SeriesChart.of(points));
        Map<String, String> kreisOptions = new TreeMap<>();
        kreise.forEach(k -> kreisOptions.put(k, Kreise.name(k)));
        Map<String, String> groupOptions = new TreeMap<>();
        groupKeys.forEach(g -> groupOptions.put(g, g + " " + groups.name(g)));
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
