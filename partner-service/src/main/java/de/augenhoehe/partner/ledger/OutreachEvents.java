package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;

/**
 * outreach-events (producer not yet built; the fields read are the minimal contract): a returnee hired is a GAIN
 * RETURNEES_HIRED of the employer when it is an active member of the event's network (#16). Fields read: employerId
 * (partner), networkId, occurredAt (optional).
 */
@Component
class OutreachEvents implements EventHandler {

    static final String RETURNEE_HIRED = "augenhoehe.outreach.returnee-hired.v1";

    private final RealisedEntries entries;

    OutreachEvents(RealisedEntries entries) {
        this.entries = entries;
    }

    @Override
    public String topic() {
        return "outreach-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(RETURNEE_HIRED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        var networks = RealisedEntries.networks(event, null, "networkId");
        // The employer comes from a coordinator's request body: credited only as an active member of the campaign's network.
        entries.recordMember(event, null, RealisedEntries.partner(event, "employerId"), networks.isEmpty() ? null : networks.get(0),
                Category.RETURNEES_HIRED, BigDecimal.ONE, null); // a coordinator's claim: the employer confirms it
    }
}
