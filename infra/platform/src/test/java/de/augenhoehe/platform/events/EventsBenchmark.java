package de.augenhoehe.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.localservers.FreePorts;
import de.augenhoehe.localservers.LocalPostgres;

/**
 * The event backbone benchmark (issue #21), started by {@code infra/benchmarks/events/run}: the platform's own outbox
 * relay, publisher and idempotent consumer (this package's classes, wired as {@link EventsAutoConfiguration} wires
 * them) on a real PostgreSQL and a real Kafka broker started as {@code ./platform} starts them (the broker in a JVM of
 * its own, {@code LocalServersMain kafka}, with the same JVM options), and Kafka's own tools as the baselines, in one
 * run. Not a test: it prints figures, ratios and verdicts.
 */
public final class EventsBenchmark {

    static final String TOPIC = "bench-events";
    /** The relay and drain phases' rows go here, so that the read-model phase's consumer starts on an empty topic. */
    static final String BULK_TOPIC = "bench-bulk";
    static final String TYPE = "augenhoehe.bench.happened.v1";
    static final int RECORD_SIZE = 1024;

    private final Map<String, String> options;
    private final Path work;
    private final String classpath;
    private final String toolsClasspath;
    private final List<String> summary = new ArrayList<>();
    private LocalPostgres postgres;
    private Broker broker;
    private HikariDataSource producerSide;
    private HikariDataSource consumerSide;
    /** The consumer's offset commits: synchronous before step (f), as the platform's default now has them otherwise. */
    private boolean syncCommits;

