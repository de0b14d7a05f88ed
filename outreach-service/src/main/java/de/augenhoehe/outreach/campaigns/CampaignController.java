package de.augenhoehe.outreach.campaigns;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.outreach.Page;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Batch;
import de.augenhoehe.outreach.campaigns.CampaignRequests.BatchRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Campaign;
import de.augenhoehe.outreach.campaigns.CampaignRequests.CampaignRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Channel;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Distribution;
import de.augenhoehe.outreach.campaigns.CampaignRequests.DistributionRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Goal;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Period;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Rationale;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Status;
import de.augenhoehe.outreach.campaigns.CampaignRequests.StatusChange;
import de.augenhoehe.outreach.landing.TrackingCodes;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * Returnee campaigns of a network: the campaign itself, its material batches (each with its own tracking code and
 * QR code) and the records of their distribution. Only the coordinators of the campaign's network see it; to
 * everybody else it does not exist (404).
 */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "campaigns")
class CampaignController {

    static final String LAUNCHED = "augenhoehe.outreach.campaign-launched.v1";
    static final String CLOSED = "augenhoehe.outreach.campaign-closed.v1";
    static final String DISTRIBUTED = "augenhoehe.outreach.batch-distributed.v1";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final TrackingCodes codes;
    private final QrCodes qr;
    private final int maxBatches;

