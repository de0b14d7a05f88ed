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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16)).build();
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
        b.run();
    }

    void run() throws Exception {
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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> platform(List.of("down"), Duration.ofSeconds(120), true)));
            long started = System.nanoTime();
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
        System.out.println("| page | path | answers | p50 | p95 | p99 | max | JS gzipped | portal CPU/page | API calls/page |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("targets: p95 <= 150 ms; JS <= 20 KB gzipped on pages without map or chart. load average after: " + load());
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

    String firstId(String api) throws Exception {
        String body = http.send(request(api, "10.255.0.1"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        return m.find() ? m.group(1) : "none";
    }

    /**
     * Every request comes from another visitor (an address of 10.0.0.0/8 in X-Forwarded-For, which the benchmark's
     * gateway believes from loopback): 20 pages/s are many people, not one, whom the gateway's per-visitor limit
     * would rightly stop.
     */
    HttpRequest request(String path, String visitor) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(10)).header("Accept", "text/html")
                .header("Accept-Encoding", "gzip").header("X-Forwarded-For", visitor).GET().build();
    }

    String measure(String name, String path, int portalPid) throws Exception {
        // the HTML as text (no gzip) to find the page's scripts
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("X-Forwarded-For", "10.254.0.1")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String js = javascript(first);
        open(path, warmup, new ConcurrentHashMap<>());
        long apiBefore = apiCalls();
        long cpuBefore = cpuTicks(portalPid);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        double[] latencies = open(path, seconds, statuses);
        long cpu = cpuTicks(portalPid) - cpuBefore;
        long api = apiCalls() - apiBefore;
        int n = latencies.length;
        Arrays.sort(latencies);
        String answers = new TreeMap<>(statuses).entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .reduce((a, b) -> a + ", " + b).orElse("none");
        String row = String.format("| %s | `%s` | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %.2f ms | %s |", name,
                path.length() > 48 ? path.substring(0, 45) + "…" : path, answers, pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), n == 0 ? 0 : latencies[n - 1], js, cpu * 1000.0 / ticksPerSecond() / Math.max(1, n),
                api < 0 ? "n/a" : String.format("%.1f", (double) api / Math.max(1, n)));
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
            String visitor = "10." + (i / 65536 % 250) + "." + (i / 256 % 256) + "." + (i % 254 + 1);
            answers.add(http.sendAsync(request(path, visitor), HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
                int status = e == null ? r.statusCode() : 0;
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return (System.nanoTime() - due) / 1e6;
            }));
        }
        return answers.stream().mapToDouble(CompletableFuture::join).toArray();
    }

    /** The page's scripts, each fetched and gzipped: "14.9 KB" (map: Leaflet on the page). */
    String javascript(HttpResponse<String> page) throws Exception {
        long gz = 0;
        boolean map = false;
        Matcher m = SCRIPT.matcher(page.body());
        while (m.find()) {
            String src = m.group(1);
            map |= src.contains("leaflet") || src.contains("chart");
            byte[] js = http.send(HttpRequest.newBuilder(URI.create(gateway + src)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            gz += gzip(js);
        }
        return String.format("%.1f KB%s", gz / 1024.0, map ? " (map)" : "");
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
            // the benchmark's visitors are many addresses behind loopback (see request): its gateway believes loopback's X-Forwarded-For
            pb.environment().put("AUGENHOEHE_GATEWAY_RATELIMITS_TRUSTEDPROXIES", "127.0.0.1");
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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
