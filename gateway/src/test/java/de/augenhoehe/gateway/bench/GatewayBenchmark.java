package de.augenhoehe.gateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

/**
 * Gateway overhead for a cheap authenticated GET: the same request directly at the service and through the gateway, in
 * one run, for two services: the real partner-service jar (its own PostgreSQL and Kafka from infra/local-servers, demo
 * data; {@code GET /api/working-groups/{id}} as a coordinator of the group's network) and a Netty stand-in answering a
 * fixed JSON body (no work at all: the worst case for the ratio). The real gateway jar runs as its own process with
 * JWT validation (RS256 key generated here; service and gateway trust the same key and issuer) and rate limiting on —
 * the benchmark client's bucket raised so that it never empties (every request still takes a token from it). For each
 * service: maximum throughput (closed loop, 16 connections), and latency at a fixed rate (open loop: each request is
 * timed from its scheduled start, so a stall counts for every request it delays). CPU time per request of the gateway
 * (and of the real service) comes from /proc/PID/stat.
 *
 * <p>Arguments: {@code --quick} (shorter phases), {@code --rate R} (default 500), {@code --seconds S} per open-loop phase
 * (default 20), {@code --runs N} (the measurement repeated, medians and spreads printed), {@code --stand-in-only},
 * {@code --jar PATH} (the gateway jar), {@code --candidate-jar PATH} (the WebMVC candidate, measured beside it), {@code --partner-jar PATH},
 * {@code --local-servers-cp CLASSPATH} (infra/local-servers with its dependencies), {@code --work DIR}. Environment:
 * {@code GATEWAY_JAVA_OPTS} (extra JVM options of the gateway, e.g. a flight recording), {@code SERVICE_JAVA_OPTS} (of
 * partner-service).
 */
public final class GatewayBenchmark {

    static final byte[] BODY = ("{\"id\":\"0d3e4a52-7c1b-4f0e-9a61-000000000001\",\"name\":\"Arbeitskreis Fachkräfte\",\"networkId\":"
            + "\"0d3e4a52-7c1b-4f0e-9a61-000000000001\",\"topic\":\"Ausbildung\",\"members\":12,\"status\":\"ACTIVE\","
            + "\"createdAt\":\"2026-01-15T09:30:00Z\"}").getBytes(StandardCharsets.UTF_8);

