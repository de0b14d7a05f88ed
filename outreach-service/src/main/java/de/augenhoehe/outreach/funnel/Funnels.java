package de.augenhoehe.outreach.funnel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import de.augenhoehe.outreach.campaigns.CampaignDirectory;
import de.augenhoehe.outreach.campaigns.CampaignDirectory.BatchRef;
import de.augenhoehe.outreach.campaigns.CampaignDirectory.CampaignRef;
import de.augenhoehe.outreach.landing.TrackingCodes;
import de.augenhoehe.outreach.returnees.Returnees;
import de.augenhoehe.outreach.returnees.Returnees.Counts;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * A campaign's funnel — distributed → scanned → signed up → confirmed → matched → returned/hired — in total, per
 * batch and per municipality (a batch's area), with the conversion rate of each step to the one before; for the
 * coordinators of the campaign's network (to everybody else the campaign does not exist, 404).
 */
@Service
class Funnels {

    /** One funnel: counts and the conversion of each step from the previous (null where the previous is 0). */
    record Stages(long distributed, long scanned, long signedUp, long confirmed, long matched, long returnedOrHired,
            long returned, long hired, Map<String, Double> conversion) {

        static Stages of(long distributed, long scanned, Counts c) {
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("scannedPerDistributed", rate(scanned, distributed));
            rates.put("signedUpPerScanned", rate(c.signedUp(), scanned));
            rates.put("confirmedPerSignedUp", rate(c.confirmed(), c.signedUp()));
            rates.put("matchedPerConfirmed", rate(c.matched(), c.confirmed()));
            rates.put("returnedOrHiredPerMatched", rate(c.returnedOrHired(), c.matched()));
            rates.put("returnedOrHiredPerDistributed", rate(c.returnedOrHired(), distributed));
            return new Stages(distributed, scanned, c.signedUp(), c.confirmed(), c.matched(), c.returnedOrHired(),
                    c.returned(), c.hired(), rates);
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
        }
    }

    record BatchFunnel(UUID batchId, String area, String code, Stages stages) {
    }

    record AreaFunnel(String area, Stages stages) {
    }

    record Funnel(UUID campaignId, Stages total, List<BatchFunnel> batches, List<AreaFunnel> municipalities) {
    }

    private static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    private final CampaignDirectory campaigns;
    private final TrackingCodes codes;
    private final Returnees returnees;

    Funnels(CampaignDirectory campaigns, TrackingCodes codes, Returnees returnees) {
        this.campaigns = campaigns;
        this.codes = codes;
        this.returnees = returnees;
    }

    Funnel funnel(Actor actor, UUID id) {
        if (!actor.hasRole(Roles.COORDINATOR)) {
            throw ProblemException.forbidden("Campaigns are for coordinators");
        }
        CampaignRef campaign = campaigns.find(id).filter(c -> actor.coordinates(c.networkId()))
                .orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        Map<UUID, Long> scans = codes.scansByBatch(campaign.id());
        Map<UUID, Counts> counts = returnees.funnel(campaign.id());
        List<BatchFunnel> batches = new ArrayList<>();
        Map<String, long[]> areas = new LinkedHashMap<>();
        Map<String, Counts> areaCounts = new LinkedHashMap<>();
        long distributed = 0;
        long scanned = 0;
        for (BatchRef b : campaigns.batches(campaign.id())) {
            long s = scans.getOrDefault(b.id(), 0L);
            Counts c = counts.getOrDefault(b.id(), NONE);
            batches.add(new BatchFunnel(b.id(), b.area(), b.code(), Stages.of(b.distributed(), s, c)));
            long[] a = areas.computeIfAbsent(b.area(), k -> new long[2]);
            a[0] += b.distributed();
            a[1] += s;
            areaCounts.merge(b.area(), c, Funnels::plus);
            distributed += b.distributed();
            scanned += s;
        }
        Counts total = counts.values().stream().reduce(NONE, Funnels::plus);
        List<AreaFunnel> municipalities = areas.entrySet().stream().map(e -> new AreaFunnel(e.getKey(),
                Stages.of(e.getValue()[0], e.getValue()[1], areaCounts.get(e.getKey())))).toList();
        return new Funnel(campaign.id(), Stages.of(distributed, scanned, total), batches, municipalities);
    }

    private static Counts plus(Counts a, Counts b) {
        return new Counts(a.signedUp() + b.signedUp(), a.confirmed() + b.confirmed(), a.matched() + b.matched(),
                a.returned() + b.returned(), a.hired() + b.hired(), a.returnedOrHired() + b.returnedOrHired());
    }
}
