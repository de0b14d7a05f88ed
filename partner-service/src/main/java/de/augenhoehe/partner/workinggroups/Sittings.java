package de.augenhoehe.partner.workinggroups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.registry.PartnerDirectory;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;

/** What a group does together: meetings with agenda and minutes, decisions with one vote per member partner. */
@Service
class Sittings {

    static final ProblemType DECISION_CLOSED = ProblemType.of(HttpStatus.CONFLICT, "decision-closed", "Konflikt / Conflict");
    /** A vote of someone whose partner is no member of the group. */
    static final ProblemType NOT_A_MEMBER = ProblemType.of(HttpStatus.FORBIDDEN, "not-a-member", "Kein Mitglied / Not a member");

    private static final String MEETING = "id, group_id, starts_at, place, array_to_json(agenda)::text as agenda, minutes, version";
    private static final String DECISION = "id, group_id, meeting_id, title, motion, status, opened_at, closed_at, eligible, "
            + "yes_votes, no_votes, abstentions, quorum_met, result";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    /** The active member partners of a network (registry feature). */
    private final Function<UUID, Set<UUID>> activeInNetwork;

    Sittings(JdbcTemplate jdbc, EventPublisher events, PartnerDirectory partners) {
        this.jdbc = jdbc;
        this.events = events;
        this.activeInNetwork = network -> partners.activeMembers(network).stream().map(PartnerDirectory.Member::partnerId)
                .collect(Collectors.toSet());
    }

