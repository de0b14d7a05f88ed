package de.augenhoehe.measures.members;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.platform.events.UnreadableEventException;

/**
 * Keeps each partner's latest membership step per network from the {@code membership-*.v1} events. One partner's
 * events arrive in order (key = partner id) and the platform drops a redelivered event id; what remains — a redriven
 * dead letter, a replay — is ordered by the step's {@code occurredAt}: a step not later than the stored one changes
 * nothing. A new membership after an ended one has later steps and replaces it.
 *
 * <p>A suspended or ended host keeps its existing measures (they were placed while it was a member and may have
 * registrations); it only cannot create or edit measures until it is active again.
 */
@Component
class MembershipProjection implements EventHandler {

    static final Map<String, String> TYPES = Map.of(
            "augenhoehe.partner.membership-applied.v1", "APPLIED",
            "augenhoehe.partner.membership-activated.v1", "ACTIVE",
            "augenhoehe.partner.membership-suspended.v1", "SUSPENDED",
            "augenhoehe.partner.membership-ended.v1", "ENDED");

    private final JdbcTemplate jdbc;

    MembershipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Our tolerant view of the producer's event. */
    record MembershipChanged(String membershipId, String partnerId, String networkId, String status, String occurredAt) {
    }

    @Override
    public String topic() {
        return PartnerEvents.TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return TYPES.keySet();
    }

    @Override
    public void handle(ReceivedEvent event) {
        String status = TYPES.get(event.type());
        MembershipChanged m = event.dataAs(MembershipChanged.class);
        if (m.status() != null && !status.equals(m.status())) {
            throw new UnreadableEventException("partner event " + event.id() + " of type " + event.type() + " has status " + m.status());
        }
        UUID membership = event.requiredUuid("membershipId", m.membershipId());
        UUID partner = event.requiredUuid("partnerId", m.partnerId());
        UUID network = event.requiredUuid("networkId", m.networkId());
        Instant occurredAt = event.requiredInstant("occurredAt", m.occurredAt());
        jdbc.update("""
                insert into member_membership (partner_id, network_id, membership_id, status, step_at, last_event)
                values (?, ?, ?, ?, ?, ?)
                on conflict (partner_id, network_id) do update set membership_id = excluded.membership_id,
                    status = excluded.status, step_at = excluded.step_at, last_event = excluded.last_event
                where member_membership.step_at < excluded.step_at""",
                partner, network, membership, status, Timestamp.from(occurredAt), event.id());
    }
}
