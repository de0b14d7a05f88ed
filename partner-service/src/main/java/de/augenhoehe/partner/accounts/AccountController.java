package de.augenhoehe.partner.accounts;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.logins.LoginLockouts;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;

/** People's accounts of a partner: created with a one-time initial password, roles changed, disabled. */
@RestController
@Tag(name = "accounts")
class AccountController {

    private final Accounts accounts;
    private final AccountAccess access;
    private final LoginLockouts lockouts;

    AccountController(Accounts accounts, AccountAccess access, LoginLockouts lockouts) {
        this.accounts = accounts;
        this.access = access;
        this.lockouts = lockouts;
    }

    record NewAccount(
            @NotNull @BoundedPattern(regexp = "[A-Za-z0-9._@-]{3,100}", max = 100) @Schema(example = "m.mustermann") String username,
            @NotNull @Size(min = 1, max = 4) @Schema(example = "[\"PARTNER_STAFF\"]") List<@NotNull Role> roles,
            @Size(max = 50) @Schema(description = "networks to coordinate, with role COORDINATOR only") List<@NotNull UUID> coordinatorNetworks,
            @Email @Size(min = 3, max = 254) @Schema(description = "where the person's \"forgot password\" links go; without one, only an administrator can help",
                    example = "m.mustermann@example.org") String email) {
    }

    record CreatedAccount(Account account,
            @Schema(description = "the one-time initial password: shown once, hand it to the person, who replaces it at the first login", example = "Zx81kQ2vN0pL4mR7tY3w") String initialPassword) {
    }

    record RolesChange(@NotNull @Size(min = 1, max = 4) List<@NotNull Role> roles,
            @Size(max = 50) List<@NotNull UUID> coordinatorNetworks) {
    }

    @PostMapping("/api/partners/{id}/accounts")
    @Operation(summary = "Create a person's account of the partner; the initial password is shown only in this answer")
    ResponseEntity<CreatedAccount> create(@PathVariable UUID id, @Valid @RequestBody NewAccount body) {
        Actor actor = access.manager(id);
        Set<Role> roles = EnumSet.copyOf(body.roles());
        Set<UUID> networks = networks(body.coordinatorNetworks());
        access.checkShape(id, roles, networks);
        access.checkCreate(actor, id);
        access.checkGrant(actor, id, roles, networks);
        String password = Passwords.initial();
        Account a = accounts.create(id, body.username(), password, true, body.email(), roles, networks, actor.subject());
        return ResponseEntity.created(URI.create("/api/partners/" + id + "/accounts/" + a.id())).body(new CreatedAccount(a, password));
    }

    @GetMapping("/api/partners/{id}/accounts")
    @Operation(summary = "The partner's accounts")
    List<Account> list(@PathVariable UUID id) {
        access.manager(id);
        return accounts.list(id);
    }

    @GetMapping("/api/partners/{id}/accounts/{accountId}")
    @Operation(summary = "One account of the partner")
    Account get(@PathVariable UUID id, @PathVariable UUID accountId) {
        access.manager(id);
        return existing(id, accountId);
    }

    @PutMapping("/api/partners/{id}/accounts/{accountId}/roles")
    @Operation(summary = "Replace an account's roles (only roles the caller may grant, before and after)")
    Account changeRoles(@PathVariable UUID id, @PathVariable UUID accountId, @Valid @RequestBody RolesChange body) {
        Actor actor = access.manager(id);
        Set<Role> roles = EnumSet.copyOf(body.roles());
        Set<UUID> networks = networks(body.coordinatorNetworks());
        existing(id, accountId);
        access.checkShape(id, roles, networks);
        access.checkGrant(actor, id, roles, networks);
        return accounts.changeRoles(id, accountId, current -> access.checkGrant(actor, id, EnumSet.copyOf(current.roles()),
                new LinkedHashSet<>(current.coordinatorNetworks())), roles, networks);
    }

    @DeleteMapping("/api/partners/{id}/accounts/{accountId}")
    @Operation(summary = "Disable an account: it can no longer log in")
    ResponseEntity<Void> disable(@PathVariable UUID id, @PathVariable UUID accountId) {
        Actor actor = access.manager(id);
        accounts.disable(id, accountId, current -> access.checkGrant(actor, id, EnumSet.copyOf(current.roles()),
                new LinkedHashSet<>(current.coordinatorNetworks())));
        return ResponseEntity.noContent().build();
    }

    record EmailChange(
            @Email @Size(min = 3, max = 254) @Schema(description = "the new address; absent or null: none (then only an administrator can help)",
                    example = "m.mustermann@example.org") String email) {
    }

    @PutMapping("/api/partners/{id}/accounts/{accountId}/email")
    @Operation(summary = "Change or remove the address the account's \"forgot password\" links go to; links already sent stop working")
    Account changeEmail(@PathVariable UUID id, @PathVariable UUID accountId, @Valid @RequestBody EmailChange body) {
        Actor actor = access.manager(id);
        return accounts.changeEmail(id, accountId, current -> access.checkGrant(actor, id, EnumSet.copyOf(current.roles()),
                new LinkedHashSet<>(current.coordinatorNetworks())), body.email());
    }

    record NewInitialPassword(
            @Schema(description = "a new one-time password: shown once, hand it to the person, who replaces it at the next login",
                    example = "Zx81kQ2vN0pL4mR7tY3w") String initialPassword) {
    }

    @PostMapping("/api/partners/{id}/accounts/{accountId}/initial-password")
    @Operation(summary = "Give the account a new one-time password (the person forgot theirs and has no mail address); the old one stops working")
    NewInitialPassword newInitialPassword(@PathVariable UUID id, @PathVariable UUID accountId) {
        Actor actor = access.manager(id);
        String password = Passwords.initial();
        accounts.replaceWithInitial(id, accountId, current -> access.checkGrant(actor, id, EnumSet.copyOf(current.roles()),
                new LinkedHashSet<>(current.coordinatorNetworks())), password);
        return new NewInitialPassword(password);
    }

    @DeleteMapping("/api/partners/{id}/accounts/{accountId}/lockout")
    @Operation(summary = "Lift the account's lockout after too many failed logins (the partner's administrators, the coordinators of its networks, operations)")
    ResponseEntity<Void> liftLockout(@PathVariable UUID id, @PathVariable UUID accountId) {
        access.manager(id);
        lockouts.liftAccount(existing(id, accountId).username());
        return ResponseEntity.noContent().build();
    }

    private Account existing(UUID partner, UUID id) {
        return accounts.find(partner, id).orElseThrow(() -> ProblemException.notFound("Account " + id));
    }

    private static Set<UUID> networks(List<UUID> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }
}
