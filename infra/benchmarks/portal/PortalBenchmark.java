import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The portal speed benchmark (issue #17): each public page through the gateway at a fixed rate, open loop (every
 * request timed from its scheduled start, so a slow answer cannot hide the ones queued behind it), on a platform of its
 * own ({@code ./platform up --fresh --no-build}, own data folder, free ports, demo data). Per page: p50/p95/p99/max, the
 * JavaScript the page loads (gzipped), the portal's own CPU time per page (user+system ticks of its process around the
 * page's phase) and the API calls the portal made per page (its {@code http_client_requests_seconds_count}).
 * JDK only; started by {@code run} next to it. See README.md.
 */
public class PortalBenchmark {

    static final String HEILBRONN = "0d3e4a52-7c1b-4f0e-9a61-000000000001";
    static final List<String> PORT_KEYS = List.of("GATEWAY", "PARTNER", "VACANCY", "MEASURES", "OUTREACH", "PORTAL", "KAFKA",
            "KAFKA_CONTROLLER", "POSTGRES", "MAIL");
    static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");

    final Path root;
    Path data;
    /** A platform already running (its data folder): measured as it is, neither started nor stopped. */
    boolean running;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    /**
     * Daemon threads, closed at the end: a fixed pool's threads are not daemons and kept the JVM (and with it the
     * platform, stopped only by the shutdown hook) alive after the table — the run of 06:50 had to be killed.
     */
    final ExecutorService pool = Executors.newFixedThreadPool(16, Thread.ofPlatform().daemon().name("benchmark-http-", 0).factory());
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .executor(pool).build();
    /** Every request of the run is another visitor: 10.0.0.1, 10.0.0.2, … (see request). */
    final AtomicInteger visitors = new AtomicInteger();
    final AtomicBoolean platformUp = new AtomicBoolean();
    /** Answers that make the run invalid (429: the gateway limited the benchmark's visitors, not the portal's speed). */
    final AtomicInteger refused = new AtomicInteger();
    int rate = 20;
    int seconds = 30;
    int warmup = 10;
    String gateway;