    /** A working group of the demo data (partner-service DemoWorkingGroups), in the Heilbronn network. */
    static final String REAL_PATH = "/api/working-groups/0d3e4a52-7c1b-4f0e-9a61-0000000000a1";
    /** A path the gateway routes to measures-service, here the stand-in (needs a token: no anonymous rule covers it). */
    static final String STAND_IN_PATH = "/api/monitor/bench";
    static final String HEILBRONN = "0d3e4a52-7c1b-4f0e-9a61-000000000001";

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean real = !Arrays.asList(args).contains("--stand-in-only");
        int rate = Integer.parseInt(arg(args, "--rate", "500"));
        int seconds = Integer.parseInt(arg(args, "--seconds", quick ? "8" : "20"));
        int maxSeconds = quick ? 5 : 10;
        // repetitions of the whole measurement after one warm-up; the summary gives each figure's median and spread
        int runs = Integer.parseInt(arg(args, "--runs", "1"));
        // closed-loop callers for the maximum throughput; each side's best level counts (16 callers left the path through the
        // gateway short of saturation: every request waits longer there, so fewer were in the service at a time)
        int[] connections = Arrays.stream(arg(args, "--connections", "16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        cpus = Cpus.parse(arg(args, "--cpus", null));
        cpus.pinLoadGenerator();
        Path jar = Path.of(arg(args, "--jar", "gateway/target/gateway.jar"));
        Path work = Path.of(arg(args, "--work", "infra/benchmarks/gateway/work"));
        Files.createDirectories(work);

        KeyPair key = rsa();
        Path pem = work.resolve("bench-public.pem");
        Files.writeString(pem, pem("PUBLIC KEY", key.getPublic().getEncoded()));
        Path privatePem = work.resolve("bench-private.pem");
        Files.writeString(privatePem, pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        int gatewayPort = freePort();
        // an OpenID issuer is a URL: the gateway's, as ./platform does
        String issuer = "http://127.0.0.1:" + gatewayPort;
        String token = token(key, issuer);

        // the worst-case stand-in: Reactor Netty, a fixed JSON answer for every path (readiness included)
        DisposableServer standIn = reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(BODY.length)).sendByteArray(Mono.just(BODY)))
                .bindNow();
        String standInBase = "http://127.0.0.1:" + standIn.port();

        List<Process> processes = new ArrayList<>();
        try {
            String partnerBase = standInBase;
            Process partner = null;
            if (real) {
                partner = RealService.start(arg(args, "--partner-jar", "partner-service/target/partner-service.jar"),
                        arg(args, "--local-servers-cp", null), work, pem, privatePem, issuer, processes);
                partnerBase = RealService.base;
            }
            // today's WebFlux gateway, and (with --candidate-jar) the WebMVC candidate with the same configuration
            List<Gateway> gateways = new ArrayList<>();
            Process webflux = startGateway(jar, work, "gateway.log", gatewayPort, partnerBase, standInBase, pem, issuer);
            processes.add(webflux);
            gateways.add(new Gateway("WebFlux", webflux, "http://127.0.0.1:" + gatewayPort));
            String candidateJar = arg(args, "--candidate-jar", null);
            if (candidateJar != null) {
                int candidatePort = freePort();
                Process webmvc = startGateway(Path.of(candidateJar), work, "gateway-webmvc.log", candidatePort, partnerBase, standInBase, pem, issuer);
                processes.add(webmvc);
                gateways.add(new Gateway("WebMVC", webmvc, "http://127.0.0.1:" + candidatePort));
            }
            for (Gateway g : gateways) {
                awaitReady(g.base(), g.process());
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newFixedThreadPool(4)).build();
            System.out.printf(Locale.ROOT, "%nGateway benchmark, %s; JWT validation (RS256) and rate limiting on in the gateway%n", Instant.now());
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                    + " " + System.getProperty("java.vm.version") + "; load average before: " + loadAverage());
            System.out.println("gateways: " + gateways.stream().map(Gateway::name).toList() + "; runs: " + runs + (quick ? " (quick phases)" : ""));
            List<Target> targets = new ArrayList<>();
            if (real) {
                targets.add(new Target("real partner-service", partnerBase, REAL_PATH, partner, "AG Ausbildung"));
            }
            targets.add(new Target("stand-in (worst case)", standInBase, STAND_IN_PATH, null, "Arbeitskreis"));
            for (Target t : targets) {
                check(http, t.direct(), t.path(), token, t.expected());
                for (Gateway g : gateways) {
                    check(http, g.base(), t.path(), token, t.expected());
                }
            }
            // Until the JIT is done: a 2-core machine compiles for minutes, and compiler threads measured as request CPU
            // made the same gateway look twice as expensive from one run to the next (0.56 – 1.25 ms per request).
            for (Target t : targets) {
                System.out.println();
                System.out.println("warming up (JIT): " + t.label() + ", GET " + t.path());
                warmUp(http, t.direct() + t.path(), token, t.service() == null ? null : t.service().pid(), quick, connections, rate);
                for (Gateway g : gateways) {
                    warmUp(http, g.base() + t.path(), token, g.process().pid(), quick, connections, rate);
                }
            }
            Summary summary = new Summary(rate);
            for (int run = 1; run <= runs; run++) {
                // the gateways take turns at going first, so that neither always meets the machine as the other left it
                List<Gateway> order = new ArrayList<>(gateways);
                if (run % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Target t : targets) {
                    System.out.println();
                    System.out.printf(Locale.ROOT, "== run %d of %d: %s, GET %s (load %s)%n", run, runs, t.label(), t.path(), loadAverage());
                    Phase direct = measure(http, t.direct() + t.path(), token, connections, maxSeconds, rate, seconds, null, t.service());
                    for (Gateway g : order) {
                        Phase through = measure(http, g.base() + t.path(), token, connections, maxSeconds, rate, seconds, g.process(), t.service());
                        summary.add(run, t.label(), g.name(), direct, through, loadAverage());
                    }
                }
            }
            System.out.println();
            summary.print(System.out);
            System.out.println("machine load average after: " + loadAverage() + " (2 cores: figures taken while other work runs are distorted)");
        } finally {
            for (int i = processes.size() - 1; i >= 0; i--) {
                Process p = processes.get(i);
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            standIn.disposeNow();
        }
        System.exit(0);
    }

    record Gateway(String name, Process process, String base) {
    }

    /** What is measured: a service directly and through each gateway. {@code service}: its process, if it is one of its own. */
    record Target(String label, String direct, String path, Process service, String expected) {
    }

