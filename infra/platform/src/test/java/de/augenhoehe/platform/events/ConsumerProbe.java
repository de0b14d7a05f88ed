package de.augenhoehe.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's split of the consumer's stage (issue #21, step f): per event the return of the consumer's
 * {@code poll()} that brought it (an interceptor), the start and end of the transaction that applies its run of records
 * and the handler's call, on this JVM's clock — besides the commit and the effect the benchmark records itself.
 * Static: Kafka instantiates the interceptor by its class name.
 */
public final class ConsumerProbe implements ConsumerInterceptor<String, byte[]> {

    static final Map<String, Long> sent = new ConcurrentHashMap<>();
    static final Map<String, Long> polled = new ConcurrentHashMap<>();
    static final Map<String, Long> runStarted = new ConcurrentHashMap<>();
    static final Map<String, Long> handled = new ConcurrentHashMap<>();
    static final Map<String, Long> runEnded = new ConcurrentHashMap<>();
    static final AtomicLong polls = new AtomicLong();
    static final AtomicLong runs = new AtomicLong();
    static final AtomicLong records = new AtomicLong();
    static final List<Long> gapsBetweenPolls = java.util.Collections.synchronizedList(new ArrayList<>());
    static final List<Long> offsetCommits = java.util.Collections.synchronizedList(new ArrayList<>());
    private static volatile long lastPoll;
    private static volatile long lastRunEnd;
    /** Emulates the listener before step (f): one transaction per partition of a poll. */
    static volatile boolean perPartition;

    static void reset() {
        List.of(sent, polled, runStarted, handled, runEnded).forEach(Map::clear);
        polls.set(0);
        runs.set(0);
        records.set(0);
        gapsBetweenPolls.clear();
        offsetCommits.clear();
    }

    @Override
    public ConsumerRecords<String, byte[]> onConsume(ConsumerRecords<String, byte[]> consumed) {
        long now = System.nanoTime();
        if (lastPoll != 0) {
            gapsBetweenPolls.add(now - lastPoll);
        }
        lastPoll = now;
        polls.incrementAndGet();
        for (ConsumerRecord<String, byte[]> r : consumed) {
            String id = CloudEventHeaders.read(r).id();
            polled.put(id, now);
            records.incrementAndGet();
        }
        return consumed;
    }

    /** The offset commit after a poll: from the end of the poll's last transaction to the broker's answer. */
    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (lastRunEnd != 0) {
            offsetCommits.add(System.nanoTime() - lastRunEnd);
            lastRunEnd = 0;
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /** On the relay's producer: the moment the relay hands each record to {@code send()}. */
    public static final class Sends implements ProducerInterceptor<String, byte[]> {
        @Override
        public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
            Header id = record.headers().lastHeader(CloudEventHeaders.ID);
            if (id != null) {
                sent.put(new String(id.value(), StandardCharsets.UTF_8), System.nanoTime());
            }
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /**
     * The platform's processor, timing the start and end of each run's transaction; with {@link #perPartition} it
     * splits the listener's poll into the runs of its partitions, each in a transaction of its own, as the listener
     * did before step (f).
     */
    static IdempotentEventProcessor processor(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json,
            Map<String, List<EventHandler>> byType) {
        return new IdempotentEventProcessor(jdbc, tx, json, byType) {
            @Override
            void processAll(List<ConsumerRecord<String, byte[]>> poll, BiConsumer<ConsumerRecord<String, byte[]>, Runnable> around) {
                if (!perPartition) {
                    timed(poll, around);
                    return;
                }
                int from = 0;
                while (from < poll.size()) {
                    int to = from + 1;
                    while (to < poll.size() && poll.get(to).partition() == poll.get(from).partition()) {
                        to++;
                    }
                    timed(poll.subList(from, to), around);
                    from = to;
                }
            }

            private void timed(List<ConsumerRecord<String, byte[]>> run, BiConsumer<ConsumerRecord<String, byte[]>, Runnable> around) {
                long start = System.nanoTime();
                runs.incrementAndGet();
                run.forEach(r -> runStarted.put(CloudEventHeaders.read(r).id(), start));
                super.processAll(run, around);
                long end = System.nanoTime();
                lastRunEnd = end;
                run.forEach(r -> runEnded.put(CloudEventHeaders.read(r).id(), end));
            }
        };
    }
}
