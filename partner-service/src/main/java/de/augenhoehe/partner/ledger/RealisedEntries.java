package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.augenhoehe.partner.PartnerDirectory;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * Turns another service's event into one realised ledger entry. Events about partners this service does not know are
 * skipped with a log line: partner-service is the source of partners, an entry for an unknown id would be an orphan.
 */
@Component
class RealisedEntries {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Logger log = LoggerFactory.getLogger(RealisedEntries.class);

    private final Ledger ledger;
    private final PartnerDirectory partners;

    RealisedEntries(Ledger ledger, PartnerDirectory partners) {
        this.ledger = ledger;
        this.partners = partners;
    }

    void record(ReceivedEvent event, String partnerField, String networkField, Category category, BigDecimal quantity, String unit) {
        UUID partner = uuid(event, partnerField, true);
        if (partner == null) {
            log.info("event {} of type {} names no partner in {}, no ledger entry", event.id(), event.type(), partnerField);
            return;
        }
        if (!partners.exists(partner)) {
            log.warn("event {} of type {} names unknown partner {}, no ledger entry", event.id(), event.type(), partner);
            return;
        }
        if (quantity.signum() <= 0) {
            throw new UnreadableEventException("event " + event.id() + " has no positive quantity");
        }
        UUID network = networkField == null ? null : uuid(event, networkField, false);
        if (!ledger.realise(partner, network, category, quantity, unit, day(event), event.id(), event.type())) {
            log.info("event {} already in the ledger for partner {}", event.id(), partner);
        }
    }

    /** The day the event happened: its occurredAt, else its ce_time, in the region's time zone. */
    static LocalDate day(ReceivedEvent event) {
        String at = event.text("occurredAt");
        Instant instant = event.time();
        if (at != null) {
            try {
                instant = Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                throw new UnreadableEventException("event " + event.id() + " has an unreadable occurredAt");
            }
        }
        return instant.atZone(ZONE).toLocalDate();
    }

    static BigDecimal number(ReceivedEvent event, String field, long fallback) {
        var node = event.data().get(field);
        if (node == null || node.isNull()) {
            return BigDecimal.valueOf(fallback);
        }
        if (!node.isNumber()) {
            throw new UnreadableEventException("event " + event.id() + ": " + field + " is not a number");
        }
        return node.decimalValue();
    }

    private static UUID uuid(ReceivedEvent event, String field, boolean required) {
        String value = event.text(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            if (required) {
                throw new UnreadableEventException("event " + event.id() + ": " + field + " is not a uuid");
            }
            return null;
        }
    }
}