    /**
     * One side's figures in one run: maximum throughput (the best caller level) and latencies at the fixed rate, with the
     * CPU time per request of the gateway (if any) and of the service (if it is a process of its own) in each phase, and
     * the gateway's JIT compiler CPU during both.
     */
    record Phase(double maxRps, int callers, double gatewayCpuMax, double serviceCpuMax, Latencies atRate, double gatewayCpuRate,
            double serviceCpuRate, long jitMillis, long gatewayCpuMillis) {
    }

    static Phase measure(HttpClient http, String url, String token, int[] connections, int maxSeconds, int rate, int seconds,
            Process gateway, Process service) throws Exception {
        Long gw = gateway == null ? null : gateway.pid();
        Long svc = service == null ? null : service.pid();
        long jit0 = gw == null ? 0 : jitMillis(gw);
        Max max = best(http, url, token, connections, maxSeconds, gw, svc);
        long[] cpu0 = cpu(gw, svc);
        Latencies atRate = openLoop(http, url, token, rate, seconds);
        long[] cpu1 = cpu(gw, svc);
        long jit = gw == null ? 0 : jitMillis(gw) - jit0;
        double requests = max.rps() * maxSeconds;
        return new Phase(max.rps(), max.connections(), max.gatewayCpuMillis() / requests, max.serviceCpuMillis() / requests, atRate,
                (double) (cpu1[0] - cpu0[0]) / atRate.count(), (double) (cpu1[1] - cpu0[1]) / atRate.count(), jit,
                max.gatewayCpuMillis() + cpu1[0] - cpu0[0]);
    }

    /** CPU milliseconds of the gateway and of the service so far (0 for an absent one). */
    static long[] cpu(Long gateway, Long service) throws IOException {
        return new long[] {gateway == null ? 0 : cpuMillis(gateway), service == null ? 0 : cpuMillis(service)};
    }

    /**
     * {@code --cpus load=0-1,gateway=2-3,service=4-5}: the load generator (with the stand-in), the gateway, and the real
     * service with its PostgreSQL and Kafka each on cores of their own ({@code taskset}), so that the gateway's cost is
     * not taken from the service's cores. Only meaningful with enough cores: two cores shared out this way starve the
     * service (README). Without the option nothing is pinned.
     */
    record Cpus(String load, String gateway, String service) {
        static Cpus parse(String spec) {
            if (spec == null) {
                return NONE;
            }
            Map<String, String> groups = new HashMap<>();
            for (String part : spec.split(",(?=[a-z])")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || !List.of("load", "gateway", "service").contains(kv[0]) || !kv[1].matches("[0-9,-]+")) {
                    throw new IllegalArgumentException("--cpus load=<list>,gateway=<list>,service=<list>, e.g. load=0-1,gateway=2-3,service=4-5");
                }
                groups.put(kv[0], kv[1]);
            }
            return new Cpus(groups.get("load"), groups.get("gateway"), groups.get("service"));
        }

        static final Cpus NONE = new Cpus(null, null, null);

        /** The command, started on the listed cores when there is a list ({@code taskset} execs it: same process). */
        static List<String> pinned(String list, String... command) {
            List<String> all = new ArrayList<>(list == null ? List.of() : List.of("taskset", "-c", list));
            all.addAll(List.of(command));
            return all;
        }