    PortalBenchmark(Path root, Path work) {
        this.root = root;
        this.data = work.resolve("platform-data");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path work = root.resolve("infra/benchmarks/portal/work");
        PortalBenchmark b = new PortalBenchmark(root, work);
        String url = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> b.rate = Integer.parseInt(args[++i]);
                case "--seconds" -> b.seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> b.warmup = Integer.parseInt(args[++i]);
                case "--quick" -> { b.seconds = 10; b.warmup = 5; }
                case "--running" -> { b.data = Path.of(args[++i]).toAbsolutePath(); b.running = true; }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--rate N, --seconds S, --warmup S, --quick, --running DATA)");
            }
        }
        int exit;
        try {
            exit = b.run();
        } catch (Exception | Error e) {
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            e.printStackTrace();
            exit = 1;
        } finally {
            b.close();
        }
        // nothing may keep the JVM alive after the table: not a pool thread, not a hanging connection
        System.exit(exit);
    }

    /** Stops what the run started (the platform, unless it was running before) and the HTTP client; safe to call twice. */
    void close() {
        stopPlatform();
        http.shutdownNow();
        pool.shutdownNow();
    }

    void stopPlatform() {
        if (platformUp.compareAndSet(true, false)) {
            System.out.println("stopping the platform (" + data + ") …");
            platform(List.of("down"), Duration.ofSeconds(180), true);
        }
    }

    /** @return the exit code: 0 a valid run, 2 a run whose answers the gateway refused (invalid) */
    int run() throws Exception {
        System.out.printf("Portal benchmark %s: %d pages/s per page for %d s (warm-up %d s), open loop%n", Instant.now(), rate, seconds, warmup);
        System.out.println("machine: " + machine());
        if (running) {
            // ./platform's record of the ports it started with: key=port per line
            for (String line : Files.readAllLines(data.resolve("run/ports.env"))) {
                String[] kv = line.split("=", 2);
                ports.put(kv[0].toUpperCase(), Integer.parseInt(kv[1].trim()));
            }
            gateway = "http://127.0.0.1:" + ports.get("GATEWAY");
            System.out.println("the running platform at " + gateway + " (data " + data + ")");
        } else {
            for (String key : PORT_KEYS) {
                ports.put(key, freePort());
            }
            gateway = "http://127.0.0.1:" + ports.get("GATEWAY");
            // Ctrl-C or kill: the hook stops the platform; a normal end or a failure: close() in main
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopPlatform));
            long started = System.nanoTime();
            platformUp.set(true); // from here on: whatever 'up' started is stopped again ('up' itself stops it on failure)
            platform(List.of("up", "--fresh", "--no-build"), Duration.ofMinutes(10), false);
            System.out.printf("platform up in %.0f s at %s (data %s)%n", (System.nanoTime() - started) / 1e9, gateway, data);
        }
        int portalPid = Integer.parseInt(Files.readString(data.resolve("run/portal.pid")).trim().split("\\s+")[0]);

        Map<String, String> pages = pages();
        System.out.println("load average before: " + load());
        List<String> rows = new ArrayList<>();
        for (var page : pages.entrySet()) {
            rows.add(measure(page.getKey(), page.getValue(), portalPid));
            System.out.println("load average: " + load());
        }
        System.out.println();
        System.out.println("| page | path | answers | p50 | p95 | p99 | max | JS gzipped | portal CPU/page | API calls/page | p95 ≤ 150 ms | JS ≤ 20 KB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("targets: p95 <= 150 ms; JS <= 20 KB gzipped on pages without map or chart. load average after: " + load());
        if (refused.get() > 0) {
            System.out.println("INVALID RUN: the gateway refused " + refused.get() + " measured pages with 429 — the visitors"
                    + " (or the portal's API calls for them) shared rate-limit buckets; the latencies do not judge the target.");
            return 2;
        }
        return 0;
    }

    /** The public pages, with ids of the demo data's first vacancy and measure. */
    Map<String, String> pages() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("start", "/");
        pages.put("network page", "/netzwerke/" + HEILBRONN);
        pages.put("vacancy search", "/stellen?q=Mechatroniker&postalCode=74072&radiusKm=25");
        pages.put("vacancy page", "/stellen/" + firstId("/api/vacancies?size=1"));
        pages.put("measure catalogue", "/massnahmen");
        pages.put("measure page", "/massnahmen/" + firstId("/api/measures?size=1"));
        pages.put("returnee landing", "/rueckkehr");
        return pages;
    }

    /**
     * The first item's id of a public API list (as JSON: the run of 06:50 asked for text/html, got 406 and measured
     * {@code /stellen/none}, a 404 page). No id: the run stops here rather than measure a page that does not exist.
     */
    String firstId(String api) throws Exception {
        // The demo data arrives by events after the platform is up (measures-service's catalogue of the 11:42 run was
        // still empty 46 s after start, with warm AOT caches): wait up to 60 s for the first item.
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> answer;
        Matcher m;
        do {
            answer = http.send(HttpRequest.newBuilder(URI.create(gateway + api)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").header("X-Forwarded-For", visitor()).GET().build(), HttpResponse.BodyHandlers.ofString());
            m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(answer.body());
            if (answer.statusCode() == 200 && m.find()) {
                return m.group(1);
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < giveUp);
        throw new IllegalStateException("no id from GET " + api + " within 60 s: " + answer.statusCode() + " "
                + answer.body().substring(0, Math.min(300, answer.body().length())));
    }

    /**
     * Every request comes from another visitor (an address of 10.0.0.0/8 in X-Forwarded-For, which the benchmark's
     * gateway believes from loopback): 20 pages/s are many people, not one, whom the gateway's per-visitor limit
     * would rightly stop.
     */
    HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(10)).header("Accept", "text/html")
                .header("Accept-Encoding", "gzip").header("X-Forwarded-For", visitor()).GET().build();
    }

    /** The next visitor's address (10.0.0.1 …; never the same one twice in a run). */
    String visitor() {
        int n = visitors.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    String measure(String name, String path, int portalPid) throws Exception {
        // the HTML as text (no gzip) to find the page's scripts; a page that does not answer 200 is not measured
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "text/html").header("X-Forwarded-For", visitor()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(name + " " + path + " answers " + first.statusCode() + ", not 200: not measured");
        }
        Scripts js = javascript(first);
        open(path, warmup, new ConcurrentHashMap<>());
        long apiBefore = apiCalls();
        long cpuBefore = cpuTicks(portalPid);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        double[] latencies = open(path, seconds, statuses);
        long cpu = cpuTicks(portalPid) - cpuBefore;
        long api = apiCalls() - apiBefore;
        refused.addAndGet(statuses.getOrDefault(429, new AtomicInteger()).get());
        int n = latencies.length;
        Arrays.sort(latencies);
        String answers = new TreeMap<>(statuses).entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .reduce((a, b) -> a + ", " + b).orElse("none");
        boolean allOk = statuses.keySet().stream().allMatch(s -> s == 200);
        String p95 = pct(latencies, 95) <= 150 && allOk ? "yes" : allOk ? "**no**" : "**no** (not all 200)";
        String row = String.format("| %s | `%s` | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %.2f ms | %s | %s | %s |", name,
                path.length() > 48 ? path.substring(0, 45) + "…" : path, answers, pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), n == 0 ? 0 : latencies[n - 1], js.text(), cpu * 1000.0 / ticksPerSecond() / Math.max(1, n),
                api < 0 ? "n/a" : String.format("%.1f", (double) api / Math.max(1, n)), p95,
                js.map() ? "n/a (map)" : js.kb() <= 20 ? "yes" : "**no**");
        System.out.println(row);
        return row;
    }

    /** Open loop: one request every 1/rate s for the given time; each latency from its scheduled start, in ms. */
    double[] open(String path, int forSeconds, Map<Integer, AtomicInteger> statuses) throws Exception {
        int total = rate * forSeconds;
        long interval = 1_000_000_000L / rate;
        List<CompletableFuture<Double>> answers = new ArrayList<>();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            answers.add(http.sendAsync(request(path), HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
                int status = e == null ? r.statusCode() : 0;
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return (System.nanoTime() - due) / 1e6;
            }));
        }
        return answers.stream().mapToDouble(CompletableFuture::join).toArray();
    }

    /** The JavaScript a page loads, gzipped. */
    record Scripts(double kb, boolean map) {
        String text() {
            return String.format("%.1f KB%s", kb, map ? " (map)" : "");
        }
    }

    /**
     * The page's scripts, each fetched (200 only: the run of 06:50 gzipped 429 problem answers as "JavaScript") and
     * gzipped; map: Leaflet or a chart on the page.
     */
    Scripts javascript(HttpResponse<String> page) throws Exception {
        long gz = 0;
        boolean map = false;
        Matcher m = SCRIPT.matcher(page.body());
        while (m.find()) {
            String src = m.group(1);
            map |= src.contains("leaflet") || src.contains("chart");
            HttpResponse<byte[]> js = http.send(HttpRequest.newBuilder(URI.create(gateway + src)).timeout(Duration.ofSeconds(10))
                    .header("X-Forwarded-For", visitor()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (js.statusCode() != 200) {
                throw new IllegalStateException("script " + src + " answers " + js.statusCode());
            }
            gz += gzip(js.body());
        }
        return new Scripts(gz / 1024.0, map);
    }

    static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    /** The API calls the portal made so far: the sum of its HTTP client's request counters (Prometheus text). */
    long apiCalls() {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("PORTAL") + "/actuator/prometheus"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (line.startsWith("http_client_requests_seconds_count{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? (long) sum : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    static long cpuTicks(int pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    static long ticksPerSecond() {
        return 100; // USER_HZ on Linux
    }

    static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    void platform(List<String> args, Duration timeout, boolean quiet) {
        List<String> command = new ArrayList<>(List.of("./platform"));
        command.addAll(args);
        command.addAll(List.of("--data", data.toString()));
        try {
            Path log = Files.createTempFile("portal-benchmark-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            ports.forEach((key, port) -> pb.environment().put("AUGENHOEHE_PORT_" + key, String.valueOf(port)));
            pb.environment().put("AUGENHOEHE_AOT", "false");
            pb.environment().put("AUGENHOEHE_START_TIMEOUT", "480");
            // The benchmark's visitors are many addresses behind loopback (see request). ./platform's gateway already
            // believes loopback's X-Forwarded-For (AppEnvironment: AUGENHOEHE_GATEWAY_RATE_LIMITS_TRUSTED_PROXIES=127.0.0.1,
            // which its env file sets after — and so over — anything inherited from here); a 429 makes the run invalid.
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                if (!quiet) {
                    throw new IllegalStateException(command + " failed:\n" + Files.readString(log));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", JDK " + Runtime.version();
        } catch (IOException e) {
            return "?";
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * A free port from the kernel's ephemeral range, never one of the platform's defaults (8080–8085, which nobody
     * but the chaos run's platform may use on this machine anyway) nor the chaos run's (port base 18080/18100, 18000–18999).
     */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                int port = s.getLocalPort();
                if (!(port >= 8080 && port <= 8085) && !(port >= 18000 && port <= 18999)) {
                    return port;
                }
            }
        }
    }
}
