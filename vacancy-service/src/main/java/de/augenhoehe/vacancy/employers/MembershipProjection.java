package de.augenhoehe.vacancy.employers;

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
import de.augenhoehe.vacancy.employers.MemberCompanies.Status;

/**
 * Keeps each partner's latest membership per network from the four {@code membership-*.v1} events. One partner's
 * events arrive in order (key = partner id) and the platform drops a redelivered event id; what remains — a redriven
 * dead letter or a replay of an older step under another delivery — is ordered by the step's {@code occurredAt}: an
 * event whose step is not later than the stored one changes nothing. A new membership after an ended one (partner-service
 * allows re-applying) replaces the ended one in its network, as its steps are later.
 */
@Component
class MembershipProjection implements EventHandler {

    static final Map<String, Status> TYPES = Map.of(
            "augenhoehe.partner.membership-applied.v1", Status.APPLIED,
            "augenhoehe.partner.membership-activated.v1", Status.ACTIVE,
            "augenhoehe.partner.membership-suspended.v1", Status.SUSPENDED,
            "augenhoehe.partner.membership-ended.v1", Status.ENDED);

    private final JdbcTemplate jdbc;

    MembershipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Our tolerant view of the producer's event. */
    record MembershipChanged(String membershipId, String partnerId, String networkId, String partnerKind, String status,
            String appliedAt, String occurredAt) {
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
        Status status = TYPES.get(event.type());
        MembershipChanged m = event.dataAs(MembershipChanged.class);
        if (m.status() != null && !status.name().equals(m.status())) {
            throw new UnreadableEventException("partner event " + event.id() + " of type " + event.type() + " has status " + m.status());
        }
        UUID membership = event.requiredUuid("membershipId", m.membershipId());
        UUID partner = event.requiredUuid("partnerId", m.partnerId());
        UUID network = event.requiredUuid("networkId", m.networkId());
        String kind = event.required("partnerKind", m.partnerKind());
        Instant appliedAt = event.requiredInstant("appliedAt", m.appliedAt());
        Instant occurredAt = event.requiredInstant("occurredAt", m.occurredAt());
        jdbc.update("""
                insert into employer_membership (partner_id, network_id, membership_id, partner_kind, status, applied_at, step_at, last_event)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (partner_id, network_id) do update set membership_id = excluded.membership_id,
                    partner_kind = excluded.partner_kind, status = excluded.status, applied_at = excluded.applied_at,
                    step_at = excluded.step_at, last_event = excluded.last_event
                where employer_membership.step_at < excluded.step_at""",
                partner, network, membership, kind, status.name(), Timestamp.from(appliedAt), Timestamp.from(occurredAt), event.id());
    }
}
