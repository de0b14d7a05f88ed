package de.augenhoehe.outreach.campaigns;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Batch;
import de.augenhoehe.outreach.campaigns.CampaignRequests.BatchRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Campaign;
import de.augenhoehe.outreach.campaigns.CampaignRequests.CampaignRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Distribution;
import de.augenhoehe.outreach.campaigns.CampaignRequests.DistributionRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Status;
import de.augenhoehe.outreach.landing.TrackingCodes;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * The rules of a network's campaigns: only its coordinators see and change them (to everybody else a campaign does
 * not exist, 404); the status goes DRAFT → ACTIVE → CLOSED; a closed campaign is frozen; a campaign has a bounded
 * number of batches; a distribution never exceeds its batch. Each change publishes its event in its transaction.
 */
@Service
class Campaigns {

    static final ProblemType CAMPAIGN_CLOSED = ProblemType.of(HttpStatus.CONFLICT, "campaign-closed", "Aktion beendet / Campaign closed");

    private final CampaignStore store;
    private final CampaignEvents events;
    private final TrackingCodes codes;
    private final int maxBatches;

    Campaigns(CampaignStore store, CampaignEvents events, TrackingCodes codes,
            @Value("${augenhoehe.outreach.campaigns.max-batches:100}") int maxBatches) {
        this.store = store;
        this.events = events;
        this.codes = codes;
        this.maxBatches = maxBatches;
    }

    @Transactional
    Campaign create(Actor actor, CampaignRequest request) {
        coordinator(actor);
        if (!actor.coordinates(request.networkId())) {
            throw ProblemException.forbidden("Only coordinators of the network may create its campaigns");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, request);
        return store.load(id);
    }

    /**
     * {@code network}: only that network's campaigns (the portal shows one network at a time); one the caller does not
     * coordinate has none for them, as its campaigns do not exist for them anywhere else either.
     */
    Page<Campaign> list(Actor actor, UUID network, int page, int size) {
        coordinator(actor);
        Set<UUID> networks = network == null ? actor.networks()
                : actor.coordinates(network) ? Set.of(network) : Set.of();
        if (networks.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        return new Page<>(store.ofNetworks(networks, size, Page.offset(page, size)), page, size, store.countOfNetworks(networks));
    }

    Campaign read(Actor actor, UUID id) {
        return visible(actor, id, false);
    }

    @Transactional
    Campaign update(Actor actor, UUID id, CampaignRequest request) {
        Campaign current = visible(actor, id, true);
        if (!current.networkId().equals(request.networkId())) {
            throw ProblemException.invalid("network-immutable", "A campaign cannot move to another network");
        }
        if (current.status() == Status.CLOSED) {
            throw CAMPAIGN_CLOSED.exception("A closed campaign cannot be changed");
        }
        store.update(id, request);
        return store.load(id);
    }

    @Transactional
    Campaign changeStatus(Actor actor, UUID id, Status status) {
        Campaign current = visible(actor, id, true);
        boolean legal = (current.status() == Status.DRAFT && status == Status.ACTIVE)
                || (current.status() == Status.ACTIVE && status == Status.CLOSED);
        if (!legal) {
            throw ProblemException.conflict("illegal-campaign-transition",
                    "A campaign cannot go from " + current.status() + " to " + status);
        }
        store.status(id, status);
        if (status == Status.ACTIVE) {
            events.launched(current);
        } else {
            events.closed(current);
        }
        return store.load(id);
    }

    @Transactional
    Batch addBatch(Actor actor, UUID id, BatchRequest request) {
        Campaign campaign = visible(actor, id, true);
        if (campaign.status() == Status.CLOSED) {
            throw CAMPAIGN_CLOSED.exception("A closed campaign gets no new batches");
        }
        // bounded, so the batch list, the funnel and the print sheets of a campaign stay bounded too
        if (store.batchCount(id) >= maxBatches) {
            throw ProblemException.conflict("batch-limit", "A campaign has at most " + maxBatches + " batches");
        }
        UUID batch = UUID.randomUUID();
        store.insertBatch(batch, id, request, codes.issue(id, batch, campaign.networkId()));
        return batch(id, batch);
    }

    List<Batch> batches(Actor actor, UUID id) {
        visible(actor, id, false);
        return store.batches(id);
    }

    /** A batch of a campaign the actor sees, with the campaign (its title goes on the print sheet). */
    record CampaignBatch(Campaign campaign, Batch batch) {
    }

    CampaignBatch batch(Actor actor, UUID id, UUID batchId) {
        Campaign campaign = visible(actor, id, false);
        return new CampaignBatch(campaign, batch(id, batchId));
    }

    @Transactional
    Distribution distribute(Actor actor, UUID id, UUID batchId, DistributionRequest request) {
        Campaign campaign = visible(actor, id, true);
        Batch batch = batch(id, batchId);
        int total = store.addDistributed(batchId, request.quantity()).orElseThrow(() -> ProblemException.conflict(
                "batch-exhausted", "The batch holds " + batch.quantity() + " pieces, " + batch.distributed()
                        + " of them are already distributed"));
        Distribution distribution = new Distribution(UUID.randomUUID(), batchId, request.partnerId(),
                blankToNull(request.volunteer()), blankToNull(request.streets()),
                request.postalCodes() == null ? List.of() : request.postalCodes(), request.on(), request.quantity(), total);
        store.insertDistribution(distribution);
        events.distributed(campaign, batch.quantity(), distribution);
        return distribution;
    }

    // --- access ---------------------------------------------------------------------------------------------------

    private static void coordinator(Actor actor) {
        if (!actor.hasRole(Roles.COORDINATOR)) {
            throw ProblemException.forbidden("Campaigns are for coordinators");
        }
    }

    /** {@code lock}: status changes and distributions of one campaign go one after another. */
    private Campaign visible(Actor actor, UUID id, boolean lock) {
        coordinator(actor);
        Campaign campaign = store.find(id, lock).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        if (!actor.coordinates(campaign.networkId())) {
            throw ProblemException.notFound("Campaign " + id);
        }
        return campaign;
    }

    private Batch batch(UUID campaign, UUID batch) {
        return store.batch(campaign, batch).orElseThrow(() -> ProblemException.notFound("Batch " + batch));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
