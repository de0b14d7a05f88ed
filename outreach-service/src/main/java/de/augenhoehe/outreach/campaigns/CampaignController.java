package de.augenhoehe.outreach.campaigns;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Batch;
import de.augenhoehe.outreach.campaigns.CampaignRequests.BatchRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Campaign;
import de.augenhoehe.outreach.campaigns.CampaignRequests.CampaignRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Distribution;
import de.augenhoehe.outreach.campaigns.CampaignRequests.DistributionRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.StatusChange;
import de.augenhoehe.outreach.campaigns.Campaigns.CampaignBatch;
import de.augenhoehe.platform.security.Actor;

/**
 * Returnee campaigns of a network: the campaign itself, its material batches (each with its own tracking code and
 * QR code) and the records of their distribution. Only the coordinators of the campaign's network see it; to
 * everybody else it does not exist (404). The rules are {@link Campaigns}'.
 */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "campaigns")
class CampaignController {

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private final Campaigns campaigns;
    private final QrCodes qr;

    CampaignController(Campaigns campaigns, QrCodes qr) {
        this.campaigns = campaigns;
        this.qr = qr;
    }

    @PostMapping
    @Operation(summary = "Create a campaign (draft) for a network the caller coordinates")
    @ApiResponse(responseCode = "201", description = "Created as a draft")
    ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest request) {
        Campaign campaign = campaigns.create(Actor.required(), request);
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.id())).body(campaign);
    }

    @GetMapping
    @Operation(summary = "The campaigns of the networks the caller coordinates, paged; with networkId only that network's")
    Page<Campaign> list(@RequestParam(required = false) UUID networkId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return campaigns.list(Actor.required(), networkId, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign")
    Campaign read(@PathVariable UUID id) {
        return campaigns.read(Actor.required(), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a campaign's fields (not its status; not once closed)")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "409", description = "campaign-closed: a closed campaign cannot be changed")
    @ApiResponse(responseCode = "422", description = "network-immutable: a campaign cannot move to another network")
    Campaign update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(Actor.required(), id, request);
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Move a campaign on: DRAFT → ACTIVE (launched) → CLOSED")
    @ApiResponse(responseCode = "200", description = "Moved")
    @ApiResponse(responseCode = "409", description = "illegal-campaign-transition")
    Campaign changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return campaigns.changeStatus(Actor.required(), id, change.status());
    }

    @PostMapping("/{id}/batches")
    @Operation(summary = "Add a material batch; it gets its own tracking code")
    @ApiResponse(responseCode = "201", description = "Added, with its tracking code")
    @ApiResponse(responseCode = "409", description = "campaign-closed, batch-limit")
    ResponseEntity<Batch> addBatch(@PathVariable UUID id, @Valid @RequestBody BatchRequest request) {
        Batch batch = campaigns.addBatch(Actor.required(), id, request);
        return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/batches/" + batch.id())).body(batch);
    }

    @GetMapping("/{id}/batches")
    @Operation(summary = "The material batches of a campaign")
    List<Batch> batches(@PathVariable UUID id) {
        return campaigns.batches(Actor.required(), id);
    }

    @GetMapping("/{id}/batches/{batchId}")
    @Operation(summary = "One material batch")
    Batch readBatch(@PathVariable UUID id, @PathVariable UUID batchId) {
        return campaigns.batch(Actor.required(), id, batchId).batch();
    }

    @GetMapping(value = "/{id}/batches/{batchId}/qr.svg", produces = "image/svg+xml")
    @Operation(summary = "The batch's QR code as SVG (error correction Q, for print)")
    ResponseEntity<String> qrSvg(@PathVariable UUID id, @PathVariable UUID batchId) {
        String code = campaigns.batch(Actor.required(), id, batchId).batch().code();
        return ResponseEntity.ok().contentType(SVG).body(qr.svg(code));
    }

    @GetMapping(value = "/{id}/batches/{batchId}/print-sheet.svg", produces = "image/svg+xml")
    @Operation(summary = "An A4 print sheet (SVG) of the batch: eight labels with QR code, code and short link")
    ResponseEntity<String> printSheet(@PathVariable UUID id, @PathVariable UUID batchId) {
        CampaignBatch found = campaigns.batch(Actor.required(), id, batchId);
        Batch batch = found.batch();
        return ResponseEntity.ok().contentType(SVG)
                .header("Content-Disposition", "inline; filename=\"druckbogen-" + batch.code() + ".svg\"")
                .body(qr.printSheet(found.campaign().title(), batch.area(), batch.code()));
    }

    @GetMapping(value = "/{id}/batches/{batchId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The batch's QR code as PNG (error correction Q, for print)")
    ResponseEntity<byte[]> qrPng(@PathVariable UUID id, @PathVariable UUID batchId) {
        String code = campaigns.batch(Actor.required(), id, batchId).batch().code();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(qr.png(code));
    }

    @PostMapping("/{id}/batches/{batchId}/distributions")
    @Operation(summary = "Record a distribution of (part of) a batch; never more than the batch holds")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "batch-exhausted: more than the batch holds")
    ResponseEntity<Distribution> distribute(@PathVariable UUID id, @PathVariable UUID batchId,
            @Valid @RequestBody DistributionRequest request) {
        Distribution distribution = campaigns.distribute(Actor.required(), id, batchId, request);
        return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/batches/" + batchId + "/distributions/"
                + distribution.id())).body(distribution);
    }
}
