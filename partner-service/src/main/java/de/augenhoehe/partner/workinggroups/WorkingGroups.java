package de.augenhoehe.partner.workinggroups;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;

/** Groups and their members: stored and announced in one transaction. Meetings and decisions: {@link Sittings}. */
@Service
class WorkingGroups {

    private static final String COLUMNS = "id, network_id, kind, name, array_to_json(topics)::text as topics, quorum_kind, "
            + "quorum_value, majority, formed_at";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    WorkingGroups(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    record Draft(UUID networkId, GroupKind kind, String name, List<String> topics, Quorum quorum, Majority majority) {
    }

    @Transactional
    WorkingGroup form(UUID id, Draft d, String by) {
        Instant now = now();
        try {
            jdbc.update("""
                    insert into working_group (id, network_id, kind, name, topics, quorum_kind, quorum_value, majority, formed_at, formed_by)
                    values (?, ?, ?, ?, array(select json_array_elements_text(?::json)), ?, ?, ?, ?, ?)""",
                    id, d.networkId(), d.kind().name(), d.name(), Json.array(d.topics()), d.quorum().kind().name(),
                    d.quorum().value(), d.majority().name(), Timestamp.from(now), by);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("working-group-exists", "The network has a working group with this name already");
        }
        WorkingGroup g = find(id).orElseThrow();
        events.publish(GroupEvents.FORMED, id.toString(), new GroupEvents.Formed(id.toString(), d.networkId().toString(),
                g.kind(), g.name(), g.topics(), g.quorum().kind(), g.quorum().value(), g.majority(), now));
        return g;
    }

    /** Adds a member partner with its people; 409 {@code already-a-member} if it is one. */
    @Transactional
    void join(WorkingGroup g, UUID partner, List<String> people) {
        Instant now = now();
        try {
            jdbc.update("insert into working_group_member (id, group_id, partner_id, joined_at) values (?, ?, ?, ?)",
                    UUID.randomUUID(), g.id(), partner, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("already-a-member", "The partner is a member of this group already");
        }
        addPeople(g.id(), partner, people);
        events.publish(GroupEvents.JOINED, g.id().toString(), new GroupEvents.MemberChanged(g.id().toString(),
                g.networkId().toString(), partner.toString(), now));
    }

    /** Ends a partner's membership and forgets its people in the group; 404 if it is no member. */
    @Transactional
    void leave(WorkingGroup g, UUID partner) {
        Instant now = now();
        int left = jdbc.update("update working_group_member set left_at = ? where group_id = ? and partner_id = ? and left_at is null",
                Timestamp.from(now), g.id(), partner);
        if (left == 0) {
            throw ProblemException.notFound("Member " + partner);
        }
        jdbc.update("delete from working_group_person where group_id = ? and partner_id = ?", g.id(), partner);
        events.publish(GroupEvents.LEFT, g.id().toString(), new GroupEvents.MemberChanged(g.id().toString(),
                g.networkId().toString(), partner.toString(), now));
    }

    void addPeople(UUID group, UUID partner, List<String> people) {
        for (String subject : people) {
            jdbc.update("insert into working_group_person (group_id, partner_id, subject) values (?, ?, ?) on conflict do nothing",
                    group, partner, subject);
        }
    }

    boolean removePerson(UUID group, UUID partner, String subject) {
        return jdbc.update("delete from working_group_person where group_id = ? and partner_id = ? and subject = ?",
                group, partner, subject) == 1;
    }

    Optional<WorkingGroup> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from working_group where id = ?", WorkingGroups::map, id).stream().findFirst();
    }

    WorkingGroup withMembers(WorkingGroup g) {
        Map<UUID, List<String>> people = new LinkedHashMap<>();
        jdbc.query("select partner_id, subject from working_group_person where group_id = ? order by subject",
                rs -> {
                    people.computeIfAbsent(rs.getObject("partner_id", UUID.class), k -> new ArrayList<>()).add(rs.getString("subject"));
                }, g.id());
        List<WorkingGroup.Member> members = jdbc.query(
                "select partner_id, joined_at from working_group_member where group_id = ? and left_at is null order by joined_at, partner_id",
                (rs, n) -> {
                    UUID p = rs.getObject("partner_id", UUID.class);
                    return new WorkingGroup.Member(p, rs.getTimestamp("joined_at").toInstant(), people.getOrDefault(p, List.of()));
                }, g.id());
        return g.withMembers(members);
    }

    boolean isMember(UUID group, UUID partner) {
        return partner != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from working_group_member where group_id = ? and partner_id = ? and left_at is null)",
                Boolean.class, group, partner));
    }

    /** The groups of the given networks (a coordinator's) and those the partner is a member of, by name. */
    List<WorkingGroup> visible(Set<UUID> networks, UUID partner, UUID network) {
        String ids = String.join(",", networks.stream().map(UUID::toString).toList());
        List<Object> args = new ArrayList<>(List.of(ids, partner == null ? new UUID(0, 0) : partner));
        String sql = "select " + COLUMNS + " from working_group g where (network_id::text = any(string_to_array(?, ','))"
                + " or exists(select 1 from working_group_member m where m.group_id = g.id and m.partner_id = ? and m.left_at is null))";
        if (network != null) {
            sql += " and network_id = ?";
            args.add(network);
        }
        return jdbc.query(sql + " order by lower(name), id", WorkingGroups::map, args.toArray());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static WorkingGroup map(ResultSet rs, int n) throws SQLException {
        BigDecimal value = rs.getBigDecimal("quorum_value");
        Quorum.Kind kind = Quorum.Kind.valueOf(rs.getString("quorum_kind"));
        return new WorkingGroup(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                GroupKind.valueOf(rs.getString("kind")), rs.getString("name"), Json.strings(rs.getString("topics")),
                new Quorum(kind, kind == Quorum.Kind.COUNT ? new BigDecimal(value.toBigInteger()) : value.stripTrailingZeros()),
                Majority.valueOf(rs.getString("majority")), rs.getTimestamp("formed_at").toInstant(), null);
    }
}
