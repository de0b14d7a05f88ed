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
    /** The monitor run (issue #18) instead of the public pages; see MonitorRun. */
    MonitorRun monitor;
    int postings = 1_000_000;
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
                case "--monitor" -> b.monitor = new MonitorRun(b);
                case "--postings" -> b.postings = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--rate N, --seconds S, --warmup S, --quick, --running DATA, --monitor, --postings N)");
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
        if (monitor != null && rate == 20) {
            rate = 5; // signed-in pages: 5 pages/s keep one coordinator's API calls (3 a page) well inside the gateway's 50/s
        }
        System.out.printf("Portal benchmark %s%s: %d pages/s per page for %d s (warm-up %d s), open loop%n", monitor == null ? "" : "(monitor) ",
                Instant.now(), rate, seconds, warmup);
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
                // a port given as ./platform takes it (AUGENHOEHE_PORT_GATEWAY=…) wins: a shared machine's agreed ranges
                String given = System.getenv("AUGENHOEHE_PORT_" + key);
                ports.put(key, given == null || given.isBlank() ? freePort() : Integer.parseInt(given.trim()));
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
        if (monitor != null) {
            return monitor.run(portalPid);
        }

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
        return open(http, path, forSeconds, statuses);
    }

    /** The same with a client of its own (the monitor run's: one holding a signed-in person's session cookies). */
    double[] open(HttpClient client, String path, int forSeconds, Map<Integer, AtomicInteger> statuses) throws Exception {
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
            answers.add(client.sendAsync(request(path), HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
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

/**
 * The monitor benchmark (issue #18, {@code run --monitor}): the coordinator's monitor page (default period, and with a
 * Kreis filter) and the operator's page {@code /mein-bereich/betrieb} through the gateway, signed in on the login form
 * as a person is, each measured first on the demo data alone (the baseline: the same page, the same network, a few
 * dozen postings) and then after {@code monitor-data.sql} wrote 1,000,000 postings of the demo network into
 * measures-service's {@code monitor_vacancy} and the migration V7's fill statement built {@code monitor_month} from
 * them. Per page p50/p95/p99/max, the ratio of p95 to its baseline, the portal's CPU and API calls per page, and the
 * target's verdict (p95 ≤ 300 ms). The start page is measured beside them as a second baseline.
 */
class MonitorRun {

    static final String COORDINATOR = "demo-koordination-heilbronn";
    static final String OPERATOR = "demo-betrieb";
    static final String PASSWORD = "augenhoehe-demo";
    static final double TARGET_MS = 300;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    static final Pattern ACTION = Pattern.compile("<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"");

    final PortalBenchmark b;

    MonitorRun(PortalBenchmark b) {
        this.b = b;
    }

    record Measured(String row, double p95) {
    }

    int run(int portalPid) throws Exception {
        HttpClient coordinator = signedIn(COORDINATOR, "/mein-bereich/monitor");
        String monitorPath = URI.create(lastUrl).getPath();
        if (!monitorPath.startsWith("/mein-bereich/monitor/")) {
            throw new IllegalStateException("the coordinator's sign-in ended at " + lastUrl + ", not at a network's monitor");
        }
        HttpClient operator = signedIn(OPERATOR, "/mein-bereich/betrieb");
        Map<String, String[]> pages = new LinkedHashMap<>(); // name → client key, path
        pages.put("start page (public)", new String[] {"anonymous", "/"});
        pages.put("monitor, default period", new String[] {"coordinator", monitorPath});
        pages.put("monitor, Kreis 08125", new String[] {"coordinator", monitorPath + "?kreis=08125"});
        pages.put("ops page", new String[] {"operator", "/mein-bereich/betrieb"});
        Map<String, HttpClient> clients = Map.of("anonymous", b.http, "coordinator", coordinator, "operator", operator);

        System.out.println("load average before: " + PortalBenchmark.load());
        Map<String, Measured> baseline = new LinkedHashMap<>();
        for (var page : pages.entrySet()) {
            baseline.put(page.getKey(), measure(page.getKey() + " — demo data only", clients.get(page.getValue()[0]), page.getValue()[1], portalPid, null));
        }
        load(monitorPath.substring("/mein-bereich/monitor/".length()));
        List<String> rows = new ArrayList<>();
        for (var page : pages.entrySet()) {
            rows.add(measure(page.getKey() + " — " + String.format("%,d", b.postings) + " postings", clients.get(page.getValue()[0]),
                    page.getValue()[1], portalPid, baseline.get(page.getKey())).row());
        }
        System.out.println();
        System.out.println("| page | path | answers | p50 | p95 | p99 | max | p95 ÷ baseline p95 | portal CPU/page | API calls/page | p95 ≤ 300 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        baseline.values().forEach(m -> System.out.println(m.row()));
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("target: p95 <= 300 ms for the monitor and the ops page with the data. load average after: " + PortalBenchmark.load());
        if (b.refused.get() > 0) {
            System.out.println("INVALID RUN: the gateway refused " + b.refused.get() + " measured pages with 429.");
            return 2;
        }
        return 0;
    }

    Measured measure(String name, HttpClient client, String path, int portalPid, Measured baseline) throws Exception {
        HttpResponse<String> first = client.send(b.request(path), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(name + " " + path + " answers " + first.statusCode() + ", not 200: not measured");
        }
        b.open(client, path, b.warmup, new ConcurrentHashMap<>());
        long apiBefore = b.apiCalls();
        long cpuBefore = PortalBenchmark.cpuTicks(portalPid);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        double[] latencies = b.open(client, path, b.seconds, statuses);
        long cpu = PortalBenchmark.cpuTicks(portalPid) - cpuBefore;
        long api = b.apiCalls() - apiBefore;
        b.refused.addAndGet(statuses.getOrDefault(429, new AtomicInteger()).get());
        Arrays.sort(latencies);
        int n = latencies.length;
        double p95 = PortalBenchmark.pct(latencies, 95);
        String answers = new TreeMap<>(statuses).entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .reduce((x, y) -> x + ", " + y).orElse("none");
        boolean allOk = statuses.keySet().stream().allMatch(s -> s == 200);
        String verdict = baseline == null ? "(baseline)" : p95 <= TARGET_MS && allOk ? "yes" : allOk ? "**no**" : "**no** (not all 200)";
        String row = String.format("| %s | `%s` | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %.2f ms | %s | %s |", name,
                path.length() > 48 ? path.substring(0, 45) + "…" : path, answers, PortalBenchmark.pct(latencies, 50), p95,
                PortalBenchmark.pct(latencies, 99), n == 0 ? 0 : latencies[n - 1],
                baseline == null ? "—" : String.format("%.2f", p95 / baseline.p95()),
                cpu * 1000.0 / PortalBenchmark.ticksPerSecond() / Math.max(1, n),
                api < 0 ? "n/a" : String.format("%.1f", (double) api / Math.max(1, n)), verdict);
        System.out.println(row);
        System.out.println("load average: " + PortalBenchmark.load());
        return new Measured(row, p95);
    }

    String lastUrl;

    /**
     * A client with its own cookies, signed in as a person does it: the page sends it to the authorization server's
     * login form (through the gateway), the form is filled in and posted with its CSRF field, and the redirects lead
     * back to the page.
     */
    HttpClient signedIn(String user, String page) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(b.pool).cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> form = client.send(b.request(page), HttpResponse.BodyHandlers.ofString());
        Matcher action = ACTION.matcher(form.body());
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !action.find() || !csrf.find()) {
            throw new IllegalStateException("no login form for " + user + " at " + form.uri() + " (" + form.statusCode() + ")");
        }
        String body = "username=" + enc(user) + "&password=" + enc(PASSWORD) + "&_csrf="
                + enc(unescape(csrf.group(1) != null ? csrf.group(1) : csrf.group(2)));
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(form.uri().resolve(unescape(action.group(1))))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", b.visitor()).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (after.statusCode() != 200 || !after.uri().getPath().startsWith("/mein-bereich")) {
            throw new IllegalStateException("signing in as " + user + " ended at " + after.uri() + " with " + after.statusCode());
        }
        lastUrl = after.uri().toString();
        System.out.println("signed in as " + user + ": " + after.uri().getPath());
        return client;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
    }

    /**
     * Writes the postings into measures-service's database with psql (as its own role; the password from the platform's
     * secrets) and builds the aggregates with the migration's own fill statement, in one transaction with emptying them.
     */
    void load(String network) throws Exception {
        String password = Files.readAllLines(b.data.resolve("secrets.env")).stream().filter(l -> l.startsWith("measures="))
                .map(l -> l.substring("measures=".length())).findFirst().orElseThrow();
        String migration = Files.readString(b.root.resolve("measures-service/src/main/resources/db/migration/V7__monitor_months.sql"));
        String fill = migration.substring(migration.indexOf("-- monitor-month-fill:begin"), migration.indexOf("-- monitor-month-fill:end"));
        long t0 = System.nanoTime();
        psql(password, List.of("-v", "network=" + network, "-f", b.root.resolve("infra/benchmarks/portal/monitor-data.sql").toString())
                , b.postings == 1_000_000 ? null : b.postings);
        long t1 = System.nanoTime();
        psql(password, List.of("-c", "begin; delete from monitor_month; " + fill + " commit;", "-c", "analyze monitor_vacancy", "-c", "analyze monitor_month",
                "-c", "select (select count(*) from monitor_vacancy) as postings, (select count(*) from monitor_month) as aggregate_rows,"
                        + " (select count(*) from monitor_month where network_id = '" + network + "') as network_rows,"
                        + " (select sum(length(days)) / 8 from monitor_month where network_id = '" + network + "') as histogram_buckets"), null);
        long t2 = System.nanoTime();
        System.out.printf("loaded %,d postings in %.0f s, aggregates filled in %.0f s%n", b.postings, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    void psql(String password, List<String> args, Integer postings) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                String.valueOf(b.ports.get("POSTGRES")), "-U", "measures", "-d", "measures"));
        command.addAll(args);
        Path script = null;
        if (postings != null) {
            // another number of postings (a quick try): the same script with its count replaced
            script = Files.createTempFile("monitor-data-", ".sql");
            Files.writeString(script, Files.readString(b.root.resolve("infra/benchmarks/portal/monitor-data.sql"))
                    .replace("generate_series(1, 1000000)", "generate_series(1, " + postings + ")"));
            command.set(command.size() - 1, script.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).inheritIO();
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("psql failed: " + String.join(" ", command.subList(0, 12)));
        }
        if (script != null) {
            Files.delete(script);
        }
    }
}
