package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.partner.networks.NetworkDirectory;
import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.Page;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * The give-and-gain ledger over HTTP: pledges by a partner's administrators, the balance of a partner (its own people,
 * people of partners sharing an active network with it, coordinators of its networks) and of a network (its
 * coordinators).
 */
@RestController
@Tag(name = "ledger")
class LedgerController {

    static final ProblemType INVALID_PERIOD = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-period", "Ungültige Eingabe / Invalid input");
    /** A pledge to a network the partner is no active member of. */
    /** A pledge in another unit than its kind's (#16: one unit per kind, so pledged and realised compare). */
    static final ProblemType UNIT_MISMATCH = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "unit-mismatch", "Falsche Einheit / Unit mismatch");
    static final ProblemType NOT_A_MEMBER = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-member", "Kein Mitglied / Not a member");

    private final Ledger ledger;
    private final PartnerDirectory partners;
    private final NetworkDirectory networks;
    private final EntryListing listing;

    LedgerController(Ledger ledger, PartnerDirectory partners, NetworkDirectory networks, EntryListing listing) {
        this.listing = listing;
        this.ledger = ledger;
        this.partners = partners;
        this.networks = networks;
    }

    record Pledge(@Schema(description = "a network the partner is an active member of; null for none") UUID networkId,
            @NotNull @Schema(description = "a contribution category (GIVE side)") Category category,
            @NotNull @Positive @DecimalMax("999999999999") @Schema(example = "3") BigDecimal quantity,
            @NotBlank @Size(max = 40) @Schema(example = "places", description = "the category's one unit (README, \"Kinds and units\"); another is refused with 422 unit-mismatch") String unit,
            @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @PostMapping("/api/partners/{id}/ledger/pledges")
    @Operation(summary = "Pledge a contribution (the partner's administrators)")
    ResponseEntity<LedgerEntry> pledge(@PathVariable UUID id, @Valid @RequestBody Pledge p) {
        requirePartner(id);
        Actor actor = Actor.required();
        if (!(actor.hasRole(Roles.PARTNER_ADMIN) && actor.actsFor(id))) {
            throw ProblemException.forbidden("Only the partner's administrators pledge its contributions");
        }
        if (p.category().side != Side.GIVE) {
            throw ProblemException.invalid("not-a-contribution", "Category " + p.category() + " is a benefit, not a contribution");
        }
        if (!p.category().unit.equals(p.unit().strip())) {
            throw UNIT_MISMATCH.exception(p.category() + " is counted in " + p.category().unit + ", not in " + p.unit().strip());
        }
        if (p.from().isAfter(p.to())) {
            throw INVALID_PERIOD.exception("The period must not end before it starts");
        }
        if (p.quantity().scale() > 2 && p.quantity().stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid("invalid-quantity", "At most two decimal places");
        }
        if (p.networkId() != null && !partners.activeNetworks(id).contains(p.networkId())) {
            throw NOT_A_MEMBER.exception("The partner is no active member of network " + p.networkId());
        }
        LedgerEntry e = ledger.pledge(id, p.networkId(), p.category(), p.quantity(), p.from(), p.to(),
                actor.subject());
        return ResponseEntity.status(HttpStatus.CREATED).body(e);
    }

    record Line(Category category, String unit, BigDecimal pledged, BigDecimal realised, long entries) {
    }

    record PartnerBalance(UUID partnerId, LocalDate from, LocalDate to, List<Line> gave, List<Line> gained) {
    }

    @GetMapping("/api/partners/{id}/balance")
    @Operation(summary = "What a partner gave and gained, per category (its people, people of partners in its networks, its networks' coordinators)")
    PartnerBalance partnerBalance(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireBalanceVisible(id);
        checkPeriod(from, to);
        Map<String, Line> gave = new LinkedHashMap<>();
        Map<String, Line> gained = new LinkedHashMap<>();
        for (Ledger.Sum s : ledger.sums(List.of(id), null, from, to)) {
            var lines = s.side() == Side.GIVE ? gave : gained;
            lines.merge(s.category() + "|" + s.unit(), line(s), LedgerController::add);
        }
        return new PartnerBalance(id, from, to, new ArrayList<>(gave.values()), new ArrayList<>(gained.values()));
    }

    record MemberBalance(UUID partnerId, String name, long giveEntries, long gainEntries, List<Line> gave, List<Line> gained,
            boolean onlyGives, boolean onlyTakes) {
    }

    record NetworkBalance(UUID networkId, LocalDate from, LocalDate to, List<MemberBalance> members) {
    }

    @GetMapping("/api/networks/{id}/balance")
    @Operation(summary = "Give and gain of every active member partner, flagging those that only give or only take (the network's coordinators)")
    NetworkBalance networkBalance(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireNetworkCoordinator(id);
        checkPeriod(from, to);
        List<PartnerDirectory.Member> members = partners.activeMembers(id);
        Map<UUID, Map<String, Line>> gave = new LinkedHashMap<>();
        Map<UUID, Map<String, Line>> gained = new LinkedHashMap<>();
        for (Ledger.Sum s : ledger.sums(members.stream().map(PartnerDirectory.Member::partnerId).toList(), id, from, to)) {
            var lines = (s.side() == Side.GIVE ? gave : gained).computeIfAbsent(s.partner(), k -> new LinkedHashMap<>());
            lines.merge(s.category() + "|" + s.unit(), line(s), LedgerController::add);
        }
        List<MemberBalance> result = new ArrayList<>();
        for (PartnerDirectory.Member m : members) {
            List<Line> g = new ArrayList<>(gave.getOrDefault(m.partnerId(), Map.of()).values());
            List<Line> t = new ArrayList<>(gained.getOrDefault(m.partnerId(), Map.of()).values());
            long gives = g.stream().mapToLong(Line::entries).sum();
            long gains = t.stream().mapToLong(Line::entries).sum();
            result.add(new MemberBalance(m.partnerId(), m.name(), gives, gains, g, t, gives > 0 && gains == 0, gains > 0 && gives == 0));
        }
        return new NetworkBalance(id, from, to, result);
    }

    private static Line line(Ledger.Sum s) {
        return new Line(s.category(), s.unit(), s.origin() == Origin.PLEDGED ? s.total() : BigDecimal.ZERO,
                s.origin() == Origin.REALISED ? s.total() : BigDecimal.ZERO, s.entries());
    }

    private static Line add(Line a, Line b) {
        return new Line(a.category(), a.unit(), a.pledged().add(b.pledged()), a.realised().add(b.realised()), a.entries() + b.entries());
    }

    /** The partner's balance and entries: its own people, people of partners sharing an active network, its networks' coordinators. */
    private void requireBalanceVisible(UUID id) {
        requirePartner(id);
        Actor actor = authenticated();
        Set<UUID> itsNetworks = partners.activeNetworks(id);
        boolean own = actor.actsFor(id) && (actor.hasRole(Roles.PARTNER_ADMIN) || actor.hasRole(Roles.PARTNER_STAFF));
        boolean coordinator = itsNetworks.stream().anyMatch(actor::coordinates);
        boolean fellowMember = actor.partnerId() != null
                && (actor.hasRole(Roles.PARTNER_ADMIN) || actor.hasRole(Roles.PARTNER_STAFF))
                && partners.activeNetworks(actor.partnerId()).stream().anyMatch(itsNetworks::contains);
        if (!(own || coordinator || fellowMember)) {
            throw ProblemException.forbidden("The balance is visible to the partner's people, people of partners in its networks and their coordinators");
        }
    }

    /** The network's balance and entries: its coordinators only. */
    private void requireNetworkCoordinator(UUID id) {
        if (!networks.exists(id)) {
            throw ProblemException.notFound("Network " + id);
        }
        if (!authenticated().coordinates(id)) {
            throw ProblemException.forbidden("Only the network's coordinators see its balance");
        }
    }

    @GetMapping("/api/partners/{id}/ledger/entries")
    @Operation(summary = "The entries behind a partner's balance, newest first, with the event each came from; large claims and reversals marked (as the balance)")
    Page<EntryListing.Entry> partnerEntries(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Schema(description = "only entries in this state, e.g. PENDING: those waiting for the partner's confirmation") Confirmation confirmation,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        requireBalanceVisible(id);
        checkPeriod(from, to);
        return listing.list(List.of(id), null, from, to, confirmation, page, size);
    }

    @GetMapping("/api/networks/{id}/ledger/entries")
    @Operation(summary = "The entries behind a network's balance (its active members'), newest first, with the event each came from (the network's coordinators)")
    Page<EntryListing.Entry> networkEntries(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Schema(description = "only entries in this state") Confirmation confirmation,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        requireNetworkCoordinator(id);
        checkPeriod(from, to);
        List<UUID> members = partners.activeMembers(id).stream().map(PartnerDirectory.Member::partnerId).toList();
        return members.isEmpty() ? new Page<>(List.of(), page, size, 0) : listing.list(members, id, from, to, confirmation, page, size);
    }

    record ClaimDecision(@NotNull @Schema(description = "CONFIRMED: the partner stands behind the claim and it counts; REJECTED: it does not, and never counts",
            allowableValues = { "CONFIRMED", "REJECTED" }) Confirmation decision) {
    }

    /** A decided entry cannot be decided otherwise (a rejected claim is not revived, a confirmed one not withdrawn here). */
    static final ProblemType ALREADY_DECIDED = ProblemType.of(HttpStatus.CONFLICT, "already-decided", "Bereits entschieden / Already decided");

    @PostMapping("/api/partners/{id}/ledger/entries/{entryId}/confirmation")
    @Operation(summary = "Confirm or reject an entry credited to the partner on another's claim (the partner's own people); only confirmed entries count")
    EntryListing.Entry confirm(@PathVariable UUID id, @PathVariable UUID entryId, @Valid @RequestBody ClaimDecision d) {
        requirePartner(id);
        Actor actor = Actor.required();
        // Object level: only the credited partner decides — not the claimant, not a coordinator.
        if (!(actor.actsFor(id) && (actor.hasRole(Roles.PARTNER_ADMIN) || actor.hasRole(Roles.PARTNER_STAFF)))) {
            throw ProblemException.forbidden("Only the credited partner's people confirm or reject its entries");
        }
        if (d.decision() == Confirmation.PENDING) {
            throw ProblemException.invalid("invalid-decision", "The decision is CONFIRMED or REJECTED");
        }
        if (!ledger.decide(entryId, id, d.decision(), actor.subject())) {
            Confirmation now = ledger.confirmationOf(entryId, id);
            if (now == null) {
                throw ProblemException.notFound("Entry " + entryId + " of partner " + id);
            }
            if (now != d.decision()) { // the same decision again is answered as the first time
                throw ALREADY_DECIDED.exception("The entry is " + now);
            }
        }
        return listing.entry(entryId);
    }

    private void requirePartner(UUID id) {
        if (!partners.exists(id)) {
            throw ProblemException.notFound("Partner " + id);
        }
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw INVALID_PERIOD.exception("from must not be after to");
        }
    }

    private static Actor authenticated() {
        return Actor.required("The balance needs a token");
    }
}
