package de.augenhoehe.outreach.funnel;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.funnel.Funnels.Funnel;
import de.augenhoehe.platform.security.Actor;

/** {@code GET /api/campaigns/{id}/funnel}: the campaign's funnel, as {@link Funnels} counts it. */
@RestController
@Tag(name = "campaigns")
class FunnelController {

    private final Funnels funnels;

    FunnelController(Funnels funnels) {
        this.funnels = funnels;
    }

    @GetMapping("/api/campaigns/{id}/funnel")
    @Operation(summary = "The campaign's funnel with conversion rates, per batch and per municipality")
    Funnel funnel(@PathVariable UUID id) {
        return funnels.funnel(Actor.required(), id);
    }
}
