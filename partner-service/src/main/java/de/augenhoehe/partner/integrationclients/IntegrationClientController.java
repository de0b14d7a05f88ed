package de.augenhoehe.partner.integrationclients;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.accounts.PartnerAdministrators;
import de.augenhoehe.partner.logins.LoginLockouts;
import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * OAuth2 client-credentials clients for a member company's HR system. Managed by the company's administrators, and by
 * the coordinators of a network the company is an active member of only while it has no administrator of its own
 * (setting it up): an HR client writes the company's postings, so no coordinator may hold one for a company that
 * manages itself (issue #15). Partners are public, so an existing partner outside the caller's scope is 403; a client
 * id that is not the partner's is 404.
 */
@RestController
@Tag(name = "integration-clients")
class IntegrationClientController {

    /** A client id as issued ({@code hr-} and hex) or loaded as demo data: letters, digits, dot, dash, underscore. */
    static final String CLIENT_ID = "[A-Za-z0-9._-]+";

    private final IntegrationClients clients;
    private final PartnerDirectory partners;
    private final PartnerAdministrators administrators;
    private final LoginLockouts lockouts;

    IntegrationClientController(IntegrationClients clients, PartnerDirectory partners, PartnerAdministrators administrators,
            LoginLockouts lockouts) {
        this.clients = clients;
        this.partners = partners;
        this.administrators = administrators;
        this.lockouts = lockouts;
    }

    record NewClient(@NotBlank @Size(max = 200) @Schema(example = "Personio Produktion") String name) {
    }

    @PostMapping("/api/partners/{id}/integration-clients")
    @Operation(summary = "Issue a client-credentials client for the company's HR system; the secret is shown only in this answer")
    ResponseEntity<IssuedSecret> issue(@PathVariable UUID id, @Valid @RequestBody NewClient body) {
        Actor actor = manager(id);
        if (!"COMPANY".equals(partners.kind(id).orElseThrow())) {
            throw ProblemException.invalid("not-a-company", "Integration clients are issued to companies (kind COMPANY) only");
        }
        IssuedSecret issued = clients.issue(id, body.name().strip(), actor.subject());
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/integration-clients/" + issued.client().clientId()))
                .body(issued);
    }

    @GetMapping("/api/partners/{id}/integration-clients")
    @Operation(summary = "The company's integration clients with their last use (never a secret)")
    List<IntegrationClient> list(@PathVariable UUID id) {
        manager(id);
        return clients.list(id);
    }

    @GetMapping("/api/partners/{id}/integration-clients/{clientId}")
    @Operation(summary = "One integration client")
    IntegrationClient get(@PathVariable UUID id, @PathVariable @BoundedPattern(regexp = CLIENT_ID, max = 100) String clientId) {
        manager(id);
        return clients.find(id, clientId).orElseThrow(() -> ProblemException.notFound("Integration client " + clientId));
    }

    @PostMapping("/api/partners/{id}/integration-clients/{clientId}/rotate")
    @Operation(summary = "A new secret, shown once; the previous one stays valid for the rotation overlap (default 24 h)")
    IssuedSecret rotate(@PathVariable UUID id, @PathVariable @BoundedPattern(regexp = CLIENT_ID, max = 100) String clientId) {
        manager(id);
        return clients.rotate(id, clientId);
    }

    @DeleteMapping("/api/partners/{id}/integration-clients/{clientId}")
    @Operation(summary = "Revoke the client: its token requests fail from now on")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable @BoundedPattern(regexp = CLIENT_ID, max = 100) String clientId) {
        Actor actor = manager(id);
        clients.revoke(id, clientId, actor.subject());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/partners/{id}/integration-clients/{clientId}/lockout")
    @Operation(summary = "Lift the client's lockout after too many failed token requests")
    ResponseEntity<Void> liftLockout(@PathVariable UUID id, @PathVariable @BoundedPattern(regexp = CLIENT_ID, max = 100) String clientId) {
        manager(id);
        IntegrationClient client = clients.find(id, clientId).orElseThrow(() -> ProblemException.notFound("Integration client " + clientId));
        lockouts.liftClient(client.clientId());
        return ResponseEntity.noContent().build();
    }

    /** The company's administrators, or a coordinator of a network the company is an active member of while it has none. */
    private Actor manager(UUID partner) {
        if (!partners.exists(partner)) {
            throw ProblemException.notFound("Partner " + partner);
        }
        Actor actor = Actor.required("A valid bearer token is required");
        boolean admin = actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(partner);
        boolean coordinator = !admin && actor.hasRole(Roles.COORDINATOR)
                && partners.activeNetworks(partner).stream().anyMatch(actor::coordinates);
        if (!(admin || coordinator)) {
            throw ProblemException.forbidden("Only the company's administrators and the coordinators of its networks manage its integration clients");
        }
        if (coordinator && administrators.hasAdministrator(partner)) {
            throw ProblemException.forbidden("The company has its own administrators: they manage its integration clients");
        }
        return actor;
    }
}
