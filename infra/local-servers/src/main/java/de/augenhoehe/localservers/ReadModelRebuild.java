package de.augenhoehe.localservers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Rebuilds a service's read model of one topic with what the platform ships (no {@code kafka-consumer-groups.sh}):
 * the service's consumer group is moved to the earliest offset of the topic, then — in one transaction — the read
 * model's tables are emptied and the topic's ids are removed from {@code consumed_event}, so the next start of the
 * service consumes the topic from its start and builds the read model anew. The group must have no active member
 * (the service is stopped): Kafka refuses to move the offsets of a live group, and a running consumer would go on
 * from where it was. Offsets first: if the second step fails, the read model is still whole, the redelivered events
 * are recognised as consumed, and the command can simply be run again.
 *
 * <pre>
 * ReadModelRebuild --bootstrap HOST:PORT --group GROUP --topic TOPIC --jdbc URL --user USER --password PASSWORD
 *                  --tables TABLE[,TABLE...]
 * </pre>
 * Used by {@code ./platform rebuild}; exit code 0 done, 1 refused or failed, 2 usage.
 */
public final class ReadModelRebuild {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    /** What to rebuild; {@code tables} are the read model's own tables, emptied entirely. */
    public record Target(String bootstrap, String group, String topic, String jdbcUrl, String user, String password,
            List<String> tables) {

        public Target {
            tables = List.copyOf(tables);
            for (String t : tables) {
                if (!TABLE.matcher(t).matches()) {
                    throw new IllegalArgumentException("not a table name: " + t);
                }
            }
        }
    }

    /** What was done: the group's committed offsets per partition before and after, and the rows deleted. */
    public record Result(Map<Integer, Long> offsetsBefore, Map<Integer, Long> offsetsAfter, Map<String, Integer> rowsDeleted) {
    }

    /** Refused: the group is active, or the topic is unknown; nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private ReadModelRebuild() {
    }

    public static Result run(Target target) throws ExecutionException, InterruptedException, SQLException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            requireInactive(admin, target.group());
            List<TopicPartition> partitions = partitions(admin, target.topic());
            Map<Integer, Long> before = committed(admin, target.group(), target.topic());
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            partitions.forEach(p -> earliest.put(p, OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> reset = new LinkedHashMap<>();
            admin.listOffsets(earliest).all().get()
                    .forEach((p, info) -> reset.put(p, new OffsetAndMetadata(info.offset())));
            // Kafka itself refuses this for a group with members (GroupNotEmptyException), should one have joined since.
            admin.alterConsumerGroupOffsets(target.group(), reset).all().get();
            Map<String, Integer> deleted = emptyReadModel(target);
            return new Result(before, committed(admin, target.group(), target.topic()), deleted);
        }
    }

    private static void requireInactive(Admin admin, String group) throws ExecutionException, InterruptedException {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return; // never consumed: nothing is active
            }
            throw e;
        }
        if (!description.members().isEmpty()) {
            throw new Refused("consumer group " + group + " has " + description.members().size()
                    + " active member(s) (state " + description.groupState() + "): stop the service first");
        }
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            throw new Refused("topic " + topic + " cannot be described: " + e.getCause().getMessage());
        }
    }

    /** The group's committed offsets on the topic, by partition; partitions without a commit are left out. */
    public static Map<Integer, Long> committed(Admin admin, String group, String topic) throws ExecutionException, InterruptedException {
        Map<Integer, Long> offsets = new TreeMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((p, o) -> {
            if (p.topic().equals(topic) && o != null) {
                offsets.put(p.partition(), o.offset());
            }
        });
        return offsets;
    }

    private static Map<String, Integer> emptyReadModel(Target target) throws SQLException {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String table : target.tables()) {
                    deleted.put(table, s.executeUpdate("delete from " + table));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from consumed_event where topic = ?")) {
                ps.setString(1, target.topic());
                deleted.put("consumed_event (topic " + target.topic() + ")", ps.executeUpdate());
            }
            c.commit();
        }
        return deleted;
    }

    public static void main(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        List<String> missing = new ArrayList<>();
        for (String k : List.of("--bootstrap", "--group", "--topic", "--jdbc", "--user", "--password", "--tables")) {
            if (!o.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty() || args.length % 2 != 0) {
            System.err.println("usage: ReadModelRebuild --bootstrap HOST:PORT --group GROUP --topic TOPIC --jdbc URL"
                    + " --user USER --password PASSWORD --tables TABLE[,TABLE...]  (missing: " + missing + ")");
            System.exit(2);
        }
        try {
            Result r = run(new Target(o.get("--bootstrap"), o.get("--group"), o.get("--topic"), o.get("--jdbc"),
                    o.get("--user"), o.get("--password"), List.of(o.get("--tables").split(","))));
            System.out.println("consumer group " + o.get("--group") + " on " + o.get("--topic") + ": offsets by partition "
                    + r.offsetsBefore() + " -> " + r.offsetsAfter());
            r.rowsDeleted().forEach((table, rows) -> System.out.println("deleted " + rows + " row(s) from " + table));
        } catch (Refused | IllegalArgumentException e) {
            System.err.println("Refused: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("Failed: " + e);
            System.exit(1);
        }
    }
}