    CampaignController(JdbcTemplate jdbc, EventPublisher events, TrackingCodes codes, QrCodes qr,
            @Value("${augenhoehe.outreach.campaigns.max-batches:100}") int maxBatches) {
        this.jdbc = jdbc;
        this.events = events;
        this.codes = codes;
        this.qr = qr;
        this.maxBatches = maxBatches;
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Create a campaign (draft) for a network the caller coordinates")
    ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest request) {
        Actor actor = coordinator();
        if (!actor.coordinates(request.networkId())) {
            throw ProblemException.forbidden(
                    "Only coordinators of the network may create its campaigns");
        }
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into campaign (id, network_id, title, goal_text, goal_target, rationale_text, monitor_finding,
                    audience, channels, target_areas, period_from, period_to, partner_ids, budget_eur, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?::uuid[], ?, 'DRAFT')""",
                id, request.networkId(), request.title().strip(), request.goal().text(), request.goal().target(),
                request.rationale().text(), request.rationale().monitorFinding(), request.audience(),
                array(request.channels()), array(request.targetAreas()), request.period().from(),
                request.period().to(), array(request.partnerIds()), request.budgetEur());
        return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(load(id));
    }

    @GetMapping
    @Operation(summary = "The campaigns of the networks the caller coordinates, paged")
    Page<Campaign> list(@RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        Actor actor = coordinator();
        if (actor.networks().isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String networks = array(actor.networks());
        return new Page<>(jdbc.query("select * from campaign where network_id = any(?::uuid[]) order by created_at, id "
                + "limit ? offset ?", this::campaign, networks, size, Page.offset(page, size)), page, size,
                jdbc.queryForObject("select count(*) from campaign where network_id = any(?::uuid[])", Long.class, networks));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign")
    Campaign read(@PathVariable UUID id) {
        return visible(id);
    }

    @PutMapping("/{id}")
    @Transactional
    @Operation(summary = "Update a campaign's fields (not its status; not once closed)")
    Campaign update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        Campaign current = visibleForUpdate(id);
        if (!current.networkId().equals(request.networkId())) {
            throw ProblemException.invalid("network-immutable", "A campaign cannot move to another network");
        }
        if (current.status() == Status.CLOSED) {
            throw ProblemType.of(HttpStatus.CONFLICT, "campaign-closed", "Aktion beendet / Campaign closed").exception("A closed campaign cannot be changed");
        }
        jdbc.update("""
                update campaign set title = ?, goal_text = ?, goal_target = ?, rationale_text = ?, monitor_finding = ?,
                    audience = ?, channels = ?::text[], target_areas = ?::text[], period_from = ?, period_to = ?,
                    partner_ids = ?::uuid[], budget_eur = ?, updated_at = now() where id = ?""",
                request.title().strip(), request.goal().text(), request.goal().target(), request.rationale().text(),
                request.rationale().monitorFinding(), request.audience(), array(request.channels()),
                array(request.targetAreas()), request.period().from(), request.period().to(),
                array(request.partnerIds()), request.budgetEur(), id);
        return load(id);
    }

    @PutMapping("/{id}/status")
    @Transactional
    @Operation(summary = "Move a campaign on: DRAFT → ACTIVE (launched) → CLOSED")
    Campaign changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        Campaign current = visibleForUpdate(id);
        boolean legal = (current.status() == Status.DRAFT && change.status() == Status.ACTIVE)
                || (current.status() == Status.ACTIVE && change.status() == Status.CLOSED);
        if (!legal) {
            throw ProblemException.conflict("illegal-campaign-transition",
                    "A campaign cannot go from " + current.status() + " to " + change.status());
        }
        jdbc.update("update campaign set status = ?, updated_at = now() where id = ?", change.status().name(), id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", id);
        data.put("networkId", current.networkId());
        data.put("channels", current.channels());
        data.put("period", Map.of("from", current.period().from().toString(), "to", current.period().to().toString()));
        data.put("occurredAt", Instant.now().toString());
        events.publish(change.status() == Status.ACTIVE ? LAUNCHED : CLOSED, id.toString(), data);
        return load(id);
    }

    @PostMapping("/{id}/batches")
    @Transactional
    @Operation(summary = "Add a material batch; it gets its own tracking code")
    ResponseEntity<Batch> addBatch(@PathVariable UUID id, @Valid @RequestBody BatchRequest request) {
        Campaign campaign = visibleForUpdate(id);
        if (campaign.status() == Status.CLOSED) {
            throw ProblemType.of(HttpStatus.CONFLICT, "campaign-closed", "Aktion beendet / Campaign closed").exception("A closed campaign gets no new batches");
        }
        // bounded, so the batch list, the funnel and the print sheets of a campaign stay bounded too
        if (jdbc.queryForObject("select count(*) from material_batch where campaign_id = ?", Integer.class, id) >= maxBatches) {
            throw ProblemException.conflict("batch-limit", "A campaign has at most " + maxBatches + " batches");
        }
        UUID batch = UUID.randomUUID();
        jdbc.update("insert into material_batch (id, campaign_id, quantity, channel, area, code) values (?, ?, ?, ?, ?, ?)",
                batch, id, request.quantity(), request.channel().name(), request.area().strip(), codes.issue(id, batch, campaign.networkId()));
        return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/batches/" + batch)).body(batch(id, batch));
    }

    @GetMapping("/{id}/batches")
    @Operation(summary = "The material batches of a campaign")
    List<Batch> batches(@PathVariable UUID id) {
        visible(id);
        return jdbc.query("select * from material_batch where campaign_id = ? order by created_at, id", this::batch, id);
    }

    @GetMapping("/{id}/batches/{batchId}")
    @Operation(summary = "One material batch")
    Batch readBatch(@PathVariable UUID id, @PathVariable UUID batchId) {
        visible(id);
        return batch(id, batchId);
    }

    @GetMapping(value = "/{id}/batches/{batchId}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The batch's QR code as SVG (error correction Q, for print)")
    ResponseEntity<String> qrSvg(@PathVariable UUID id, @PathVariable UUID batchId) {
        visible(id);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(qr.svg(batch(id, batchId).code()));
    }

    @GetMapping(value = "/{id}/batches/{batchId}/print-sheet.svg", produces = "image/svg+xml")
    @Operation(summary = "An A4 print sheet (SVG) of the batch: eight labels with QR code, code and short link")
    ResponseEntity<String> printSheet(@PathVariable UUID id, @PathVariable UUID batchId) {
        Campaign campaign = visible(id);
        Batch batch = batch(id, batchId);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .header("Content-Disposition", "inline; filename=\"druckbogen-" + batch.code() + ".svg\"")
                .body(qr.printSheet(campaign.title(), batch.area(), batch.code()));
    }

    @GetMapping(value = "/{id}/batches/{batchId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The batch's QR code as PNG (error correction Q, for print)")
    ResponseEntity<byte[]> qrPng(@PathVariable UUID id, @PathVariable UUID batchId) {
        visible(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(qr.png(batch(id, batchId).code()));
    }

    @PostMapping("/{id}/batches/{batchId}/distributions")
    @Transactional
    @Operation(summary = "Record a distribution of (part of) a batch; never more than the batch holds")
    ResponseEntity<Distribution> distribute(@PathVariable UUID id, @PathVariable UUID batchId,
            @Valid @RequestBody DistributionRequest request) {
        Campaign campaign = visibleForUpdate(id);
        Batch batch = batch(id, batchId);
        List<Integer> total = jdbc.query("update material_batch set distributed = distributed + ? "
                + "where id = ? and distributed + ? <= quantity returning distributed",
                (rs, n) -> rs.getInt(1), request.quantity(), batchId, request.quantity());
        if (total.isEmpty()) {
            throw ProblemException.conflict("batch-exhausted", "The batch holds " + batch.quantity() + " pieces, "
                    + batch.distributed() + " of them are already distributed");
        }
        UUID distribution = UUID.randomUUID();
        List<String> postalCodes = request.postalCodes() == null ? List.of() : request.postalCodes();
        jdbc.update("""
                insert into distribution (id, batch_id, partner_id, volunteer, streets, postal_codes, distributed_on, quantity)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?)""", distribution, batchId, request.partnerId(),
                blankToNull(request.volunteer()), blankToNull(request.streets()), array(postalCodes), request.on(),
                request.quantity());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", id);
        data.put("networkId", campaign.networkId());
        data.put("batchId", batchId);
        data.put("distributionId", distribution);
        data.put("quantity", request.quantity());
        data.put("batchDistributed", total.getFirst());
        data.put("batchQuantity", batch.quantity());
        data.put("distributedOn", request.on().toString());
        data.put("occurredAt", Instant.now().toString());
        events.publish(DISTRIBUTED, id.toString(), data);
        return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/batches/" + batchId + "/distributions/" + distribution))
                .body(new Distribution(distribution, batchId, request.partnerId(), blankToNull(request.volunteer()),
                        blankToNull(request.streets()), postalCodes, request.on(), request.quantity(), total.getFirst()));
    }

    // --- access ---------------------------------------------------------------------------------------------------

    private static Actor coordinator() {
        Actor actor = Actor.current().orElseThrow(() -> ProblemException.unauthenticated("A token is required"));
        if (!actor.hasRole(Roles.COORDINATOR)) {
            throw ProblemException.forbidden(
                    "Campaigns are for coordinators");
        }
        return actor;
    }

    private Campaign visible(UUID id) {
        return visible(id, "");
    }

    /** Loads and locks the campaign row, so status changes and distributions of one campaign go one after another. */
    private Campaign visibleForUpdate(UUID id) {
        return visible(id, " for update");
    }

    private Campaign visible(UUID id, String lock) {
        Actor actor = coordinator();
        Campaign campaign = jdbc.query("select * from campaign where id = ?" + lock, this::campaign, id).stream()
                .findFirst().orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        if (!actor.coordinates(campaign.networkId())) {
            throw ProblemException.notFound("Campaign " + id);
        }
        return campaign;
    }

    private Campaign load(UUID id) {
        return jdbc.queryForObject("select * from campaign where id = ?", this::campaign, id);
    }

    private Batch batch(UUID campaign, UUID batch) {
        return jdbc.query("select * from material_batch where id = ? and campaign_id = ?", this::batch, batch, campaign)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("Batch " + batch));
    }

    // --- rows -----------------------------------------------------------------------------------------------------

    private Campaign campaign(ResultSet rs, int n) throws SQLException {
        Integer target = rs.getObject("goal_target", Integer.class);
        BigDecimal budget = rs.getBigDecimal("budget_eur");
        return new Campaign(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                rs.getString("title"), new Goal(rs.getString("goal_text"), target),
                new Rationale(rs.getString("rationale_text"), rs.getString("monitor_finding")),
                rs.getString("audience"),
                Arrays.stream((String[]) rs.getArray("channels").getArray()).map(Channel::valueOf).toList(),
                List.of((String[]) rs.getArray("target_areas").getArray()),
                new Period(rs.getObject("period_from", java.time.LocalDate.class),
                        rs.getObject("period_to", java.time.LocalDate.class)),
                List.of((UUID[]) rs.getArray("partner_ids").getArray()), budget,
                Status.valueOf(rs.getString("status")));
    }

    private Batch batch(ResultSet rs, int n) throws SQLException {
        String code = rs.getString("code");
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getInt("quantity"), Channel.valueOf(rs.getString("channel")), rs.getString("area"), code,
                qr.scanUrl(code), rs.getInt("distributed"));
    }

    /** A PostgreSQL array literal; the values are enum names, postal codes or UUIDs (no quoting needed). */
    private static String array(Collection<?> values) {
        if (values == null) {
            return "{}";
        }
        Set<String> distinct = values.stream().map(Object::toString).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return "{" + String.join(",", distinct) + "}";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
