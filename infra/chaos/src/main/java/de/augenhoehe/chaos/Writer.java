package de.augenhoehe.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steady stream of integration writes: PUT /integration/v1/vacancies/{externalId} through the gateway with the
 * demo HR client's token (client credentials). Each thread owns its keys and writes one key at a time, so a key's
 * writes are ordered; half of the writes change an existing key (the next step). A write that is not acknowledged is
 * sent again unchanged until it is (an idempotent PUT: "unchanged" if it had been applied) — while paused, at most
 * {@link #SETTLE} long, then it stays an open attempt in the {@link Ledger}.
 */
final class Writer {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration SETTLE = Duration.ofSeconds(60);
    static final int MAX_STEP = 40;
    /** One change of an existing key in this many fills the posting instead (the ledger gives only for filled ones). */
    static final int FILL_ONE_IN = 8;

    private final String gateway;
    private final String runId;
    private final LocalDate base;
    private final Ledger ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong[] statusCounts = new AtomicLong[6];
    private final Map<Integer, AtomicLong> serverErrors = new ConcurrentSkipListMap<>();
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile long pausedAt;
    private volatile String token;
    private volatile long tokenAt;

    Writer(String gateway, String runId, LocalDate base, Ledger ledger) {
        this.gateway = gateway;
        this.runId = runId;
        this.base = base;
        this.ledger = ledger;
        for (int i = 0; i < statusCounts.length; i++) {
            statusCounts[i] = new AtomicLong();
        }
    }

    /** The content of a key's n-th write: openings n, valid through base + n days — every source shows the step. */
    static Ledger.Content content(LocalDate base, int step) {
        return new Ledger.Content(step, step, base.plusDays(step).toString());
    }

    static int stepOf(LocalDate base, LocalDate validThrough) {
        return (int) (validThrough.toEpochDay() - base.toEpochDay());
    }

    void start(int threadCount) {
        for (int t = 0; t < threadCount; t++) {
            int n = t;
            Thread thread = Thread.ofPlatform().name("writer-" + t).daemon().start(() -> loop(n));
            threads.add(thread);
        }
    }

    private void loop(int thread) {
        Map<String, Integer> own = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        int created = 0;
        while (!stopped) {
            if (paused) {
                sleep(100);
                continue;
            }
            busy.incrementAndGet();
            try {
                var random = ThreadLocalRandom.current();
                String key;
                if (keys.isEmpty() || random.nextInt(2) == 0) {
                    key = "CHAOS-" + runId + "-" + thread + "-" + created++;
                    keys.add(key);
                } else {
                    key = keys.get(random.nextInt(keys.size()));
                }
                int step = own.getOrDefault(key, 0) + 1;
                if (step > MAX_STEP) {
                    keys.remove(key);
                    continue;
                }
                if (step > 2 && random.nextInt(FILL_ONE_IN) == 0) {
                    fill(key); // acknowledged or left open: the key is not written again either way
                    keys.remove(key);
                    continue;
                }
                if (write(key, content(base, step))) {
                    own.put(key, step);
                } else {
                    keys.remove(key); // left open or refused: the key is not written again
                }
            } finally {
                busy.decrementAndGet();
            }
            sleep(60);
        }
    }

    /** Sends one write until it is acknowledged; false when it stays open (paused too long, stopped) or was refused. */
    private boolean write(String key, Ledger.Content content) {
        ledger.attempt(key, content);
        String body = body(content);
        while (!stopped) {
            if (paused && System.nanoTime() - pausedAt > SETTLE.toNanos()) {
                return false;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/integration/v1/vacancies/" + key))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token())
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                statusCounts[Math.min(5, r.statusCode() / 100)].incrementAndGet();
                if (r.statusCode() >= 500) {
                    serverErrors.computeIfAbsent(r.statusCode(), c -> new AtomicLong()).incrementAndGet();
                }
                if (r.statusCode() / 100 == 2) {
                    JsonNode posting = JSON.readTree(r.body()).path("posting");
                    ledger.acknowledge(key, posting.path("id").asString(), version(r), content);
                    return true;
                }
                ledger.failed();
                if (r.statusCode() == 401) {
                    tokenAt = 0;
                } else if (r.statusCode() / 100 == 4 && r.statusCode() != 429 && r.statusCode() != 408
                        // 409 concurrent-modification says "retry": our own earlier attempt (timed out here) ran there
                        && !r.body().contains("urn:augenhoehe:problem:concurrent-modification")) {
                    System.err.println("  write " + key + " refused: " + r.statusCode() + " " + r.body());
                    return false;
                }
            } catch (IOException e) {
                statusCounts[0].incrementAndGet(); // no answer: connection refused, reset, time-out
                ledger.failed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                ledger.failed();
            }
            sleep(250);
        }
        return false;
    }

    /**
     * Marks the key's posting filled until acknowledged. A refusal after an attempt without answer may mean that
     * attempt ran: the posting's state decides (FILLED: acknowledged with its version).
     */
    private void fill(String key) {
        ledger.fillAttempt(key);
        boolean unanswered = false;
        while (!stopped) {
            if (paused && System.nanoTime() - pausedAt > SETTLE.toNanos()) {
                return;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/integration/v1/vacancies/" + key + "/fill"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                statusCounts[Math.min(5, r.statusCode() / 100)].incrementAndGet();
                if (r.statusCode() >= 500) {
                    serverErrors.computeIfAbsent(r.statusCode(), c -> new AtomicLong()).incrementAndGet();
                }
                if (r.statusCode() / 100 == 2) {
                    ledger.fillAcknowledged(key, version(r));
                    return;
                }
                ledger.failed();
                if (r.statusCode() == 401) {
                    tokenAt = 0;
                } else if (r.statusCode() / 100 == 4 && r.statusCode() != 429 && r.statusCode() != 408
                        && !r.body().contains("urn:augenhoehe:problem:concurrent-modification")) {
                    if (!(unanswered && filledAlready(key))) {
                        System.err.println("  fill " + key + " refused: " + r.statusCode() + " " + r.body());
                    }
                    return; // refused: stays an open fill unless the posting's state showed it ran
                }
            } catch (IOException e) {
                statusCounts[0].incrementAndGet();
                ledger.failed();
                unanswered = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                ledger.failed();
                unanswered = true;
            }
            sleep(250);
        }
    }

    /** Reads the posting: if it is FILLED, an earlier unanswered fill ran — acknowledged with the posting's version. */
    private boolean filledAlready(String key) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/integration/v1/vacancies/" + key))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && "FILLED".equals(JSON.readTree(r.body()).path("status").asString())) {
            ledger.fillAcknowledged(key, version(r));
            return true;
        }
        return false;
    }

    private static long version(HttpResponse<?> r) {
        return Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replaceAll("[^0-9]", ""));
    }

    private String body(Ledger.Content c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Mechatroniker/in (m/w/d) Chaos-Test");
        m.put("description", "Eine Stelle des Chaos-Tests (infra/chaos): sie prüft, dass nichts Bestätigtes verloren geht.");
        m.put("type", "JOB");
        m.put("kldb", "26112");
        m.put("postalCode", "74172");
        m.put("workingTime", "FULL_TIME");
        m.put("remoteShare", 0);
        m.put("fixedTerm", false);
        m.put("startDate", base.toString());
        m.put("validThrough", c.validThrough());
        m.put("openings", c.openings());
        m.put("qualificationLevel", "VOCATIONAL");
        m.put("applicationUrl", "https://karriere.example.de/chaos");
        m.put("temporaryAgency", false);
        return JSON.writeValueAsString(m);
    }

    /** The HR client's token, renewed every 4 minutes (they live 10) or after a 401; the old one while renewal fails. */
    private String token() {
        if (token == null || System.currentTimeMillis() - tokenAt > 240_000) {
            synchronized (this) {
                if (token == null || System.currentTimeMillis() - tokenAt > 240_000) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                        "hr-demo-neckartal:augenhoehe-demo-hr-secret".getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            token = JSON.readTree(r.body()).path("access_token").asString();
                            tokenAt = System.currentTimeMillis();
                        }
                    } catch (IOException | RuntimeException e) {
                        // partner-service or the gateway away: keep the old token
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        return token == null ? "" : token;
    }

    /** Stops new writes and waits until every thread's write is acknowledged or left open ({@link #SETTLE}). */
    void pause() {
        pausedAt = System.nanoTime();
        paused = true;
        while (busy.get() > 0) {
            sleep(50);
        }
    }

    void resume() {
        paused = false;
    }

    void stop() {
        stopped = true;
        threads.forEach(t -> {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Answers so far: no answer, 2xx, 4xx, 5xx (by code: a downstream failure is 502/503/504, never 500). */
    String answers() {
        return "no answer " + statusCounts[0] + ", 2xx " + statusCounts[2] + ", 4xx " + statusCounts[4] + ", 5xx " + statusCounts[5]
                + " " + serverErrors;
    }

    long internalServerErrors() {
        AtomicLong n = serverErrors.get(500);
        return n == null ? 0 : n.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
