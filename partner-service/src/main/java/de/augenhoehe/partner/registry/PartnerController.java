package de.augenhoehe.partner.registry;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemException;

/** {@code /api/partners}: organisations are public, registering one is a coordinator's job. */
@RestController
@RequestMapping("/api/partners")
@Tag(name = "partners")
class PartnerController {

    private final PartnerRegistry registry;

    PartnerController(PartnerRegistry registry) {
        this.registry = registry;
    }

    record Registration(@NotBlank @Size(max = 200) String name, @NotNull PartnerKind kind) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Register a partner organisation (coordinators)")
    ResponseEntity<Partner> register(@Valid @RequestBody Registration registration, Authentication who) {
        Partner partner = registry.register(registration.name(), registration.kind(), who.getName());
        return ResponseEntity.created(URI.create("/api/partners/" + partner.id())).body(partner);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A partner organisation (public)")
    Partner get(@PathVariable UUID id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("Partner " + id));
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
    static class Access {
        @Bean
        PublicEndpoints publicPartners() {
            return PublicEndpoints.readOnly("/api/partners/**");
        }
    }
}