    @Transactional
    Meeting schedule(UUID group, Instant startsAt, String place, List<String> agenda) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into working_group_meeting (id, group_id, starts_at, place, agenda) values (?, ?, ?, ?, array(select json_array_elements_text(?::json)))",
                id, group, Timestamp.from(startsAt), place, Json.array(agenda));
        return meeting(group, id).orElseThrow();
    }

    /** Records the minutes if {@code expectedVersion} is still current; 412 otherwise. */
    @Transactional
    Meeting minutes(UUID group, UUID meeting, long expectedVersion, String minutes) {
        int changed = jdbc.update("update working_group_meeting set minutes = ?, version = version + 1 where id = ? and group_id = ? and version = ?",
                minutes, meeting, group, expectedVersion);
        if (changed == 0) {
            meeting(group, meeting).orElseThrow(() -> ProblemException.notFound("Meeting " + meeting));
            throw Versions.stale();
        }
        return meeting(group, meeting).orElseThrow();
    }

    Optional<Meeting> meeting(UUID group, UUID id) {
        return jdbc.query("select " + MEETING + " from working_group_meeting where id = ? and group_id = ?", Sittings::meeting, id, group)
                .stream().findFirst();
    }

    List<Meeting> meetings(UUID group) {
        return jdbc.query("select " + MEETING + " from working_group_meeting where group_id = ? order by starts_at, id", Sittings::meeting, group);
    }

    @Transactional
    Decision propose(UUID group, UUID meeting, String title, String motion) {
        if (meeting != null && meeting(group, meeting).isEmpty()) {
            throw ProblemException.invalid("unknown-meeting", "The group has no meeting " + meeting);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into working_group_decision (id, group_id, meeting_id, title, motion, status, opened_at) values (?, ?, ?, ?, ?, 'OPEN', ?)",
                id, group, meeting, title, motion, Timestamp.from(WorkingGroups.now()));
        return decision(group, id).orElseThrow();
    }

    /**
     * Records a member partner's vote. The decision row is share-locked so a concurrent close waits for the vote (and
     * the vote sees a close that came first); the primary key (decision, partner) refuses a second or concurrent vote.
     */
    @Transactional
    Decision.Vote vote(UUID group, UUID decision, UUID partner, VoteChoice choice, String by) {
        String status = jdbc.query("select status from working_group_decision where id = ? and group_id = ? for share",
                (rs, n) -> rs.getString(1), decision, group).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Decision " + decision));
        if (!"OPEN".equals(status)) {
            throw DECISION_CLOSED.exception("The decision is closed; no more votes");
        }
        Instant now = WorkingGroups.now();
        // Only a current member partner votes; checked in the same statement as the insert.
        int inserted = jdbc.update("""
                insert into working_group_vote (decision_id, partner_id, vote, cast_at, cast_by)
                select ?, ?, ?, ?, ? where exists (select 1 from working_group_member where group_id = ? and partner_id = ? and left_at is null)
                on conflict (decision_id, partner_id) do nothing""",
                decision, partner, choice.name(), Timestamp.from(now), by, group, partner);
        if (inserted == 0) {
            if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from working_group_vote where decision_id = ? and partner_id = ?)",
                    Boolean.class, decision, partner))) {
                throw ProblemException.conflict("already-voted", "This partner has voted on this decision already");
            }
            throw NOT_A_MEMBER.exception("Only member partners of the group vote");
        }
        return new Decision.Vote(partner, choice, now);
    }

    /** Closes an open decision: counts the votes, applies the group's quorum and majority, announces the result. */
    @Transactional
    Decision close(WorkingGroup g, UUID decision) {
        String status = jdbc.query("select status from working_group_decision where id = ? and group_id = ? for update",
                (rs, n) -> rs.getString(1), decision, g.id()).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Decision " + decision));
        if (!"OPEN".equals(status)) {
            throw DECISION_CLOSED.exception("The decision is closed already");
        }
        int yes = count(decision, "YES");
        int no = count(decision, "NO");
        int abstentions = count(decision, "ABSTAIN");
        // Eligible: the current member partners still active in the network, and partners that voted (their vote
        // stays even if they left or were suspended since).
        Set<UUID> eligiblePartners = new HashSet<>(jdbc.queryForList(
                "select partner_id from working_group_member where group_id = ? and left_at is null", UUID.class, g.id()));
        eligiblePartners.retainAll(activeInNetwork.apply(g.networkId()));
        eligiblePartners.addAll(jdbc.queryForList("select partner_id from working_group_vote where decision_id = ?", UUID.class, decision));
        int eligible = eligiblePartners.size();
        Tally t = Tally.of(eligible, yes, no, abstentions, g.quorum(), g.majority());
        Instant now = WorkingGroups.now();
        jdbc.update("""
                update working_group_decision set status = 'CLOSED', closed_at = ?, eligible = ?, yes_votes = ?, no_votes = ?,
                       abstentions = ?, quorum_met = ?, result = ? where id = ?""",
                Timestamp.from(now), t.eligible(), t.yes(), t.no(), t.abstentions(), t.quorumMet(), t.result().name(), decision);
        Decision d = decision(g.id(), decision).orElseThrow();
        events.publish(GroupEvents.DECISION_TAKEN, g.id().toString(), new GroupEvents.DecisionTaken(decision.toString(),
                g.id().toString(), g.networkId().toString(), d.meetingId() == null ? null : d.meetingId().toString(), t.result(),
                t.eligible(), t.yes(), t.no(), t.abstentions(), t.quorumMet(), g.majority(), now));
        return d;
    }

    private int count(UUID decision, String vote) {
        return jdbc.queryForObject("select count(*) from working_group_vote where decision_id = ? and vote = ?", Integer.class, decision, vote);
    }

    Optional<Decision> decision(UUID group, UUID id) {
        return jdbc.query("select " + DECISION + " from working_group_decision where id = ? and group_id = ?", Sittings::decision, id, group)
                .stream().findFirst();
    }

    List<Decision> decisions(UUID group) {
        return jdbc.query("select " + DECISION + " from working_group_decision where group_id = ? order by opened_at, id", Sittings::decision, group);
    }

    List<Decision.Vote> votes(UUID decision) {
        return jdbc.query("select partner_id, vote, cast_at from working_group_vote where decision_id = ? order by cast_at, partner_id",
                (rs, n) -> new Decision.Vote(rs.getObject("partner_id", UUID.class), VoteChoice.valueOf(rs.getString("vote")),
                        rs.getTimestamp("cast_at").toInstant()), decision);
    }

    private static Meeting meeting(ResultSet rs, int n) throws SQLException {
        return new Meeting(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                rs.getString("place"), Json.strings(rs.getString("agenda")), rs.getString("minutes"), rs.getLong("version"));
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        Decision.Status status = Decision.Status.valueOf(rs.getString("status"));
        Timestamp closed = rs.getTimestamp("closed_at");
        Tally tally = status == Decision.Status.CLOSED ? new Tally(rs.getInt("eligible"), rs.getInt("yes_votes"), rs.getInt("no_votes"),
                rs.getInt("abstentions"), rs.getBoolean("quorum_met"), Tally.Result.valueOf(rs.getString("result"))) : null;
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class), rs.getObject("meeting_id", UUID.class),
                rs.getString("title"), rs.getString("motion"), status, rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant(), tally, null);
    }
}
