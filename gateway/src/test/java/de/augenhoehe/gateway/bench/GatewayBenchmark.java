package de.augenhoehe.gateway.bench;

import java.io.IOException;
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
import java.util.Date;
import java.util.List;
import java.util.Locale;
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
 * one run. Starts a downstream HTTP server standing in for the service (fixed JSON answer, no database: the gateway's
 * share is what is measured, so this is the worst case for the ratio) and the real gateway jar as its own process with
 * JWT validation (RS256 key generated here) and rate limiting on — the benchmark client's bucket raised so that it never
 * empties (every request still takes a token from it). Then, for each target: maximum throughput (closed loop, 16
 * connections), and latency at a fixed rate (open loop: each request is timed from its scheduled start, so a stall
 * counts for every request it delays). The gateway's CPU time per request comes from /proc/PID/stat.
 *
 * <p>Arguments: {@code --quick} (shorter phases), {@code --rate R} (default 500), {@code --seconds S} per open-loop phase
 * (default 20), {@code --jar PATH} (the gateway jar), {@code --work DIR}.
 */
public final class GatewayBenchmark {

    static final String PATH = "/api/working-groups/0d3e4a52-7c1b-4f0e-9a61-000000000001";
    static final byte[] BODY = ("{\"id\":\"0d3e4a52-7c1b-4f0e-9a61-000000000001\",\"name\":\"Arbeitskreis Fachkräfte\",\"networkId\":"
            + "\"0d3e4a52-7c1b-4f0e-9a61-000000000001\",\"topic\":\"Ausbildung\",\"members\":12,\"status\":\"ACTIVE\","
            + "\"createdAt\":\"2026-01-15T09:30:00Z\"}").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int rate = Integer.parseInt(arg(args, "--rate", "500"));
        int seconds = Integer.parseInt(arg(args, "--seconds", quick ? "8" : "20"));
        int maxSeconds = quick ? 5 : 10;
        Path jar = Path.of(arg(args, "--jar", "gateway/target/gateway.jar"));
        Path work = Path.of(arg(args, "--work", "infra/benchmarks/gateway/work"));
        Files.createDirectories(work);

        KeyPair key = rsa();
        Path pem = work.resolve("bench-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        String token = token(key);

        // the service stand-in: Reactor Netty, a fixed JSON answer for every path (readiness included)
        DisposableServer service = reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .header("Content-Length", Integer.toString(BODY.length)).sendByteArray(Mono.just(BODY)))
                .bindNow();
        String direct = "http://127.0.0.1:" + service.port();

        int gatewayPort = freePort();
        Process gateway = startGateway(jar, work, gatewayPort, direct, pem);
        try {
            String through = "http://127.0.0.1:" + gatewayPort;
            awaitReady(through, gateway);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newFixedThreadPool(4)).build();
            check(http, direct, token);
            check(http, through, token);
            System.out.printf(Locale.ROOT, "%nGateway benchmark: GET %s with a bearer token, %s%n", PATH, Instant.now());
            System.out.println("machine load average before: " + loadAverage());
            System.out.println("warming up both (JIT) …");
            closedLoop(http, direct + PATH, token, 16, quick ? 3 : 8);
            // the gateway until 20,000 requests (its JIT warm) or 90 s, whichever comes first
            long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(quick ? 30 : 90);
            double warmed = 0;
            while (warmed < (quick ? 5_000 : 20_000) && System.nanoTime() < warmEnd) {
                warmed += closedLoop(http, through + PATH, token, 16, 5) * 5;
            }

            double maxDirect = closedLoop(http, direct + PATH, token, 16, maxSeconds);
            long cpu0 = cpuMillis(gateway.pid());
            double maxGateway = closedLoop(http, through + PATH, token, 16, maxSeconds);
            long cpuMax = cpuMillis(gateway.pid()) - cpu0;

            Latencies atRateDirect = openLoop(http, direct + PATH, token, rate, seconds);
            long cpu1 = cpuMillis(gateway.pid());
            Latencies atRateGateway = openLoop(http, through + PATH, token, rate, seconds);
            long cpuOpen = cpuMillis(gateway.pid()) - cpu1;

            System.out.println();
            System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s%n", "", "direct", "gateway", "ratio");
            System.out.printf(Locale.ROOT, "%-34s %12.0f %12.0f %9.0f%%%n", "max throughput (req/s, 16 conn.)", maxDirect, maxGateway,
                    100 * maxGateway / maxDirect);
            System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f%n", "p50 at " + rate + " req/s (ms)", atRateDirect.p(50), atRateGateway.p(50));
            System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f%n", "p99 at " + rate + " req/s (ms)", atRateDirect.p(99), atRateGateway.p(99));
            System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f%n", "max at " + rate + " req/s (ms)", atRateDirect.p(100), atRateGateway.p(100));
            System.out.printf(Locale.ROOT, "%-34s %12d %12d%n", "errors / requests at " + rate + " req/s", atRateDirect.errors,
                    atRateGateway.errors);
            System.out.printf(Locale.ROOT, "%-34s %12s %12d%n", "", "", atRateGateway.count());
            System.out.printf(Locale.ROOT, "added p99 at %d req/s: %.2f ms (target ≤ 5 ms); throughput ratio %.0f%% (target ≥ 60 %%)%n",
                    rate, atRateGateway.p(99) - atRateDirect.p(99), 100 * maxGateway / maxDirect);
            System.out.println("machine load average after: " + loadAverage() + " (2 cores; figures above that are distorted by other work)");
            System.out.printf(Locale.ROOT, "gateway CPU time per request: %.3f ms at %d req/s, %.3f ms at max throughput (user+system, /proc)%n",
                    (double) cpuOpen / atRateGateway.count(), rate, (double) cpuMax / (maxGateway * maxSeconds));
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
            service.disposeNow();
        }
        System.exit(0);
    }

    static Process startGateway(Path jar, Path work, int port, String service, Path pem) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--augenhoehe.gateway.services.partner=" + service,
                "--augenhoehe.gateway.services.vacancy=" + service,
                "--augenhoehe.gateway.services.measures=" + service,
                "--augenhoehe.gateway.services.outreach=" + service,
                "--augenhoehe.security.jwt.public-key-location=" + pem.toUri(),
                "--augenhoehe.security.jwt.issuer=augenhoehe-bench",
                // rate limiting stays on; the benchmark client's bucket is raised so that it never empties
                "--augenhoehe.gateway.rate-limits.authenticated.capacity=100000000",
                "--augenhoehe.gateway.rate-limits.authenticated.refill-per-second=100000000",
                // on a loaded 2-core machine a health check may take longer than the production 2 s; don't let that
                // take the only instance out in the middle of a measurement
                "--augenhoehe.gateway.health-check.timeout=10s"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
    }

    static void awaitReady(String base, Process gateway) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway ended; see work/gateway.log");
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
        throw new IllegalStateException("the gateway did not get ready in 300 s");
    }

    static void check(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> r = http.send(request(base + PATH, token), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("Arbeitskreis")) {
            throw new IllegalStateException(base + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
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

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static String token(KeyPair key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().issuer("augenhoehe-bench")
                .audience("augenhoehe").subject("bench-client").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of("coordinator")).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
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
}
