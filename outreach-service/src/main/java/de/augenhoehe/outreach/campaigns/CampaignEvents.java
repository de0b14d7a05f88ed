package de.augenhoehe.outreach.campaigns;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.campaigns.CampaignRequests.Campaign;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Distribution;
import de.augenhoehe.platform.events.EventPublisher;

/** What the campaigns feature publishes (counts, ids and dates only), one method per event type. */
@Component
class CampaignEvents {

    static final String LAUNCHED = "augenhoehe.outreach.campaign-launched.v1";
    static final String CLOSED = "augenhoehe.outreach.campaign-closed.v1";
    static final String DISTRIBUTED = "augenhoehe.outreach.batch-distributed.v1";

    private final EventPublisher events;

    CampaignEvents(EventPublisher events) {
        this.events = events;
    }

    void launched(Campaign campaign) {
        events.publish(LAUNCHED, campaign.id().toString(), statusChanged(campaign));
    }

    void closed(Campaign campaign) {
        events.publish(CLOSED, campaign.id().toString(), statusChanged(campaign));
    }

    void distributed(Campaign campaign, int batchQuantity, Distribution d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", campaign.id());
        data.put("networkId", campaign.networkId());
        data.put("batchId", d.batchId());
        data.put("distributionId", d.id());
        data.put("quantity", d.quantity());
        data.put("batchDistributed", d.batchDistributed());
        data.put("batchQuantity", batchQuantity);
        data.put("distributedOn", d.on().toString());
        data.put("occurredAt", Instant.now().toString());
        events.publish(DISTRIBUTED, campaign.id().toString(), data);
    }

    private static Map<String, Object> statusChanged(Campaign campaign) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", campaign.id());
        data.put("networkId", campaign.networkId());
        data.put("channels", campaign.channels());
        data.put("period", Map.of("from", campaign.period().from().toString(), "to", campaign.period().to().toString()));
        data.put("occurredAt", Instant.now().toString());
        return data;
    }
}
