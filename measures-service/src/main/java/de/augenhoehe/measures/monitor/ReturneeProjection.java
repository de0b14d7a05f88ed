package de.augenhoehe.measures.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * outreach-events → {@code monitor_returnee_step}: the steps of returnee campaigns, by pseudonymous returnee id.
 * {@code person-erased.v1} unlinks the returnee's steps (each gets a fresh random id): the counts stay, nothing
 * ties them to the person any more.
 */
@Component
class ReturneeProjection implements EventHandler {

    static final String TOPIC = "outreach-events";
    static final String ERASED = "augenhoehe.outreach.person-erased.v1";
    static final Map<String, String> STEPS = Map.of(
            "augenhoehe.outreach.returnee-signed-up.v1", "SIGNED_UP",
            "augenhoehe.outreach.returnee-confirmed.v1", "CONFIRMED",
            "augenhoehe.outreach.returnee-matched.v1", "MATCHED",
            "augenhoehe.outreach.returnee-returned.v1", "RETURNED",
            "augenhoehe.outreach.returnee-hired.v1", "HIRED");

    private final JdbcTemplate jdbc;

    ReturneeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Our tolerant view of outreach-service's events. */
    record Step(String returneeId, String networkId, String occupationGroup, String vacancyId, String occurredAt) {
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        var types = new HashSet<>(STEPS.keySet());
        types.add(ERASED);
        return types;
    }

    @Override
    public void handle(ReceivedEvent event) {
        Step s = event.dataAs(Step.class);
        UUID returnee = event.requiredUuid("returneeId", s.returneeId());
        if (ERASED.equals(event.type())) {
            jdbc.update("update monitor_returnee_step set returnee_id = gen_random_uuid() where returnee_id = ?", returnee);
            return;
        }
        String step = STEPS.get(event.type());
        UUID network = event.requiredUuid("networkId", s.networkId());
        if (s.occupationGroup() != null && !s.occupationGroup().matches("[0-9]{3}")) {
            throw new UnreadableEventException(what(event) + " has no 3-digit occupationGroup");
        }
        String detail = "MATCHED".equals(step) ? event.requiredUuid("vacancyId", s.vacancyId()).toString() : "";
        Instant at;
        try {
            at = Instant.parse(s.occurredAt() == null ? "" : s.occurredAt());
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException(what(event) + " has no valid occurredAt", e);
        }
        jdbc.update("""
                insert into monitor_returnee_step (returnee_id, step, detail, network_id, occupation_group, occurred_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                returnee, step, detail, network, s.occupationGroup(), Timestamp.from(at));
    }

    private static String what(ReceivedEvent event) {
        return "outreach event " + event.id() + " (" + event.type() + ")";
    }
}
