package de.augenhoehe.outreach.returnees;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventPublisher;

/**
 * What the returnees feature publishes, one method per event type; the key is the returnee id. Only pseudonymous
 * ids, the occupation group and times: never a name, an address or any text of the person.
 */
@Component
class ReturneeEvents {

    static final String SIGNED_UP = "augenhoehe.outreach.returnee-signed-up.v1";
    static final String CONFIRMED = "augenhoehe.outreach.returnee-confirmed.v1";
    static final String RETURNED = "augenhoehe.outreach.returnee-returned.v1";
    static final String HIRED = "augenhoehe.outreach.returnee-hired.v1";
    static final String ERASED = "augenhoehe.outreach.person-erased.v1";

    /** Where a sign-up came from: its network, and the campaign and batch of its tracking code (null without one). */
    record Origin(UUID network, UUID campaign, UUID batch) {
    }

    private final EventPublisher events;

    ReturneeEvents(EventPublisher events) {
        this.events = events;
    }

    void signedUp(UUID id, Origin origin, String occupationGroup) {
        events.publish(SIGNED_UP, id.toString(), profile(id, origin, occupationGroup));
    }

    void confirmed(UUID id, Origin origin, String occupationGroup) {
        events.publish(CONFIRMED, id.toString(), profile(id, origin, occupationGroup));
    }

    void returned(UUID id, UUID network, UUID campaign) {
        events.publish(RETURNED, id.toString(), outcome(id, network, campaign, null));
    }

    void hired(UUID id, UUID network, UUID campaign, UUID employer) {
        events.publish(HIRED, id.toString(), outcome(id, network, campaign, employer));
    }

    void erased(UUID id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returneeId", id);
        data.put("occurredAt", Instant.now().toString());
        events.publish(ERASED, id.toString(), data);
    }

    private static Map<String, Object> profile(UUID id, Origin origin, String occupationGroup) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returneeId", id);
        data.put("campaignId", origin.campaign());
        data.put("batchId", origin.batch());
        data.put("networkId", origin.network());
        data.put("occupationGroup", occupationGroup);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    private static Map<String, Object> outcome(UUID id, UUID network, UUID campaign, UUID employer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returneeId", id);
        data.put("campaignId", campaign);
        data.put("networkId", network);
        data.put("employerId", employer);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }
}