    private EventsBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("--work", "work")).toAbsolutePath();
        this.classpath = options.getOrDefault("--cp", System.getProperty("java.class.path"));
        this.toolsClasspath = options.get("--tools-cp");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        new EventsBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        boolean quick = options.containsKey("--quick");
        int relayEvents = intOption("--relay-events", quick ? 20_000 : 200_000);
        int backlog = intOption("--backlog", quick ? 50_000 : 1_000_000);
        int rate = intOption("--rate", 500);
        int seconds = intOption("--seconds", quick ? 10 : 30);
        String phases = options.getOrDefault("--phases", "baseline,relay,latency,drain");
        System.out.printf("Event backbone benchmark, %s — %d cores, load %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(), load());
        System.out.printf("relay settings: batch %d, poll interval %s, producer linger %s ms; consumer concurrency %s%n",
                relaySettings().getBatchSize(), relaySettings().getPollInterval(),
                producerProps().getOrDefault(ProducerConfig.LINGER_MS_CONFIG, "5 (default)"),
                Integer.getInteger("bench.consumer-concurrency", 1));
        start();
        try {
            if (phases.contains("baseline") || phases.contains("relay")) {
                double baseline = phases.contains("baseline") ? producerPerfTest(relayEvents) : Double.NaN;
                if (phases.contains("relay")) {
                    relayThroughput(Math.max(10_000, relayEvents / 5), 1, "warm-up (not counted)"); // the relay's code compiled, as in a running service
                    for (int relays : new int[] {1, 2}) {
                        double rateOf = relayThroughput(relayEvents, relays, "");
                        verdict(String.format("relay throughput, %d relay(s): %,.0f events/s (%.0f %% of Kafka's %,.0f records/s)",
                                relays, rateOf, 100 * rateOf / baseline, baseline), rateOf >= 5_000 && rateOf >= 0.5 * baseline);
                    }
                }
            }
            if (phases.contains("latency")) {
                // --consumer-transactions partition,poll: the same phase first with one transaction per partition of a
                // poll (the listener before step f, emulated) and then as the listener does it, at the same load
                // (--consumer-transactions sync: one per poll, the offsets committed synchronously, before step f too)
                for (String per : options.getOrDefault("--consumer-transactions", "poll").split(",")) {
                    ConsumerProbe.perPartition = per.equals("partition");
                    syncCommits = !per.equals("poll");
                    commitToReadModel(rate, seconds);
                }
            }
            if (phases.contains("drain")) {
                backlogDrain(backlog);
            }
        } finally {
            System.out.println();
            System.out.println("Summary (load at the end " + load() + "):");
            summary.forEach(s -> System.out.println("  " + s));
            stop();
        }
    }

    // --- servers -------------------------------------------------------------------------------------------------

    private void start() throws Exception {
        // --postgres-data / --kafka-dir: the servers' data elsewhere, e.g. on a tmpfs to tell the shared disk's share
        // in the writers' latency during a drain (README, experiment j)
        Path postgresData = Path.of(options.getOrDefault("--postgres-data", work.resolve("postgres/data").toString()));
        Path kafkaDir = Path.of(options.getOrDefault("--kafka-dir", work.resolve("kafka").toString()));
        deleteRecursively(postgresData); // the unpacked binaries stay: unpacking them costs a minute here
        deleteRecursively(kafkaDir);
        // shared_buffers like a real server's for a million-row table, as the search benchmark does
        System.setProperty("augenhoehe.postgres.shared-buffers", options.getOrDefault("--shared-buffers", "512MB"));
        postgres = new LocalPostgres(postgresData, work.resolve("postgres/binaries"), FreePorts.next()).start();
        postgres.ensureDatabase("bench_producer", "bench", "bench");
        postgres.ensureDatabase("bench_consumer", "bench", "bench");
        if (options.containsKey("--auto-explain-ms")) {
            autoExplain(intOption("--auto-explain-ms", 1000));
        }
        producerSide = dataSource("bench_producer", 12);
        consumerSide = dataSource("bench_consumer", 4);
        for (DataSource ds : List.of(producerSide, consumerSide)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/platform").load().migrate();
        }
        new JdbcTemplate(producerSide).execute("create table bench_source (id text primary key, n bigint not null)");
        new JdbcTemplate(consumerSide).execute("create table bench_projection (id text primary key, n bigint not null, applied_at timestamptz not null)");
        broker = new Broker(kafkaDir, FreePorts.next(), FreePorts.next());
        broker.start();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1), new NewTopic(TOPIC + EventConsumers.DLT_SUFFIX, 6, (short) 1),
                    new NewTopic(BULK_TOPIC, 6, (short) 1), new NewTopic("bench-perf", 6, (short) 1), new NewTopic("bench-e2e", 1, (short) 1))).all().get();
        }
        System.out.printf("PostgreSQL on %d, Kafka on %s%n", postgres.port(), broker.bootstrap());
    }

    private void stop() {
        if (broker != null) {
            broker.stop();
        }
        if (producerSide != null) {
            producerSide.close();
            consumerSide.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    /**
     * The plan of every statement of the benchmark's role slower than the threshold, in PostgreSQL's log (printed at
     * INFO by the embedded server's logger): for the slow drains, whose relay statements were on a core for a minute.
     */
    private void autoExplain(int thresholdMs) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("bench_producer"), "postgres", "");
                var st = c.createStatement()) {
            st.execute("alter role bench set session_preload_libraries = 'auto_explain'");
            st.execute("alter role bench set auto_explain.log_min_duration = '" + thresholdMs + "ms'");
            st.execute("alter role bench set auto_explain.log_analyze = on");
            st.execute("alter role bench set auto_explain.log_buffers = on");
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.INFO);
        System.out.printf("auto_explain: plans of statements slower than %d ms in the log%n", thresholdMs);
    }

    private HikariDataSource dataSource(String database, int size) {
        return dataSource(database, size, "bench");
    }

    private HikariDataSource dataSource(String database, int size, String applicationName) {
        HikariConfig c = new HikariConfig();
        c.addDataSourceProperty("ApplicationName", applicationName);
        c.setJdbcUrl(postgres.jdbcUrl(database));
        c.setUsername("bench");
        c.setPassword("bench");
        c.setMaximumPoolSize(size);
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(c);
    }

    /** The broker as {@code ./platform} runs it: {@code LocalServersMain kafka} in a JVM of its own, same options. */
    private final class Broker {
        private final Path dir;
        private final int port;
        private final int controllerPort;
        private Process process;

        Broker(Path dir, int port, int controllerPort) {
            this.dir = dir;
            this.port = port;
            this.controllerPort = controllerPort;
        }

        String bootstrap() {
            return "127.0.0.1:" + port;
        }

        void start() throws IOException, InterruptedException {
            Path log = work.resolve("kafka.log");
            Files.writeString(log, "");
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    // the benchmark's log settings (warnings only): the broker's INFO lines would cost CPU in the measurement
                    "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
            cmd.addAll(List.of("-cp", classpath, "de.augenhoehe.localservers.LocalServersMain", "kafka", "--dir", dir.toString(),
                    "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort)));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process p = process;
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(log).contains("READY kafka")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not start, see " + log);
                }
                Thread.sleep(100);
            }
        }

        void stop() {
            if (process != null) {
                process.destroy(); // SIGTERM: the shutdown hook stops the broker cleanly
                try {
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }
    }

    // --- baselines (Kafka's own tools, in JVMs of their own) -----------------------------------------------------------

    private double producerPerfTest(int records) throws Exception {
        List<String> args = new ArrayList<>(List.of("--topic", "bench-perf", "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(RECORD_SIZE), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + broker.bootstrap(), "acks=all", "enable.idempotence=true"));
        producerProps().forEach((k, v) -> args.add(k + "=" + v));
        String out = tool("org.apache.kafka.tools.ProducerPerformance", args);
        Matcher m = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec.*").matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        if (last == null) {
            throw new IllegalStateException("kafka-producer-perf-test printed no result:\n" + out);
        }
        System.out.println("baseline kafka-producer-perf-test (" + records + " × " + RECORD_SIZE + " B, acks=all, idempotence): " + last);
        Matcher r = Pattern.compile("([\\d.]+) records/sec").matcher(last);
        r.find();
        double perSecond = Double.parseDouble(r.group(1));
        summary.add(String.format("baseline: kafka-producer-perf-test %,.0f records/s", perSecond));
        return perSecond;
    }

    private String tool(String mainClass, List<String> args) throws Exception {
        if (toolsClasspath == null) {
            throw new IllegalStateException("--tools-cp (the kafka-tools classpath) is needed for the baselines");
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp", toolsClasspath, mainClass));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " failed:\n" + out);
        }
        return out;
    }

    // --- relay throughput -------------------------------------------------------------------------------------------

    private double relayThroughput(int events, int relays, String label) throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(producerSide);
        jdbc.execute("truncate outbox_event");
        prefill(events);
        jdbc.execute("vacuum analyze outbox_event");
        List<HikariDataSource> pools = new ArrayList<>();
        List<OutboxRelay> running = new ArrayList<>();
        String loadBefore = load();
        long cpuBefore = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < relays; i++) {
            HikariDataSource ds = dataSource("bench_producer", 2); // a relay instance of its own, with its own connections
            pools.add(ds);
            OutboxRelay relay = relay(ds);
            relay.start();
            running.add(relay);
        }
        long elapsed = awaitEmpty(jdbc, Duration.ofMinutes(10), 100) - t0;
        long cpu = processCpuNanos() - cpuBefore;
        running.forEach(OutboxRelay::stop);
        pools.forEach(HikariDataSource::close);
        double perSecond = events / (elapsed / 1e9);
        System.out.printf("relay, %d instance(s)%s: %,d events in %.2f s = %,.0f events/s; relay JVM CPU %.1f µs/event; load %s → %s%n",
                relays, label.isEmpty() ? "" : " " + label, events, elapsed / 1e9, perSecond, cpu / 1e3 / events, loadBefore, load());
        return perSecond;
    }

    /** Committed outbox rows of 1 KB (the JSON data), 10,000 aggregates, written server-side in chunks. */
    private void prefill(int events) {
        JdbcTemplate jdbc = new JdbcTemplate(producerSide);
        long t0 = System.nanoTime();
        for (int from = 1; from <= events; from += 100_000) {
            int to = Math.min(events, from + 99_999);
            jdbc.update("""
                    insert into outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, shard)
                    select gen_random_uuid()::text, ?, 'aggregate-' || (i % 10000), ?, '/augenhoehe/bench', now(),
                           '{"n":' || i || ',"pad":"' || repeat('x', ? - 15 - length(i::text)) || '"}', (i % 10000) % 16
                    from generate_series(?::int, ?::int) i""", BULK_TOPIC, TYPE, RECORD_SIZE, from, to);
        }
        System.out.printf("  %,d outbox rows written in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
    }

    /** Returns the nanoTime at which no pending row was left. */
    private long awaitEmpty(JdbcTemplate jdbc, Duration limit, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (anyPending(jdbc)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("outbox not empty after " + limit + ": " + pending(jdbc) + " pending");
            }
            Thread.sleep(pollMillis);
        }
        return System.nanoTime();
    }

    private static long pending(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from outbox_pending", Long.class);
    }

    /**
     * Whether any row waits, by the relay's own probe (an open window, or a row of a transaction the relayed snapshot does
     * not see): a few index probes, where counting {@code outbox_pending} read every row of a backlog — with a million
     * rows about five seconds of a core, asked several times a second by the phases, which the writers measured during a
     * drain then waited behind (step h).
     */
    private static boolean anyPending(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select exists (select 1 from outbox_relay_cursor c where c.window_snapshot is not null or exists (
                  select 1 from outbox_event e where e.shard = c.shard and e.xid >= pg_snapshot_xmin(c.relayed_snapshot)
                    and not pg_visible_in_snapshot(e.xid, c.relayed_snapshot)))""", Boolean.class);
    }

    private OutboxRelay relay(DataSource ds) {
        return relay(ds, false);
    }

    /**
     * {@code probed}: the send of every event is timed (the read-model phase's split) — only there: kept for the million
     * events of a drain, the times grew the JVM's live data by 160 MB, and its collections paused the writers (step h).
     */
    private OutboxRelay relay(DataSource ds, boolean probed) {
        Map<String, Object> producer = new HashMap<>(producerProps());
        if (probed) {
            producer.putIfAbsent(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumerProbe.Sends.class.getName());
        }
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return new OutboxRelay(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                () -> RelayProducer.create(producer), relaySettings(), new SimpleMeterRegistry());
    }

    /** The relay's defaults (as a service runs it) unless overridden: -Dbench.batch-size, -Dbench.poll-interval-ms. */
    private static EventsProperties.Relay relaySettings() {
        EventsProperties.Relay settings = new EventsProperties.Relay();
        settings.setBatchSize(Integer.getInteger("bench.batch-size", settings.getBatchSize()));
        settings.setPollInterval(Duration.ofMillis(Long.getLong("bench.poll-interval-ms", settings.getPollInterval().toMillis())));
        return settings;
    }

    /** Producer settings on top of the relay's own defaults: -Dbench.linger-ms, -Dbench.batch-bytes. */
    private static Map<String, Object> producerProps() {
        Map<String, Object> props = new HashMap<>();
        if (System.getProperty("bench.linger-ms") != null) {
            props.put(ProducerConfig.LINGER_MS_CONFIG, System.getProperty("bench.linger-ms"));
        }
        if (System.getProperty("bench.batch-bytes") != null) {
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, System.getProperty("bench.batch-bytes"));
        }
        props.putAll(prefixed("bench.producer."));
        return props;
    }

    /** Kafka client settings for experiments, e.g. -Dbench.consumer.fetch.max.wait.ms=10 or -Dbench.producer.linger.ms=0. */
    private static Map<String, Object> prefixed(String prefix) {
        Map<String, Object> props = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> props.put(n.substring(prefix.length()), System.getProperty(n)));
        return props;
    }

    // --- commit → read model ------------------------------------------------------------------------------------------

    private void commitToReadModel(int rate, int seconds) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(producerSide);
        jdbc.execute("truncate outbox_event");
        Map<String, Long> effects = new ConcurrentHashMap<>();
        EventConsumers consumers = consumers(effects);
        consumers.start();
        OutboxRelay relay = relay(producerSide, true);
        relay.start();
        Writer writer = new Writer(relay);
        try {
            awaitAssignment(writer, effects);
            writer.run(rate, Math.max(5, seconds / 3), "warm-up");
            awaitEffects(writer, effects);
            writer.reset();
            ConsumerProbe.reset();
            String loadBefore = load();
            writer.run(rate, seconds, "measured");
            awaitEffects(writer, effects);
            long[] lat = new long[writer.commits.size()];
            int i = 0;
            for (var e : writer.commits.entrySet()) {
                lat[i++] = effects.get(e.getKey()) - e.getValue();
            }
            Arrays.sort(lat);
            double p50 = ms(percentile(lat, 50)), p99 = ms(percentile(lat, 99));
            System.out.printf("commit → read model (one transaction per %s) at %d commits/s for %d s (%,d events): p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                    + " the commits themselves: p50 %.1f ms, p99 %.1f ms; load %s → %s%n",
                    (ConsumerProbe.perPartition ? "partition of a poll" : "poll") + (syncCommits ? ", offsets committed synchronously" : ""), rate, seconds, lat.length, p50, p99,
                    ms(lat[lat.length - 1]), writer.p(50), writer.p(99), loadBefore, load());
            stages(jdbc, writer.commits.keySet());
            consumerStages(writer.commits, effects);
            String[] e2e = endToEndLatency(Math.min(10_000, rate * seconds));
            verdict(String.format("commit → read model p50: %.1f ms (Kafka EndToEndLatency p50 %s ms)", p50, e2e[0]), p50 <= 20);
            verdict(String.format("commit → read model p99: %.1f ms (Kafka EndToEndLatency p99 %s ms)", p99, e2e[1]), p99 <= 100);
        } finally {
            writer.close();
            relay.stop();
            consumers.stop();
        }
    }

    /**
     * Where the time goes: from the event's time (taken just before the commit) to the consumer's transaction start,
     * from the databases' clocks (one machine, one clock). The relay's own stage is not recorded any more: since step
     * (e) of the README the relay writes no relayed row, so there is no per-row relay time to read.
     */
    private void stages(JdbcTemplate producer, Set<String> ids) {
        Map<String, Double> occurred = new HashMap<>();
        producer.query("select event_id, extract(epoch from occurred_at) o from outbox_event where topic = ?",
                rs -> {
                    occurred.put(rs.getString(1), rs.getDouble(2));
                }, TOPIC);
        List<Double> toConsumer = new ArrayList<>();
        new JdbcTemplate(consumerSide).query("select event_id, extract(epoch from consumed_at) from consumed_event", rs -> {
            String id = rs.getString(1);
            if (ids.contains(id) && occurred.containsKey(id)) {
                toConsumer.add(1000 * (rs.getDouble(2) - occurred.get(id)));
            }
        });
        toConsumer.sort(null);
        System.out.printf("  stages (ms after the event's time): consumer's transaction p50 %.1f / p99 %.1f%n",
                at(toConsumer, 50), at(toConsumer, 99));
    }

    /** The consumer's stage split on this JVM's clock ({@link ConsumerProbe}), p50 / p99 of each step. */
    private static void consumerStages(Map<String, Long> commits, Map<String, Long> effects) {
        List<String> ids = commits.keySet().stream().filter(ConsumerProbe.handled::containsKey).toList();
        List<Double> gaps = ConsumerProbe.gapsBetweenPolls.stream().map(n -> n / 1e6).sorted().toList();
        List<Double> offsetCommits = ConsumerProbe.offsetCommits.stream().map(n -> n / 1e6).sorted().toList();
        System.out.printf("  consumer split (ms, %,d events; %,d polls, %.1f records and %.2f runs per poll, gap between polls"
                + " p50 %.1f, offset commit after the poll's last transaction p50 %.1f / p99 %.1f):%n",
                ids.size(), ConsumerProbe.polls.get(), (double) ConsumerProbe.records.get() / ConsumerProbe.polls.get(),
                (double) ConsumerProbe.runs.get() / ConsumerProbe.polls.get(), at(gaps, 50), at(offsetCommits, 50), at(offsetCommits, 99));
        split("commit → relay's send()", ids, commits, ConsumerProbe.sent);
        split("send() → poll() returned it", ids, ConsumerProbe.sent, ConsumerProbe.polled);
        split("poll → its run's transaction", ids, ConsumerProbe.polled, ConsumerProbe.runStarted);
        split("transaction start → handler", ids, ConsumerProbe.runStarted, ConsumerProbe.handled);
        split("handler → effect committed", ids, ConsumerProbe.handled, effects);
        split("effect → run returned", ids, effects, ConsumerProbe.runEnded);
    }

    private static void split(String label, List<String> ids, Map<String, Long> from, Map<String, Long> to) {
        List<Double> d = ids.stream().filter(id -> from.containsKey(id) && to.containsKey(id))
                .map(id -> (to.get(id) - from.get(id)) / 1e6).sorted().toList();
        System.out.printf("    %-32s p50 %6.1f / p99 %6.1f%n", label, at(d, 50), at(d, 99));
    }

    private static double at(List<Double> sorted, int percent) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** The consumer side as a service has it: the platform's listener containers and idempotent processor, a projection table. */
    private EventConsumers consumers(Map<String, Long> effects) {
        JdbcTemplate jdbc = new JdbcTemplate(consumerSide);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(consumerSide));
        EventHandler projection = new EventHandler() {
            @Override
            public String topic() {
                return TOPIC;
            }

            @Override
            public Set<String> eventTypes() {
                return Set.of(TYPE);
            }

            @Override
            public void handle(ReceivedEvent event) {
                jdbc.update("""
                        insert into bench_projection (id, n, applied_at) values (?, ?, now())
                        on conflict (id) do update set n = excluded.n, applied_at = excluded.applied_at""",
                        event.subject(), event.data().get("n").asLong());
                String id = event.id();
                ConsumerProbe.handled.put(id, System.nanoTime());
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        effects.put(id, System.nanoTime()); // visible to readers of the projection from here on
                    }
                });
            }
        };
        EventProcessors processors = new EventProcessors(List.of(projection),
                byType -> ConsumerProbe.processor(jdbc, tx, JsonMapper.builder().build(), byType));
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumerProbe.class.getName());
        consumer.putAll(prefixed("bench.consumer."));
        Map<String, Object> dlt = RelayProducer.effective(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
        var dltTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(dlt, new StringSerializer(), new ByteArraySerializer()));
        EventsProperties.Consumer settings = new EventsProperties.Consumer();
        settings.setConcurrency(Integer.getInteger("bench.consumer-concurrency", settings.getConcurrency()));
        settings.setSyncCommits(syncCommits);
        return new EventConsumers(processors, consumer, "bench-consumer", dltTemplate, settings,
                new SimpleMeterRegistry(), ObservationRegistry.NOOP);
    }

    /** One event through, so that the partitions are assigned before anything is timed. */
    private void awaitAssignment(Writer writer, Map<String, Long> effects) throws InterruptedException {
        writer.commitOne(0);
        awaitEffects(writer, effects);
        writer.reset();
    }

    /** Waits (up to 15 minutes: a saturated consumer is a result, not an error) until every event's effect is there. */
    private static void awaitEffects(Writer writer, Map<String, Long> effects) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (!effects.keySet().containsAll(writer.commits.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projection did not receive every event within 15 minutes");
            }
            Thread.sleep(50);
        }
    }

    private String[] endToEndLatency(int messages) throws Exception {
        String out = tool("org.apache.kafka.tools.EndToEndLatency",
                List.of(broker.bootstrap(), "bench-e2e", String.valueOf(messages), "all", String.valueOf(RECORD_SIZE)));
        Matcher m = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)").matcher(out);
        Matcher avg = Pattern.compile("Avg latency: ([\\d.]+) ms").matcher(out);
        if (!m.find() || !avg.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        System.out.printf("baseline Kafka EndToEndLatency (%,d × %d B, acks=all, one at a time): avg %s ms, p50 %s ms, p99 %s ms, p99.9 %s ms%n",
                messages, RECORD_SIZE, avg.group(1), m.group(1), m.group(2), m.group(3));
        return new String[] {m.group(1), m.group(2)};
    }

    /**
     * A service's write: a row of its own and its event in one transaction, at a fixed rate (open loop: each commit is
     * timed from its scheduled start, so a stall is not hidden by fewer requests).
     */
    private final class Writer implements AutoCloseable {
        final Map<String, Long> commits = new ConcurrentHashMap<>();
        final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong failures = new AtomicLong();
        private final JdbcTemplate jdbc = new JdbcTemplate(producerSide);
        private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(producerSide));
        private final OutboxEventPublisher publisher;
        private final ExecutorService pool = Executors.newFixedThreadPool(10); // like a service's Hikari pool
        private final AtomicLong sequence = new AtomicLong();

        Writer(OutboxRelay relay) {
            EventsProperties properties = new EventsProperties();
            properties.setTopic(TOPIC);
            properties.setValidateAgainstSchema(false);
            publisher = new OutboxEventPublisher(jdbc, JsonMapper.builder().build(), properties, "/augenhoehe/bench",
                    new EventSchemas(), new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class),
                    relay, Clock.systemUTC());
        }

        void run(int rate, int seconds, String label) throws InterruptedException {
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            int total = rate * seconds;
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                pool.execute(() -> {
                    try {
                        commitOne(scheduled);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                });
            }
            while (latencies.size() + failures.get() < total) {
                Thread.sleep(20);
            }
            if (failures.get() > 0) {
                System.out.printf("  %s: %d of %d commits failed%n", label, failures.get(), total);
            }
        }

        void commitOne(long scheduled) {
            long n = sequence.incrementAndGet();
            String key = "aggregate-" + (n % 10_000);
            long[] committedAt = new long[1];
            String id = tx.execute(status -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committedAt[0] = System.nanoTime(); // before the relay is woken (registered first)
                    }
                });
                jdbc.update("insert into bench_source (id, n) values (?, ?) on conflict (id) do update set n = excluded.n", key, n);
                return publisher.publish(TYPE, key, Map.of("n", n, "pad", "x".repeat(RECORD_SIZE - 30)));
            });
            commits.put(id, committedAt[0]);
            latencies.add(System.nanoTime() - (scheduled == 0 ? committedAt[0] : scheduled));
        }

        void reset() {
            commits.clear();
            latencies.clear();
            failures.set(0);
        }

        double p(int percent) {
            long[] l;
            synchronized (latencies) {
                l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            return l.length == 0 ? Double.NaN : ms(percentile(l, percent));
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    // --- backlog drain ----------------------------------------------------------------------------------------------

    private void backlogDrain(int events) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(producerSide);
        jdbc.execute("truncate outbox_event");
        // runs throughout, as in a service: fails and backs off while the broker is away; connections of its own, named,
        // so that the wait sampler tells its backends from the writers'
        HikariDataSource relayPool = dataSource("bench_producer", 2, "relay");
        OutboxRelay relay = relay(relayPool);
        relay.start();
        Writer writer = new Writer(relay);
        int writeRate = intOption("--drain-write-rate", 100);
        // the backlog gauges, refreshed every 5 s as in a service (step h: their count read the whole backlog)
        OutboxMetrics metrics = new OutboxMetrics(new JdbcTemplate(producerSide), Clock.systemUTC());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        metrics.bindTo(meters);
        Gauges gauge = new Gauges(metrics, meters, jdbc);
        try {
            // a warm-up first: in a run of this phase alone the baseline was the JVM's first seconds (108 ms p99)
            writer.run(writeRate, 5, "warm-up writes");
            writer.reset();
            try (WaitSampler waits = new WaitSampler()) {
                writer.run(writeRate, 10, "normal writes");
                waits.print("before the outage, no backlog");
            }
            double normal50 = writer.p(50), normal99 = writer.p(99);
            System.out.printf("writes at %d commits/s, broker up, no backlog: p50 %.1f ms, p99 %.1f ms%n", writeRate, normal50, normal99);
            awaitEmpty(jdbc, Duration.ofMinutes(1), 100);
            broker.stop();
            System.out.println("broker stopped; writing the backlog …");
            prefill(events);
            gauge.time("the whole backlog pending, broker down");
            long countStart = System.nanoTime();
            long every = jdbc.queryForObject("""
                    select count(*) from outbox_relay_cursor c cross join lateral (select * from outbox_event e
                      where e.shard = c.shard and e.xid >= pg_snapshot_xmin(c.relayed_snapshot) offset 0) e
                    where not outbox_relayed(e.xid, e.position, c)""", Long.class);
            System.out.printf("  counting every pending row as the gauge did before step h (V0_2's view): %,d in %.1f ms%n",
                    every, ms(System.nanoTime() - countStart));
            // for the slow drains (2 of 11 on 2026-12-07: the relay's probe on a core for a minute after the backlog was
            // gone): which transactions the backlog has, to compare with the cursors' oldest running one below
            System.out.println("  the backlog's transaction ids: " + jdbc.queryForObject(
                    "select min(xid::text::numeric) || ' – ' || max(xid::text::numeric) from outbox_event", String.class));
            long t0 = System.nanoTime();
            broker.start();
            double brokerStart = (System.nanoTime() - t0) / 1e9;
            writer.reset();
            AtomicBoolean drained = new AtomicBoolean();
            Thread drainWriter = Thread.ofPlatform().name("drain-writer").start(() -> {
                try {
                    while (!drained.get()) {
                        writer.run(writeRate, 1, "writes during the drain");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long done;
            try (WaitSampler waits = new WaitSampler()) {
                Thread readings = Thread.ofPlatform().name("gauge-readings").start(() -> gauge.readEvery(drained, Duration.ofSeconds(5)));
                done = awaitEmpty(jdbc, Duration.ofMinutes(20), 100);
                drained.set(true);
                drainWriter.join();
                readings.join();
                waits.print("during the drain");
            }
            gauge.print();
            double drain = (done - t0) / 1e9;
            System.out.printf("backlog of %,d: empty %.1f s after the broker was started (its start took %.1f s); writes during"
                    + " the drain (%,d): p50 %.1f ms, p99 %.1f ms (%d failed); load %s%n", events, drain, brokerStart,
                    writer.latencies.size(), writer.p(50), writer.p(99), writer.failures.get(), load());
            verdict(String.format("backlog drain (%,d rows): %.1f s after the broker starts (≤ 240 s)", events, drain), drain <= 240);
            summary.add(String.format("writes during the drain: p99 %.1f ms (p99 %.1f ms without backlog, broker up)", writer.p(99), normal99));
        } finally {
            metrics.destroy();
            writer.close();
            relay.stop();
            relayPool.close();
        }
    }

    /** The backlog gauges' readings during a drain (what an operator's dashboard shows) and the time of a refresh. */
    private static final class Gauges {
        private final OutboxMetrics metrics;
        private final SimpleMeterRegistry meters;
        private final JdbcTemplate jdbc;
        private final List<String> readings = java.util.Collections.synchronizedList(new ArrayList<>());

        Gauges(OutboxMetrics metrics, SimpleMeterRegistry meters, JdbcTemplate jdbc) {
            this.metrics = metrics;
            this.meters = meters;
            this.jdbc = jdbc;
        }

        void time(String when) {
            long t0 = System.nanoTime();
            metrics.refresh();
            System.out.printf("  backlog gauges refreshed in %.1f ms (%s): %s%n", ms(System.nanoTime() - t0), when, reading());
        }

        void readEvery(AtomicBoolean until, Duration period) {
            long t0 = System.nanoTime();
            while (!until.get()) {
                readings.add(String.format("%.0f s: %s; cursors: %s", (System.nanoTime() - t0) / 1e9, reading(), jdbc.queryForObject("""
                        select 'oldest running ' || min(pg_snapshot_xmin(relayed_snapshot)::text::numeric) || ', windows open '
                               || count(*) filter (where window_snapshot is not null) from outbox_relay_cursor""", String.class)));
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private String reading() {
            return String.format("backlog %.0f, oldest %.1f s", meters.get("augenhoehe.outbox.backlog").gauge().value(),
                    meters.get("augenhoehe.outbox.oldest.pending.age").gauge().value());
        }

        void print() {
            System.out.println("  backlog gauges during the drain (as refreshed every 5 s; NaN = no reading for 20 s): "
                    + String.join("; ", readings));
        }
    }

    /**
     * What the writers' and the relay's backends wait for, with and without a backlog (step f, the writes' p99): pg_stat_activity
     * every 10 ms on a connection of its own, counted by role, wait event and statement.
     */
    private final class WaitSampler implements AutoCloseable {
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        WaitSampler() {
            thread = Thread.ofPlatform().name("wait-sampler").start(() -> {
                try (var c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("bench_producer"), "bench", "bench");
                        var st = c.prepareStatement("""
                                select case when application_name = 'relay' then 'relay' else 'writer' end,
                                       coalesce(wait_event_type || ':' || wait_event, 'on CPU'),
                                       lower(split_part(query, ' ', 1)) || ' ' || lower(split_part(query, ' ', 3))
                                from pg_stat_activity where datname = 'bench_producer' and state = 'active'
                                  and pid <> pg_backend_pid() and query not like 'select count(*)%'""")) {
                    while (running) {
                        try (var rs = st.executeQuery()) {
                            while (rs.next()) {
                                counts.merge(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3), 1, Integer::sum);
                            }
                        }
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    System.out.println("  wait sampler stopped: " + e);
                }
            });
        }

        void print(String when) {
            System.out.println("  backends " + when + " (samples every 10 ms: role | wait | statement), most frequent:");
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("    %6d  %s%n", e.getValue(), e.getKey()));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private void verdict(String line, boolean met) {
        summary.add(line + " — " + (met ? "MET" : "MISSED"));
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int intOption(String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name).replace("_", "")) : fallback;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                o.put("--quick", "true");
            } else if (i + 1 < args.length) {
                o.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("option without a value: " + args[i]);
            }
        }
        return o;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
