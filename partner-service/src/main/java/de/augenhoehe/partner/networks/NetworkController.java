package de.augenhoehe.partner.networks;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.partner.kreise.KreisDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.Versions;

/** {@code /api/networks}: networks are public; coordinators create them and change only their own. */
@RestController
@RequestMapping("/api/networks")
@Tag(name = "networks")
class NetworkController {

    /** A Kreisschlüssel by its form: Land 01–16, then three digits; whether it names a real Kreis asks {@link KreisDirectory}. */
    static final String KREIS = "(0[1-9]|1[0-6])[0-9]{3}";

    private final NetworkStore store;
    private final KreisDirectory kreise;

    NetworkController(NetworkStore store, KreisDirectory kreise) {
        this.store = store;
        this.kreise = kreise;
    }

    record NetworkInput(
            @NotBlank @Size(max = 200) @Schema(example = "Fachkräftenetzwerk Heilbronn") String name,
            @NotEmpty @Size(max = 100) @Schema(example = "[\"08121\", \"08125\"]")
            List<@NotNull @BoundedPattern(regexp = KREIS, max = 5, message = "must be a Kreisschlüssel: 5 digits, Land 01-16") String> region,
            @Size(max = 4000) @Schema(example = "Bildungspotenziale von Menschen mit Migrationshintergrund erschließen") String goals,
            @NotNull LegalForm legalForm) {

        NetworkStore.Draft draft() {
            return new NetworkStore.Draft(name, region.stream().distinct().toList(), goals == null ? "" : goals.strip(), legalForm);
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Create a network (coordinators). It is managed by coordinators whose token names it in 'networks'.")
    ResponseEntity<Network> create(@Valid @RequestBody NetworkInput input) {
        kreise.requireKnown(input.region());
        Network n = store.create(UUID.randomUUID(), input.draft(), actor().subject());
        return ResponseEntity.created(URI.create("/api/networks/" + n.id())).eTag(Versions.etag(n.version())).body(n);
    }

    @GetMapping
    @Operation(summary = "All networks, by name (public)")
    Page<Network> list(@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return store.list(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A network (public); the ETag is its version")
    ResponseEntity<Network> get(@PathVariable UUID id) {
        Network n = store.find(id).orElseThrow(() -> ProblemException.notFound("Network " + id));
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a network (its coordinators); If-Match with the ETag read is required")
    ResponseEntity<Network> update(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NetworkInput input) {
        // Networks are public, so a foreign network is 403, an unknown one 404.
        store.find(id).orElseThrow(() -> ProblemException.notFound("Network " + id));
        if (!actor().coordinates(id)) {
            throw ProblemException.forbidden("Only coordinators of this network may change it");
        }
        kreise.requireKnown(input.region());
        Network n = store.update(id, Versions.required(ifMatch), input.draft());
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(n);
    }

    private static Actor actor() {
        return Actor.required();
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicNetworks() {
            return PublicEndpoints.readOnly("/api/networks", "/api/networks/**");
        }
    }
}
