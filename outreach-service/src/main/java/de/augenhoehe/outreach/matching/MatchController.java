package de.augenhoehe.outreach.matching;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.outreach.matching.Matches.Match;
import de.augenhoehe.outreach.matching.Matches.MeasureMatch;
import de.augenhoehe.platform.security.Actor;

/**
 * The matches of a network's returnees, for its coordinators: per match the returnee's first name, occupation and
 * region — the e-mail only if the person consented to contact through the network — and the vacancy.
 */
@RestController
@RequestMapping("/api/returnees/matches")
@Tag(name = "matching")
class MatchController {

    private final Matches matches;

    MatchController(Matches matches) {
        this.matches = matches;
    }

    @GetMapping
    @Operation(summary = "Matches of the confirmed returnees of a network the caller coordinates, paged")
    Page<Match> list(@RequestParam UUID networkId, @RequestParam(defaultValue = "false") boolean includeClosed,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return matches.vacancies(Actor.required(), networkId, includeClosed, page, size);
    }

    @GetMapping("/measures")
    @Operation(summary = "Matches of the network's confirmed returnees to returnee measures of the network, paged")
    Page<MeasureMatch> measures(@RequestParam UUID networkId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return matches.measures(Actor.required(), networkId, page, size);
    }
}
