package de.augenhoehe.partner.workinggroups;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Data of the working-group events on partner-events (key = working group id); see contracts/events. Ids, counts and
 * results only: never the people of a partner, never who voted how as a person.
 */
final class GroupEvents {

    static final String FORMED = "augenhoehe.partner.working-group-formed.v1";
    static final String JOINED = "augenhoehe.partner.working-group-member-joined.v1";
    static final String LEFT = "augenhoehe.partner.working-group-member-left.v1";
    static final String DECISION_TAKEN = "augenhoehe.partner.decision-taken.v1";

    private GroupEvents() {
    }

    record Formed(String workingGroupId, String networkId, GroupKind kind, String name, List<String> topics,
            Quorum.Kind quorumKind, BigDecimal quorumValue, Majority majority, Instant occurredAt) {
    }

    record MemberChanged(String workingGroupId, String networkId, String partnerId, Instant occurredAt) {
    }

    record DecisionTaken(String decisionId, String workingGroupId, String networkId, String meetingId, Tally.Result result,
            int eligible, int yes, int no, int abstentions, boolean quorumMet, Majority majority, Instant occurredAt) {
    }
}