        void pinLoadGenerator() throws Exception {
            if (load != null) {
                // every thread so far; threads started later inherit it
                new ProcessBuilder("taskset", "-a", "-c", "-p", load, Long.toString(ProcessHandle.current().pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                System.out.println("pinned: load generator " + load + ", gateway " + gateway + ", service side " + service);
            }
        }
    }

    static Cpus cpus = Cpus.NONE;

    static Process startGateway(Path jar, Path work, String log, int port, String partner, String standIn, Path pem, String issuer)
            throws IOException {
        List<String> command = Cpus.pinned(cpus.gateway(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m");
        // extra JVM options for the gateway, e.g. a flight recording: GATEWAY_JAVA_OPTS="-XX:StartFlightRecording=..."
        command.addAll(extraJavaOptions("GATEWAY_JAVA_OPTS"));
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--augenhoehe.gateway.services.partner=" + partner,
                "--augenhoehe.gateway.services.vacancy=" + standIn,
                "--augenhoehe.gateway.services.measures=" + standIn,
                "--augenhoehe.gateway.services.outreach=" + standIn,
                "--augenhoehe.security.jwt.public-key-location=" + pem.toUri(),
                "--augenhoehe.security.jwt.issuer=" + issuer,
                // rate limiting stays on; the benchmark client's bucket is raised so that it never empties
                "--augenhoehe.gateway.rate-limits.authenticated.capacity=100000000",
                "--augenhoehe.gateway.rate-limits.authenticated.refill-per-second=100000000",
                // on a loaded 2-core machine a health check may take longer than the production 2 s; don't let that
                // take the only instance out in the middle of a measurement
                "--augenhoehe.gateway.health-check.timeout=10s"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
    }

    /** JVM options from an environment variable, split at white space; none when it is unset. */
    static List<String> extraJavaOptions(String variable) {
        String extra = System.getenv(variable);
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    static void awaitReady(String base, Process gateway) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException(base + " ended before it was ready; see its log under work/");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(base + " did not get ready in 300 s");
    }

    static void check(HttpClient http, String base, String path, String token, String expected) throws Exception {
        HttpResponse<String> r = http.send(request(base + path, token), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains(expected)) {
            throw new IllegalStateException(base + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
    }

    /** The best closed-loop throughput over the caller levels, with the CPU time the gateway and the service (if any) used at that level. */
    record Max(double rps, int connections, long gatewayCpuMillis, long serviceCpuMillis) {
    }

    static Max best(HttpClient http, String url, String token, int[] connections, int seconds, Long gateway, Long service) throws Exception {
        Max best = new Max(0, 0, 0, 0);
        for (int c : connections) {
            long[] cpu0 = cpu(gateway, service);
            double rps = closedLoop(http, url, token, c, seconds);
            long[] cpu1 = cpu(gateway, service);
            System.out.printf(Locale.ROOT, "  %s: %.0f req/s with %d callers%n", url, rps, c);
            if (rps > best.rps()) {
                best = new Max(rps, c, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
            }
        }
        return best;
    }

    /** Requests per second with {@code connections} callers each sending the next request as soon as the last answered. */
    static double closedLoop(HttpClient http, String url, String token, int connections, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpRequest request = request(url, token);
        CountDownLatch finished = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        try {
                            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                                done.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        double rps = done.get() / ((System.nanoTime() - start) / 1e9);
        if (errors.get() > 0) {
            System.out.println("  (" + errors.get() + " errors at " + url + ")");
        }
        return rps;
    }

    /** Latencies at a fixed rate, each from the request's scheduled start (no coordinated omission). */
    static Latencies openLoop(HttpClient http, String url, String token, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] micros = new long[total];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        HttpRequest request = request(url, token);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                micros[n] = (System.nanoTime() - scheduled) / 1_000;
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                answered.countDown();
            });
        }
        answered.await(60, TimeUnit.SECONDS);
        return new Latencies(micros, errors.get());
    }

    record Latencies(long[] micros, int errors) {
        double p(double percentile) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(percentile / 100 * sorted.length) - 1));
            return sorted[index] / 1000.0;
        }

        int count() {
            return micros.length;
        }
    }

    /** utime + stime of a process in milliseconds, from /proc/PID/stat (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of the full line
        return ticks * 10;
    }

    /**
     * Rounds shaped like the measurements (4 s closed loop with each caller level in turn, then 2 s at the open-loop rate)
     * until the process's compiler threads used under 3 % of its CPU in a round (at least 4 rounds, at most 40; quick: 2
     * to 8). Warmed with 16 callers only, the gateway compiled again during the 64-caller and open-loop phases
     * (1.0–3.2 s of compiler CPU in them) and those runs had the longest tails.
     */
    static void warmUp(HttpClient http, String url, String token, Long pid, boolean quick, int[] connections, int rate) throws Exception {
        int min = quick ? 2 : 4;
        int max = quick ? 8 : 40;
        for (int round = 1; round <= max; round++) {
            long cpu0 = pid == null ? 0 : cpuMillis(pid);
            long jit0 = pid == null ? 0 : jitMillis(pid);
            closedLoop(http, url, token, connections[round % connections.length], 4);
            openLoop(http, url, token, rate, 2);
            if (pid == null) {
                return; // the stand-in does no work worth compiling
            }
            long cpu = cpuMillis(pid) - cpu0;
            long jit = jitMillis(pid) - jit0;
            if (round >= min && jit < 0.03 * cpu) {
                System.out.printf(Locale.ROOT, "  %s warm after %d s (JIT %d of %d ms CPU in the last round)%n", url, round * 6, jit, cpu);
                return;
            }
        }
        System.out.printf(Locale.ROOT, "  %s: the JIT still compiles after %d s; measuring anyway%n", url, max * 6);
    }

