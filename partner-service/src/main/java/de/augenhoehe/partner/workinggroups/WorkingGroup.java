package de.augenhoehe.partner.workinggroups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A working group or the expert circle of a network, with its current member partners and their people. */
record WorkingGroup(UUID id, UUID networkId, GroupKind kind, String name, List<String> topics, Quorum quorum,
        Majority majority, Instant formedAt, List<Member> members) {

    /** A member partner and the people (account subjects) it sends. */
    record Member(UUID partnerId, Instant joinedAt, List<String> people) {
    }

    WorkingGroup withMembers(List<Member> current) {
        return new WorkingGroup(id, networkId, kind, name, topics, quorum, majority, formedAt, current);
    }
}
