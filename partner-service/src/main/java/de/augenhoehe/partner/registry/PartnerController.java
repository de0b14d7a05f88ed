package de.augenhoehe.partner.registry;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.kreise.KreisDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.Versions;

/** {@code /api/partners}: organisations are public, their contact persons are not; each partner keeps its own profile. */
@RestController
@RequestMapping("/api/partners")
@Tag(name = "partners")
class PartnerController {

    static final String KREIS_FROM_POSTAL_CODE = "The address's Kreis is derived from its postal code: leave `kreis` out, or "
            + "name one of the postal code's Kreise (a few codes span several). 400 `unknown-postal-code` for a postal code "
            + "in no known Kreis, 400 `kreis-contradicts-postal-code` (with the code's `kreise`) for another Kreis, "
            + "400 `unknown-kreis` for a key that is no Kreis; nothing is written then.";

    private final PartnerRegistry registry;
    private final PartnerAccess access;
    private final KreisDirectory kreise;

    PartnerController(PartnerRegistry registry, PartnerAccess access, KreisDirectory kreise) {
        this.registry = registry;
        this.access = access;
        this.kreise = kreise;
    }

    /** The address with its Kreis derived from the postal code (400 problems for unknown or contradicting input). */
    private Address located(Address address) {
        if (address == null) {
            return null;
        }
        if (address.kreis() != null) {
            kreise.requireKnown(List.of(address.kreis()));
        }
        return address.withKreis(kreise.kreisOf(address.postalCode(), address.kreis()));
    }

    record Registration(@NotBlank @Size(max = 200) @Schema(example = "Neckartal Präzisionstechnik GmbH") String name,
            @NotNull PartnerKind kind, @Valid Address address, @Valid @Size(max = 20) List<@NotNull @Valid ContactPerson> contacts,
            @Valid Industry industry, SizeClass sizeClass,
            @Size(max = HttpsUrl.MAX) @BoundedPattern(regexp = HttpsUrl.PATTERN, max = HttpsUrl.MAX)
            @Schema(example = "https://www.neckartal-praezision.example", description = "The organisation's own website (https)") String website,
            @Size(max = HttpsUrl.MAX) @BoundedPattern(regexp = HttpsUrl.PATTERN, max = HttpsUrl.MAX)
            @Schema(example = "https://www.neckartal-praezision.example/logo.png", description = "Where its logo is published (https)") String logoUrl) {
    }

    record ProfileInput(@NotBlank @Size(max = 200) String name, @Valid Address address,
            @Valid @Size(max = 20) List<@NotNull @Valid ContactPerson> contacts, @Valid Industry industry, SizeClass sizeClass,
            @Size(max = HttpsUrl.MAX) @BoundedPattern(regexp = HttpsUrl.PATTERN, max = HttpsUrl.MAX)
            @Schema(example = "https://www.neckartal-praezision.example", description = "The organisation's own website (https)") String website,
            @Size(max = HttpsUrl.MAX) @BoundedPattern(regexp = HttpsUrl.PATTERN, max = HttpsUrl.MAX)
            @Schema(example = "https://www.neckartal-praezision.example/logo.png", description = "Where its logo is published (https)") String logoUrl) {

        Profile profile() {
            return new Profile(name, address, contacts, industry, sizeClass, website, logoUrl);
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Register a partner organisation (coordinators); industry and sizeClass for companies only", description = KREIS_FROM_POSTAL_CODE)
    ResponseEntity<Partner> register(@Valid @RequestBody Registration r) {
        Partner p = registry.register(r.kind(), new Profile(r.name(), located(r.address()), r.contacts(), r.industry(), r.sizeClass(), r.website(), r.logoUrl()),
                Actor.required().subject());
        return ResponseEntity.created(URI.create("/api/partners/" + p.id())).eTag(Versions.etag(p.version()))
                .body(p.withContacts(registry.contacts(p.id())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A partner organisation (public); contact persons only for its own people and its networks' coordinators")
    ResponseEntity<Partner> get(@PathVariable UUID id) {
        Partner p = registry.find(id).orElseThrow(() -> ProblemException.notFound("Partner " + id));
        if (access.seesContacts(Actor.current(), id)) {
            p = p.withContacts(registry.contacts(id));
        }
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a partner's profile (its administrators); If-Match with the ETag read is required", description = KREIS_FROM_POSTAL_CODE)
    ResponseEntity<Partner> update(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ProfileInput input) {
        // Partners are public, so a foreign partner is 403 and an unknown one 404.
        registry.find(id).orElseThrow(() -> ProblemException.notFound("Partner " + id));
        if (!access.mayChange(Actor.required(), id)) {
            throw ProblemException.forbidden("Only the partner's administrators and its networks' coordinators may change it");
        }
        Profile profile = input.profile();
        Partner p = registry.update(id, Versions.required(ifMatch), new Profile(profile.name(), located(profile.address()),
                profile.contacts(), profile.industry(), profile.sizeClass(), profile.website(), profile.logoUrl()));
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p.withContacts(registry.contacts(id)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class Access {
        @Bean
        PublicEndpoints publicPartners() {
            return PublicEndpoints.readOnly("/api/partners/**");
        }
    }
}
