package de.augenhoehe.partner.ledger;

import java.util.Set;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;

/**
 * measure-events: a confirmed (or promoted from the waiting list) registration sent by a partner is a benefit of that
 * partner, PARTICIPANTS_SENT: its people gain a qualification it could not offer alone. Quantity = places.
 */
@Component
class MeasureEvents implements EventHandler {

    static final String CONFIRMED = "augenhoehe.measures.registration-confirmed.v1";
    static final String PROMOTED = "augenhoehe.measures.registration-promoted.v1";

    private final RealisedEntries entries;

    MeasureEvents(RealisedEntries entries) {
        this.entries = entries;
    }

    @Override
    public String topic() {
        return "measure-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CONFIRMED, PROMOTED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        entries.record(event, "sendingPartnerId", null, Category.PARTICIPANTS_SENT, RealisedEntries.number(event, "places", 1), "participants");
    }
}
