package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;

/**
 * measure-events, three kinds of entries:
 * <ul>
 * <li>a confirmed (or promoted from the waiting list) registration sent by a partner is a GAIN PARTICIPANTS_SENT of
 * that partner: its people gain a qualification it could not offer alone. Quantity = places. Credited only when the
 * sending partner is an active member of the measure's network (the id comes from a request body, #16); the entry
 * counts in that network. Cause = measure/registration.</li>
 * <li>a published measure is a GIVE of its host — category by the measure's type, quantity = capacity (places) — and
 * of each co-organiser (quantity 1 measure, same category); measures-service admits only active members as both.
 * Cause = measure.</li>
 * <li>an outcome STARTED_APPRENTICESHIP / STARTED_JOB is a GAIN APPRENTICES_TRAINED / CLIENTS_PLACED of the company
 * named in {@code employerPartnerId}, when it is an active member of the measure's network.</li>
 * </ul>
 * A cancelled registration reverses its entry, a cancelled measure those of its hosting and of its registrations.
 */
@Component
class MeasureEvents implements EventHandler {

    static final String CONFIRMED = "augenhoehe.measures.registration-confirmed.v1";
    static final String PROMOTED = "augenhoehe.measures.registration-promoted.v1";
    static final String REGISTRATION_CANCELLED = "augenhoehe.measures.registration-cancelled.v1";
    static final String PUBLISHED = "augenhoehe.measures.measure-published.v1";
    static final String MEASURE_CANCELLED = "augenhoehe.measures.measure-cancelled.v1";
    static final String OUTCOME = "augenhoehe.measures.outcome-recorded.v1";

    private final RealisedEntries entries;
    private final Ledger ledger;

    MeasureEvents(RealisedEntries entries, Ledger ledger) {
        this.entries = entries;
        this.ledger = ledger;
    }

    @Override
    public String topic() {
        return "measure-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CONFIRMED, PROMOTED, REGISTRATION_CANCELLED, PUBLISHED, MEASURE_CANCELLED, OUTCOME);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case PUBLISHED -> published(event);
            case OUTCOME -> outcome(event);
            case MEASURE_CANCELLED -> ledger.reverse(RealisedEntries.cause(event, "measureId"), event.id());
            case REGISTRATION_CANCELLED -> ledger.reverse(registration(event), event.id());
            default -> {
                UUID measure = UUID.fromString(RealisedEntries.cause(event, "measureId"));
                entries.recordMember(event, registration(event), RealisedEntries.partner(event, "sendingPartnerId"),
                        ledger.networkOfMeasure(measure), Category.PARTICIPANTS_SENT, RealisedEntries.number(event, "places", 1), null);
            }
        }
    }

    /** A registration's cause lies within its measure's, so cancelling the measure reverses it too. */
    private static String registration(ReceivedEvent event) {
        return RealisedEntries.cause(event, "measureId") + "/" + RealisedEntries.cause(event, "registrationId");
    }

    private void published(ReceivedEvent event) {
        List<UUID> networks = RealisedEntries.networks(event, null, "networkId");
        String cause = RealisedEntries.cause(event, "measureId");
        if (networks.size() == 1) {
            ledger.measureNetwork(UUID.fromString(cause), networks.get(0));
        }
        UUID host = RealisedEntries.partner(event, "hostPartnerId");
        var capacity = event.data().get("capacity");
        BigDecimal places = capacity == null || capacity.isNull() ? null : RealisedEntries.number(event, "capacity", 1);
        hosted(event.text("type"), places, days(event)).forEach((category, quantity) ->
                entries.record(event, cause, host, networks, category, quantity));
        // A co-organiser shares the measure, not its days or places (they would count twice in the network's sum).
        for (UUID coOrganiser : RealisedEntries.partners(event, "coOrganiserIds")) {
            if (!coOrganiser.equals(host)) {
                entries.record(event, cause, coOrganiser, networks, Category.MEASURES, BigDecimal.ONE);
            }
        }
    }

    /**
     * What hosting a measure of this type gives, each in its kind's unit: a project or technology day its days and its
     * pupil places, an event of outreach one channel, any other measure its places (capacity) as internship or course
     * places — or, without a capacity, one measure.
     */
    static Map<Category, BigDecimal> hosted(String type, BigDecimal places, BigDecimal days) {
        Map<Category, BigDecimal> given = new LinkedHashMap<>();
        switch (type == null ? "OTHER" : type.strip().toUpperCase(Locale.ROOT)) {
            case "PROJECT_DAY", "TECHNOLOGY_DAY" -> {
                given.put(Category.PROJECT_DAYS, days);
                if (places != null) {
                    given.put(Category.PUPIL_PLACES, places);
                }
            }
            case "JOB_FAIR", "INFORMATION_EVENT", "RETURNEE_EVENT" -> given.put(Category.OUTREACH_CHANNELS, BigDecimal.ONE);
            case "INTERNSHIP_PROGRAMME" -> given.put(places == null ? Category.MEASURES : Category.INTERNSHIP_PLACES, places == null ? BigDecimal.ONE : places);
            // TECHNICAL_LANGUAGE_TRAINING, QUALIFICATION, MENTORING, OTHER
            default -> given.put(places == null ? Category.MEASURES : Category.COURSE_PLACES, places == null ? BigDecimal.ONE : places);
        }
        return given;
    }

    /** The days of a measure: first to last session, both included; one when they are not known. */
    private static BigDecimal days(ReceivedEvent event) {
        try {
            LocalDate first = LocalDate.parse(event.text("firstSessionDate"));
            LocalDate last = LocalDate.parse(event.text("lastSessionDate"));
            return BigDecimal.valueOf(Math.max(1, ChronoUnit.DAYS.between(first, last) + 1));
        } catch (RuntimeException unknown) { // absent or unreadable: the day of a project day counts once
            return BigDecimal.ONE;
        }
    }

    private void outcome(ReceivedEvent event) {
        String outcome = event.text("outcome");
        Category gained = "STARTED_APPRENTICESHIP".equals(outcome) ? Category.APPRENTICES_TRAINED
                : "STARTED_JOB".equals(outcome) ? Category.CLIENTS_PLACED : null;
        if (gained != null) {
            List<UUID> networks = RealisedEntries.networks(event, null, "networkId");
            entries.recordMember(event, null, RealisedEntries.partner(event, "employerPartnerId"), networks.isEmpty() ? null : networks.get(0),
                    gained, BigDecimal.ONE, RealisedEntries.partner(event, "hostPartnerId")); // the host's claim
        }
    }
}