    /** CPU time of the process's JIT compiler threads (C1/C2 CompilerThread) from /proc/PID/task. */
    static long jitMillis(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks * 10;
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** A coordinator of the Heilbronn demo network: partner-service lets it read the network's working groups. */
    static String token(KeyPair key, String issuer) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().issuer(issuer)
                .audience("augenhoehe").subject("bench-client").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of("coordinator")).claim("networks", List.of(HEILBRONN)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /**
     * The real partner-service jar with its own PostgreSQL and a Kafka broker (infra/local-servers, as ./platform starts
     * them), demo data on, trusting the benchmark's key and issuer like the gateway does.
     */
    static final class RealService {
        static String base;

        /** The service side's command, on its cores when {@code --cpus} names them (PostgreSQL's processes inherit them). */
        static List<String> pinned(String... command) {
            return Cpus.pinned(cpus.service(), command);
        }

        static Process start(String jar, String localServersCp, Path work, Path pem, Path privatePem, String issuer,
                List<Process> processes) throws Exception {
            if (localServersCp == null) {
                throw new IllegalArgumentException("--local-servers-cp is needed for the real service (the run script passes it)");
            }
            Path dir = work.resolve("real").toAbsolutePath();
            deleteRecursively(dir.resolve("postgres-data"));
            deleteRecursively(dir.resolve("kafka"));
            Files.createDirectories(dir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            int pgPort = freePort();
            processes.add(awaitLine(new ProcessBuilder(pinned(java, "-Xmx160m", "-cp", localServersCp, "de.augenhoehe.localservers.LocalServersMain",
                    "postgres", "--dir", dir.resolve("postgres-data").toString(), "--work", dir.resolve("postgres-binaries").toString(),
                    "--port", Integer.toString(pgPort), "--database", "partner:partner:partner")), dir.resolve("postgres.log"), "READY"));
            int kafkaPort = freePort();
            processes.add(awaitLine(new ProcessBuilder(pinned(java, "-Xmx256m", "-cp", localServersCp, "de.augenhoehe.localservers.LocalServersMain",
                    "kafka", "--dir", dir.resolve("kafka").toString(), "--port", Integer.toString(kafkaPort),
                    "--controller-port", Integer.toString(freePort()))), dir.resolve("kafka.log"), "READY"));
            int port = freePort();
            base = "http://127.0.0.1:" + port;
            List<String> serviceCommand = pinned(java, "-Xmx512m");
            serviceCommand.addAll(extraJavaOptions("SERVICE_JAVA_OPTS")); // e.g. the deployment's JIT and collector
            serviceCommand.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
            ProcessBuilder service = new ProcessBuilder(serviceCommand)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("partner-service.log").toFile());
            var env = service.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/partner");
            env.put("SPRING_DATASOURCE_USERNAME", "partner");
            env.put("SPRING_DATASOURCE_PASSWORD", "partner");
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
            env.put("AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", pem.toAbsolutePath().toUri().toString());
            env.put("AUGENHOEHE_SECURITY_JWT_ISSUER", issuer);
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", pem.toAbsolutePath().toUri().toString());
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "augenhoehe");
            env.put("AUGENHOEHE_IDENTITY_ISSUER", issuer);
            env.put("AUGENHOEHE_IDENTITY_SIGNING_KEY_LOCATION", privatePem.toAbsolutePath().toUri().toString());
            env.put("AUGENHOEHE_DEMO_ENABLED", "true");
            Process p = service.start();
            processes.add(p);
            System.out.println("starting partner-service (PostgreSQL on " + pgPort + ", Kafka on " + kafkaPort + ") …");
            awaitReady(base, p);
            return p;
        }

        /** Starts a local server and waits for its READY line (up to 5 minutes: the first run unpacks PostgreSQL). */
        static Process awaitLine(ProcessBuilder builder, Path log, String prefix) throws Exception {
            Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                if (Files.exists(log) && Files.readAllLines(log).stream().anyMatch(l -> l.startsWith(prefix))) {
                    return p;
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException(builder.command().get(4) + " ended; see " + log);
                }
                Thread.sleep(200);
            }
            p.destroyForcibly();
            throw new IllegalStateException(builder.command().get(4) + " did not get ready; see " + log);
        }

        static void deleteRecursively(Path dir) throws IOException {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
