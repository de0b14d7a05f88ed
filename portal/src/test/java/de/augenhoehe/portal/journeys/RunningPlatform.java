package de.augenhoehe.portal.journeys;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as people meet it — Kafka, PostgreSQL, the four services, the gateway and the portal — started
 * once per test JVM by {@code ./platform up} itself (the built jars, demo data, its own data folder under target/ and
 * free ports), and stopped by {@code ./platform down} when the JVM ends. Journeys reach it only through the gateway,
 * as a browser does; the demo mail server's inbox is read like an operator would ({@code /internal/mails}).
 */
public final class RunningPlatform {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /**
     * Iterating on a page: AUGENHOEHE_JOURNEYS_DATA names the data folder of a platform already started with
     * {@code ./platform up} (its AUGENHOEHE_PORT_* in the environment); the journeys then use it and neither start nor
     * stop anything. Unset (the build, CI): a fresh platform of this JVM under target/.
     */
    private static final String RUNNING = System.getenv("AUGENHOEHE_JOURNEYS_DATA");
    private static final Path DATA = RUNNING == null ? Path.of("target", "platform-data").toAbsolutePath() : Path.of(RUNNING);
    private static final List<String> PORT_KEYS = List.of("GATEWAY", "PARTNER", "VACANCY", "MEASURES", "OUTREACH",
            "PORTAL", "KAFKA", "KAFKA_CONTROLLER", "POSTGRES", "MAIL");
    private static RunningPlatform instance;

    private final Map<String, Integer> ports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String operationsToken;

    private RunningPlatform(Map<String, Integer> ports) {
        this.ports = ports;
    }

    /** The one platform of this JVM, started on first use. */
    public static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The public base URL (the gateway), e.g. {@code http://127.0.0.1:19080}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + ports.get("GATEWAY");
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public int port(String key) {
        return ports.get(key);
    }

    /** The mails the demo mail server received for an address, newest last: subject and text. */
    public List<Mail> mailsTo(String address) {
        String body = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get("OUTREACH") + "/internal/mails"))
                .header("Authorization", "Bearer " + operationsToken()).GET().build());
        return Mail.parse(body).stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    /** Waits up to 30 s for the n-th mail (1-based) to an address. */
    public Mail awaitMail(String address, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Mail> mails = mailsTo(address);
            if (mails.size() >= n) {
                return mails.get(n - 1);
            }
            sleep(250);
        }
        throw new AssertionError("no mail #" + n + " to " + address + " within 30 s");
    }

    /**
     * How long the journeys' access tokens live (production: 10 minutes): short, so that the portal renews the tokens
     * of every signed-in journey several times — the renewal is part of what the journeys walk through.
     */
    static final Duration TOKEN_TTL = Duration.ofSeconds(90);
    /** How long before its expiry the portal renews a token (Spring Security's clock skew, its default). */
    static final Duration TOKEN_RENEWED_BEFORE_EXPIRY = Duration.ofSeconds(60);

    /**
     * A connection to one service's own database, as an operator mending it would open one (user = the service, its
     * password from the data folder's secrets.env). For journeys that need a fault only an operator can cause or mend.
     */
    public java.sql.Connection database(String service) throws java.sql.SQLException {
        String password;
        try {
            password = Files.readAllLines(DATA.resolve("secrets.env")).stream().filter(l -> l.startsWith(service + "="))
                    .map(l -> l.substring(service.length() + 1)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("no secrets.env in " + DATA, e);
        }
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port("POSTGRES") + "/" + service, service, password);
    }

    /** A development token of the platform's data folder (demo mode), e.g. for a coordinator's view in a check. */
    public synchronized String token(String roles, String... more) {
        List<String> command = new ArrayList<>(List.of("./platform", "token", "--data", DATA.toString(),
                "--subject", "browser-tests", "--roles", roles));
        command.addAll(List.of(more));
        return run(command, Duration.ofSeconds(60)).strip();
    }

    private synchronized String operationsToken() {
        if (operationsToken == null) {
            operationsToken = token("operations");
        }
        return operationsToken;
    }

    /** An API call through the gateway as a client makes it, a 2xx asserted: the answer's body. {@code token} may be null. */
    public String call(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static RunningPlatform start() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Integer> free = RUNNING == null ? freePorts(PORT_KEYS.size()) : List.of();
        for (String key : PORT_KEYS) {
            ports.put(key, RUNNING == null ? free.get(ports.size()) : Integer.parseInt(System.getenv("AUGENHOEHE_PORT_" + key)));
        }
        if (RUNNING != null) {
            return new RunningPlatform(ports);
        }
        RunningPlatform platform = new RunningPlatform(ports);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> platform.run(List.of("./platform", "down", "--data", DATA.toString()),
                Duration.ofSeconds(90))));
        // --fresh: every JVM starts from the demo data alone; the jars are the ones this build packaged
        platform.run(List.of("./platform", "up", "--fresh", "--no-build", "--data", DATA.toString()), Duration.ofMinutes(8));
        platform.warmUp();
        return platform;
    }

    /**
     * A freshly started service answers its first requests slowly (class loading, JIT), and the journeys start three at
     * once: a first page could meet the gateway's time limit (a 503 page), and a journey's POST (never retried: it would
     * create twice) a 504. Each service is read through the gateway until it answers without a 5xx, at most 5 tries.
     */
    private void warmUp() {
        for (String path : List.of("/api/networks", "/api/vacancies?q=warm", "/api/measures", "/api/returnees/consent-texts", "/")) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                try {
                    int status = http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status < 500) {
                        break;
                    }
                } catch (IOException slow) {
                    // slower still: the next try
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sleep(2000);
            }
        }
    }

    private String run(List<String> command, Duration timeout) {
        try {
            Path log = Files.createTempFile("platform-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            ports.forEach((key, port) -> pb.environment().put("AUGENHOEHE_PORT_" + key, String.valueOf(port)));
            // AOT caches pay off for people starting the platform again and again, not for one start per test JVM
            pb.environment().put("AUGENHOEHE_AOT", "false");
            pb.environment().put("AUGENHOEHE_START_TIMEOUT", "420");
            pb.environment().put("AUGENHOEHE_IDENTITY_ACCESSTOKENTTL", TOKEN_TTL.toString());
            Process process = pb.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code n} distinct free ports: every socket stays open until all are taken, so the system cannot hand out one
     * port twice (it did: "AUGENHOEHE_PORT_KAFKA and AUGENHOEHE_PORT_POSTGRES are both 37007").
     */
    private static List<Integer> freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used cannot lose anything
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
