package de.augenhoehe.measures.monitor;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * {@code /api/monitor/{networkId}/…}: the labour-market monitor of a network, for its coordinators. Every figure
 * answers with its period and the number of underlying events (or records). Periods are whole months, at most 36.
 */
@RestController
@Validated
@Tag(name = "monitor")
class MonitorController {

    static final int MAX_MONTHS = 36;

    private final Monitor monitor;

    MonitorController(Monitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/monitor/{networkId}/vacancies")
    @Operation(summary = "Per Kreis × occupation group (KldB 3-digit) × month: stock, inflow, outflow (openings), median vacancy time (days) of real vacancies (jobs, apprenticeships, dual study)")
    List<Monitor.Month> vacancies(@PathVariable UUID networkId,
            @Parameter(description = "first month, yyyy-MM") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @Parameter(description = "last month, yyyy-MM") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @RequestParam(required = false) @BoundedPattern(regexp = "[0-9]{5}", max = 5) String kreis) {
        check(networkId, from, to);
        return monitor.months(networkId, from, to, kreis);
    }

    @GetMapping("/api/monitor/{networkId}/series")
    @Operation(summary = "Per month of the period: stock, inflow, outflow (openings), median vacancy time (days) and closed vacancies, summed over the Kreis and occupation group asked (default: all) — the time series of a chart; every month answers")
    List<Monitor.SeriesMonth> series(@PathVariable UUID networkId,
            @Parameter(description = "first month, yyyy-MM") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @Parameter(description = "last month, yyyy-MM") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @Parameter(description = "Kreis key (AGS, 5 digits); default: all Kreise")
            @RequestParam(required = false) @BoundedPattern(regexp = "[0-9]{5}", max = 5) String kreis,
            @Parameter(description = "occupation group (KldB 2010, 3 digits); default: all groups")
            @RequestParam(required = false) @BoundedPattern(regexp = "[0-9]{3}", max = 3) String occupationGroup) {
        check(networkId, from, to);
        return monitor.series(networkId, from, to, kreis, occupationGroup);
    }

    @GetMapping("/api/monitor/{networkId}/offers")
    @Operation(summary = "Per Kreis × type × month, the offers that are no vacancies (internships, project days, working-student posts): places open at month end, offered, closed")
    List<Monitor.Offers> offers(@PathVariable UUID networkId,
            @Parameter(description = "first month, yyyy-MM") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @Parameter(description = "last month, yyyy-MM") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @RequestParam(required = false) @BoundedPattern(regexp = "[0-9]{5}", max = 5) String kreis) {
        check(networkId, from, to);
        return monitor.offers(networkId, from, to, kreis);
    }

    @GetMapping("/api/monitor/{networkId}/bottlenecks")
    @Operation(summary = "Bottleneck score per Kreis × occupation group over the period, with its indicators and formula")
    List<Monitor.Bottleneck> bottlenecks(@PathVariable UUID networkId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        check(networkId, from, to);
        return monitor.bottlenecks(networkId, from, to);
    }

    @GetMapping("/api/monitor/{networkId}/gaps")
    @Operation(summary = "Bottleneck occupation groups in a Kreis that no planned or open measure addresses: proposals for new measures")
    List<Monitor.Gap> gaps(@PathVariable UUID networkId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        check(networkId, from, to);
        return monitor.gaps(networkId, from, to);
    }

    @GetMapping("/api/monitor/{networkId}/measures")
    @Operation(summary = "The network's measures with a session in the period: participants by target group, attendance, no-show and transition rates")
    Monitor.MeasureFigures measures(@PathVariable UUID networkId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        check(networkId, from, to);
        return monitor.measures(networkId, from, to);
    }

    @GetMapping("/api/monitor/{networkId}/returnees")
    @Operation(summary = "Returnee campaigns per month (from outreach-events): sign-ups (by occupation group), confirmations, matches, returns, hires")
    List<Monitor.ReturneeMonth> returnees(@PathVariable UUID networkId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        check(networkId, from, to);
        return monitor.returnees(networkId, from, to);
    }

    /** Coordinators of the network only; network ids are public (partner-service), so another caller gets 403. */
    private static void check(UUID network, YearMonth from, YearMonth to) {
        Actor actor = Actor.required();
        if (!actor.coordinates(network)) {
            throw ProblemException.forbidden(
                    "The monitor of a network is for its coordinators");
        }
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw ProblemType.VALIDATION_FAILED.exception(
                    "from must not be after to, and the period is at most " + MAX_MONTHS + " months");
        }
    }
}
