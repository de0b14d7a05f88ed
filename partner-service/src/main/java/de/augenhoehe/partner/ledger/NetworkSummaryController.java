package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.api.ApiExamples;
import de.augenhoehe.partner.api.ApiExamples.Example;
import de.augenhoehe.partner.networks.NetworkDirectory;
import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code GET /api/networks/{id}/balance/summary}: a network's give-and-gain in numbers for everyone (the portal's
 * network page). Only totals per category over all active members and how many members gave and gained — no partner,
 * no "only gives / only takes" flag: who stands where stays with the coordinators ({@link LedgerController}).
 */
@RestController
@Tag(name = "ledger")
class NetworkSummaryController {

    private final Ledger ledger;
    private final PartnerDirectory partners;
    private final NetworkDirectory networks;

    NetworkSummaryController(Ledger ledger, PartnerDirectory partners, NetworkDirectory networks) {
        this.ledger = ledger;
        this.partners = partners;
        this.networks = networks;
    }

    record Total(Category category, String unit, BigDecimal pledged, BigDecimal realised, long entries) {

        Total plus(Total other) {
            return new Total(category, unit, pledged.add(other.pledged), realised.add(other.realised), entries + other.entries);
        }
    }

    record NetworkSummary(UUID networkId, LocalDate from, LocalDate to, int members, int membersGiving, int membersGaining,
            List<Total> gave, List<Total> gained) {
    }

    @GetMapping("/api/networks/{id}/balance/summary")
    @Operation(summary = "A network's give and gain in numbers, summed over its active members (public; no partner named)")
    NetworkSummary summary(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!networks.exists(id)) {
            throw ProblemException.notFound("Network " + id);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw LedgerController.INVALID_PERIOD.exception("from must not be after to");
        }
        List<UUID> members = partners.activeMembers(id).stream().map(PartnerDirectory.Member::partnerId).toList();
        Map<String, Total> gave = new TreeMap<>();
        Map<String, Total> gained = new TreeMap<>();
        Set<UUID> giving = new HashSet<>();
        Set<UUID> gaining = new HashSet<>();
        for (Ledger.Sum s : ledger.sums(members, id, from, to)) {
            boolean give = s.side() == Side.GIVE;
            (give ? giving : gaining).add(s.partner());
            Total t = new Total(s.category(), s.unit(), s.origin() == Origin.PLEDGED ? s.total() : BigDecimal.ZERO,
                    s.origin() == Origin.REALISED ? s.total() : BigDecimal.ZERO, s.entries());
            (give ? gave : gained).merge(s.category() + "|" + s.unit(), t, Total::plus);
        }
        return new NetworkSummary(id, from, to, members.size(), giving.size(), gaining.size(), new ArrayList<>(gave.values()),
                new ArrayList<>(gained.values()));
    }

    /** Its OpenAPI example, beside it (the ledger's other examples are in {@link LedgerExamples}). */
    @Configuration(proxyBeanMethods = false)
    static class Examples {
        @Bean
        OpenApiCustomizer networkSummaryOpenApiExample() {
            return ApiExamples.customizer(List.of(Example.of("GET", "/api/networks/{id}/balance/summary", null, 200, """
                    {"networkId":"%s","from":null,"to":null,"members":12,"membersGiving":7,"membersGaining":4,
                     "gave":[{"category":"INTERNSHIP_PLACES","unit":"places","pledged":14,"realised":0,"entries":3},
                             {"category":"EXPERTISE","unit":"hours","pledged":40,"realised":0,"entries":1}],
                     "gained":[{"category":"PARTICIPANTS_SENT","unit":"participants","pledged":0,"realised":9,"entries":4}]}"""
                    .formatted(ApiExamples.HEILBRONN), 400, 404, 422)));
        }
    }
}
