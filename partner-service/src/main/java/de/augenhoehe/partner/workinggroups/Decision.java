package de.augenhoehe.partner.workinggroups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A motion put to the member partners. OPEN while they vote; CLOSED with the tally and its result. Each partner's vote
 * is recorded and shown by partner; the person who cast it stays inside the service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Decision(UUID id, UUID workingGroupId, UUID meetingId, String title, String motion, Status status, Instant openedAt,
        Instant closedAt, Tally tally, List<Vote> votes) {

    enum Status {
        OPEN, CLOSED
    }

    record Vote(UUID partnerId, VoteChoice vote, Instant castAt) {
    }

    Decision withVotes(List<Vote> cast) {
        return new Decision(id, workingGroupId, meetingId, title, motion, status, openedAt, closedAt, tally, cast);
    }
}
