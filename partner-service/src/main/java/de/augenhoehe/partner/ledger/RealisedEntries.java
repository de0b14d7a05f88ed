package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.augenhoehe.partner.registry.PartnerDirectory;
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

    /**
     * One entry for {@code partner} (null: the event names none, no entry), counted in each of {@code networks} (none:
     * in every network of the partner), for a {@code cause}: the id of the thing the entry stands for (a posting, a
     * registration, a measure; null for none). One entry per cause, partner and category, whatever events about it
     * arrive (a second guard beside the event id). Returns whether an entry was written.
     */
    boolean record(ReceivedEvent event, String cause, UUID partner, List<UUID> networks, Category category, BigDecimal quantity) {
        return record(event, cause, partner, networks, category, quantity, false);
    }

    private boolean record(ReceivedEvent event, String cause, UUID partner, List<UUID> networks, Category category, BigDecimal quantity,
            boolean pending) {
        if (partner == null) {
            log.info("event {} of type {} names no partner, no {} entry", event.id(), event.type(), category);
            return false;
        }
        if (!partners.exists(partner)) {
            log.warn("event {} of type {} names unknown partner {}, no ledger entry", event.id(), event.type(), partner);
            return false;
        }
        if (quantity.signum() <= 0) {
            throw new UnreadableEventException("event " + event.id() + " has no positive quantity");
        }
        if (!ledger.realise(partner, networks, category, quantity, day(event), event.id(), event.type(), cause, pending)) {
            log.info("event {} already in the ledger for partner {}", event.id(), partner);
            return false;
        }
        return true;
    }

    /**
     * An entry for a partner another service names from a request body (a registration's sending partner, an outcome's
     * or a hire's employer) only when the claim is proven (#16): the partner is an active member of the network the
     * cause belongs to (the measure's, the campaign's), checked when the event is consumed — otherwise no entry — and
     * the partner confirms the claim: the entry is PENDING (not counted) until its people confirm it, unless the
     * partner is the {@code claimant} itself (e.g. a host naming itself as employer; null: the claimant is not known).
     */
    boolean recordMember(ReceivedEvent event, String cause, UUID partner, UUID network, Category category, BigDecimal quantity,
            UUID claimant) {
        if (partner != null && (network == null || !partners.activeNetworks(partner).contains(network))) {
            log.warn("event {} of type {} names partner {}, no active member of the cause's network {}: no {} entry", event.id(),
                    event.type(), partner, network, category);
            return false;
        }
        return record(event, cause, partner, network == null ? List.of() : List.of(network), category, quantity,
                partner != null && !partner.equals(claimant));
    }

    /** The id of an entry's cause in {@code field} (a uuid); unreadable (dead letter) when absent or not a uuid. */
    static String cause(ReceivedEvent event, String field) {
        UUID id = uuid(event, field, true);
        if (id == null) {
            throw new UnreadableEventException("event " + event.id() + " has no " + field);
        }
        return id.toString();
    }

    /** The partner id in {@code field}; null when absent, unreadable (dead letter) when not a uuid. */
    static UUID partner(ReceivedEvent event, String field) {
        return uuid(event, field, true);
    }

    /**
     * The networks of an event: the array {@code arrayField} if present (the agreed contract), else the single
     * {@code singleField} (earlier producers). Ids that are no uuid are ignored: the network is context, not the subject.
     */
    static List<UUID> networks(ReceivedEvent event, String arrayField, String singleField) {
        var array = arrayField == null ? null : event.data().get(arrayField);
        if (array != null && array.isArray()) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (var n : array) {
                UUID id = parse(n.isString() ? n.asString() : null);
                if (id != null) {
                    ids.add(id);
                }
            }
            return List.copyOf(ids);
        }
        UUID single = singleField == null ? null : uuid(event, singleField, false);
        return single == null ? List.of() : List.of(single);
    }

    /** The ids in an array field (e.g. co-organisers); an id that is no uuid makes the event unreadable. */
    static List<UUID> partners(ReceivedEvent event, String arrayField) {
        var array = event.data().get(arrayField);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new UnreadableEventException("event " + event.id() + ": " + arrayField + " is not an array");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (var n : array) {
            UUID id = parse(n.isString() ? n.asString() : null);
            if (id == null) {
                throw new UnreadableEventException("event " + event.id() + ": " + arrayField + " holds a value that is not a uuid");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** The day the event happened: its occurredAt, else its ce_time, in the region's time zone. */
    static LocalDate day(ReceivedEvent event) {
        String at = event.text("occurredAt");
        Instant instant = event.time();
        if (at != null) {
            try {
                instant = Instant.parse(at);
            } catch (DateTimeParseException e) {
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

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
