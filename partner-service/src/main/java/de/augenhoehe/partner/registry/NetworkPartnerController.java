package de.augenhoehe.partner.registry;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.partner.kreise.KreisDirectory;
import de.augenhoehe.partner.networks.NetworkDirectory;
import de.augenhoehe.partner.registry.NetworkPartnerStore.Member;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code GET /api/networks/{networkId}/partners}: who is in a network. Active members are public, listed by name
 * only (no order of standing); applicants, suspended and former members only for the network's coordinators.
 */
@RestController
@Tag(name = "memberships")
class NetworkPartnerController {

    private final NetworkPartnerStore store;
    private final NetworkDirectory networks;
    private final KreisDirectory kreise;

    NetworkPartnerController(NetworkPartnerStore store, NetworkDirectory networks, KreisDirectory kreise) {
        this.store = store;
        this.networks = networks;
        this.kreise = kreise;
    }

    @GetMapping("/api/networks/{networkId}/partners")
    @Operation(summary = "A network's partners, filtered by kind, Kreis, membership status (default ACTIVE) and name")
    Page<Member> list(@PathVariable UUID networkId, @RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) @BoundedPattern(regexp = "(0[1-9]|1[0-6])[0-9]{3}", max = 5) String kreis,
            @RequestParam(defaultValue = "ACTIVE") MembershipStatus status,
            @RequestParam(required = false) @Size(min = 1, max = 200) String name,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (!networks.exists(networkId)) {
            throw ProblemException.notFound("Network " + networkId);
        }
        if (status != MembershipStatus.ACTIVE && !Actor.current().map(a -> a.coordinates(networkId)).orElse(false)) {
            throw ProblemException.forbidden("Only the network's coordinators see members that are not active");
        }
        if (kreis != null) {
            kreise.requireKnown(List.of(kreis));
        }
        return store.list(networkId, status, kind, kreis, name, page, size);
    }
}
