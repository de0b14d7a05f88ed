package de.augenhoehe.outreach.returnees;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.Page;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Hire;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Interest;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ReturneeSummary;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * The coordinators' view of the confirmed returnees of their networks — first name, occupation, region; the e-mail
 * only where the person consented to be contacted through the network — and the recording of a return or a hire.
 * Unconfirmed sign-ups are invisible: nothing is used before the double opt-in.
 */
@RestController
@RequestMapping("/api/returnees")
@Tag(name = "returnees")
class ReturneeController {

    static final String RETURNED = "augenhoehe.outreach.returnee-returned.v1";
    static final String HIRED = "augenhoehe.outreach.returnee-hired.v1";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final Returnees returnees;

    ReturneeController(JdbcTemplate jdbc, EventPublisher events, Returnees returnees) {
        this.jdbc = jdbc;
        this.events = events;
        this.returnees = returnees;
    }

    @GetMapping
    @Operation(summary = "Confirmed returnees of a network the caller coordinates (minimal personal data), paged")
    Page<ReturneeSummary> list(@RequestParam UUID networkId, @RequestParam(required = false) UUID campaignId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        coordinatorOf(networkId);
        String where = " from returnee r where r.network_id = ? and r.status = 'CONFIRMED' "
                + "and (?::uuid is null or r.campaign_id = ?::uuid)";
        Map<String, String> regions = new HashMap<>();
        List<ReturneeSummary> items = jdbc.query("select r.*, " + Returnees.consentStands("NETWORK_CONTACT") + " as contact"
                + where + " order by r.confirmed_at, r.id limit ? offset ?", (rs, n) -> summary(rs, regions),
                networkId, campaignId, campaignId, size, Page.offset(page, size));
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, networkId, campaignId, campaignId);
        return new Page<>(items, page, size, total);
    }

    @PostMapping("/{id}/returned")
    @Transactional
    @Operation(summary = "Record that a returnee moved back to the region")
    ReturneeSummary returned(@PathVariable UUID id) {
        Row row = confirmed(id);
        if (row.returned()) {
            throw ProblemException.conflict("already-recorded", "The return of this returnee is already recorded");
        }
        jdbc.update("update returnee set returned_at = now(), last_activity_at = now() where id = ?", id);
        events.publish(RETURNED, id.toString(), event(id, row, null));
        return read(id);
    }

    @PostMapping("/{id}/hired")
    @Transactional
    @Operation(summary = "Record that a returnee was hired by a partner (counted in the give-and-gain ledger)")
    ReturneeSummary hired(@PathVariable UUID id, @Valid @RequestBody Hire hire) {
        Row row = confirmed(id);
        if (row.hired()) {
            throw ProblemException.conflict("already-recorded", "The hire of this returnee is already recorded");
        }
        jdbc.update("update returnee set hired_at = now(), hired_by = ?, last_activity_at = now() where id = ?",
                hire.employerId(), id);
        events.publish(HIRED, id.toString(), event(id, row, hire.employerId()));
        return read(id);
    }

    record Row(UUID network, UUID campaign, boolean returned, boolean hired) {
    }

    private Row confirmed(UUID id) {
        Actor actor = coordinator();
        Row row = jdbc.query("select network_id, campaign_id, returned_at is not null, hired_at is not null from returnee "
                + "where id = ? and status = 'CONFIRMED' for update", (rs, n) -> new Row(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4)), id).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Returnee " + id));
        if (!actor.coordinates(row.network())) {
            throw ProblemException.notFound("Returnee " + id);
        }
        return row;
    }

    private ReturneeSummary read(UUID id) {
        return jdbc.queryForObject("select r.*, " + Returnees.consentStands("NETWORK_CONTACT") + " as contact "
                + "from returnee r where r.id = ?", (rs, n) -> summary(rs, new HashMap<>()), id);
    }

    private static Map<String, Object> event(UUID id, Row row, UUID employer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returneeId", id);
        data.put("campaignId", row.campaign());
        data.put("networkId", row.network());
        data.put("employerId", employer);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    /** {@code regions}: the region names of this answer so far (one look-up per postal code and campaign, not per row). */
    private ReturneeSummary summary(ResultSet rs, Map<String, String> regions) throws SQLException {
        UUID campaign = rs.getObject("campaign_id", UUID.class);
        return new ReturneeSummary(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class), campaign,
                rs.getObject("batch_id", UUID.class), rs.getString("first_name"), rs.getString("occupation"),
                returnees.region(rs.getString("return_postal_code"), campaign, regions),
                Arrays.stream((String[]) rs.getArray("interests").getArray()).map(Interest::valueOf)
                        .collect(Collectors.toCollection(java.util.TreeSet::new)),
                rs.getObject("earliest_return", LocalDate.class), rs.getBoolean("contact") ? rs.getString("email") : null,
                instant(rs, "confirmed_at"), instant(rs, "returned_at"), instant(rs, "hired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Actor coordinator() {
        Actor actor = Actor.current().orElseThrow(() -> ProblemException.unauthenticated("A token is required"));
        if (!actor.hasRole(Roles.COORDINATOR)) {
            throw ProblemException.forbidden("Returnees are for coordinators");
        }
        return actor;
    }

    private static void coordinatorOf(UUID network) {
        if (!coordinator().coordinates(network)) {
            throw ProblemException.forbidden(
                    "Only coordinators of the network see its returnees");
        }
    }
}
