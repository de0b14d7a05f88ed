package de.augenhoehe.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

import de.augenhoehe.platform.persistence.Causes;

/**
 * The dead letters of this service's consumer group: listed for operators and redriven — applied again by this
 * group's own processor, in this service, not sent back to the shared topic (where every other group that failed
 * on it would dead-letter it once more). A redrive either applies the event or changes nothing and says why; each
 * dead letter is redriven successfully at most once.
 */
public class DeadLetters implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most a list shows ({@code limit} ≤ 1000), so the most kept of a topic. */
    static final int MAX_LISTED = 1000;
    private final Map<String, Object> consumerProps;
    private final Collection<String> consumedTopics;
    private final EventProcessors processors;
    private final String groupId;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Map<String, TopicRead> read = new HashMap<>(); // guarded by this
    private KafkaConsumer<String, byte[]> reader; // guarded by this

    DeadLetters(Map<String, Object> consumerProps, EventProcessors processors, String groupId, JdbcTemplate jdbc,
            TransactionTemplate tx) {
        this.consumerProps = new HashMap<>(consumerProps);
        this.consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumedTopics = processors.byTopic().keySet();
        this.processors = processors;
        this.groupId = groupId;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Dead letters of this consumer group, oldest first, at most {@code limit}. The night page asks every few seconds:
     * one reader is kept between calls, and a dead-letter topic is read again only when its offsets have moved — the
     * redrive flags always come fresh from the database. (A new consumer per call, its connection and metadata, cost
     * most of the ops page's time.)
     */
    public synchronized List<DeadLetter> list(int limit) {
        try {
            return list(reader(), limit);
        } catch (RuntimeException e) {
            closeReader(); // a reader that failed (the broker away) is not kept for the next call
            throw e;
        }
    }

    private List<DeadLetter> list(KafkaConsumer<String, byte[]> consumer, int limit) {
        List<DeadLetter> result = new ArrayList<>();
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(POLL.multipliedBy(10));
        for (String topic : consumedTopics) {
            String dlt = topic + EventConsumers.DLT_SUFFIX;
            List<TopicPartition> partitions = partitions(topics, dlt);
            if (partitions.isEmpty() || result.size() >= limit) {
                continue;
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            TopicRead known = read.get(dlt);
            if (known == null || !known.beginning().equals(beginning) || !known.end().equals(end)) {
                known = new TopicRead(beginning, end, ours(consumer, beginning, end));
                read.put(dlt, known);
            }
            if (known.letters().isEmpty()) {
                continue;
            }
            Set<String> redriven = Set.copyOf(jdbc.queryForList(
                    "select dlt_partition || ':' || dlt_offset from redriven_dead_letter where dlt_topic = ?", String.class, dlt));
            for (DeadLetter letter : known.letters()) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(letter.redriven(redriven.contains(letter.partition() + ":" + letter.offset())));
            }
        }
        return result;
    }

    /** Our group's dead letters between the offsets, oldest first, as many as a list can show. */
    private List<DeadLetter> ours(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        List<DeadLetter> letters = new ArrayList<>();
        consumer.assign(beginning.keySet());
        beginning.forEach(consumer::seek);
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (letters.size() < MAX_LISTED && !reachedEnd(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("dead letters not read to their end within " + TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (groupId.equals(header(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)) && letters.size() < MAX_LISTED) {
                    letters.add(DeadLetter.of(r, false));
                }
            }
        }
        return List.copyOf(letters);
    }

    private record TopicRead(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end, List<DeadLetter> letters) {
    }

    private KafkaConsumer<String, byte[]> reader() {
        if (reader == null) {
            reader = consumer();
        }
        return reader;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // closing a broken reader may fail as well; a new one is made at the next call
            }
            reader = null;
            read.clear();
        }
    }

    @Override
    public synchronized void close() {
        closeReader();
    }

    /**
     * Applies one dead letter of ours again, in one transaction with its redrive record; empty when there is no such
     * dead letter of ours. Throws {@link RedriveFailedException} when it fails again: nothing is changed then.
     */
    public Optional<DeadLetter> redrive(String dltTopic, int partition, long offset, String operator) {
        if (consumedTopics.stream().noneMatch(t -> (t + EventConsumers.DLT_SUFFIX).equals(dltTopic))) {
            return Optional.empty();
        }
        Optional<ConsumerRecord<String, byte[]>> found = read(dltTopic, partition, offset);
        if (found.isEmpty() || !groupId.equals(header(found.get(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
            return Optional.empty();
        }
        ConsumerRecord<String, byte[]> r = found.get();
        DeadLetter letter = DeadLetter.of(r, true);
        IdempotentEventProcessor processor = processors.forTopic(letter.originalTopic()).orElseThrow();
        try {
            tx.executeWithoutResult(status -> {
                jdbc.update("insert into redriven_dead_letter (dlt_topic, dlt_partition, dlt_offset, event_id, redriven_by) values (?, ?, ?, ?, ?)",
                        dltTopic, partition, offset, letter.eventId(), operator);
                processor.process(asOriginal(r, letter.originalTopic()));
            });
        } catch (DuplicateKeyException e) {
            throw new AlreadyRedrivenException(dltTopic, partition, offset);
        } catch (RuntimeException e) {
            throw new RedriveFailedException(dltTopic, partition, offset, e);
        }
        return Optional.of(letter);
    }

    /** The record as it was on its original topic: the consumed_event row and the handlers see that topic. */
    private static ConsumerRecord<String, byte[]> asOriginal(ConsumerRecord<String, byte[]> dead, String originalTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : dead.headers()) {
            if (!h.key().startsWith(KafkaHeaders.PREFIX)) {
                headers.add(h);
            }
        }
        return new ConsumerRecord<>(originalTopic, dead.partition(), dead.offset(), dead.timestamp(), dead.timestampType(),
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, dead.key(), dead.value(), headers, Optional.empty());
    }

    private Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
        try (var consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (partitions(consumer, topic).stream().noneMatch(tp::equals)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return partitions(consumer.listTopics(POLL.multipliedBy(10)), topic);
    }

    private static List<TopicPartition> partitions(Map<String, List<PartitionInfo>> topics, String topic) {
        List<PartitionInfo> infos = topics.get(topic);
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        return CloudEventHeaders.text(r.headers(), name);
    }

    /** What an operator sees of a dead letter: no data, which stays on the topic. */
    public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic, String eventId,
            String eventType, String subject, String exceptionClass, String error, Instant deadLetteredAt,
            boolean redriven) {

        DeadLetter redriven(boolean now) {
            return new DeadLetter(topic, partition, offset, key, originalTopic, eventId, eventType, subject, exceptionClass, error,
                    deadLetteredAt, now);
        }

        static DeadLetter of(ConsumerRecord<?, ?> r, boolean redriven) {
            String original = header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC);
            String cause = header(r, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN); // the listener wraps what really failed
            return new DeadLetter(r.topic(), r.partition(), r.offset(), r.key() == null ? null : String.valueOf(r.key()),
                    original != null ? original : r.topic().substring(0, r.topic().length() - EventConsumers.DLT_SUFFIX.length()),
                    header(r, CloudEventHeaders.ID), header(r, CloudEventHeaders.TYPE), header(r, CloudEventHeaders.SUBJECT),
                    cause != null ? cause : header(r, KafkaHeaders.DLT_EXCEPTION_FQCN), header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                    Instant.ofEpochMilli(r.timestamp()), redriven);
        }
    }

    /** The event failed again; nothing was changed and the dead letter can be redriven later. */
    public static class RedriveFailedException extends RuntimeException {
        RedriveFailedException(String topic, int partition, long offset, Throwable cause) {
            super("Dead letter " + topic + "/" + partition + "/" + offset + " failed again: " + rootCause(cause), cause);
        }

        private static String rootCause(Throwable t) {
            Throwable root = Causes.root(t);
            return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
    }

    /** A dead letter is redriven at most once. */
    public static class AlreadyRedrivenException extends RuntimeException {
        AlreadyRedrivenException(String topic, int partition, long offset) {
            super("Dead letter " + topic + "/" + partition + "/" + offset + " was already redriven");
        }
    }
}
