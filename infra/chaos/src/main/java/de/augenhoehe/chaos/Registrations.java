package de.augenhoehe.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Registrations for a demo measure (Fachsprache, 12 places) the whole time, through the gateway, as issue #15 made
 * them: {@code POST /api/registrations} (anonymous, with an Idempotency-Key; sent again unchanged until answered 2xx),
 * then the secret from the mail — read from the demo mail server of outreach-service's first instance
 * ({@code /internal/mails}) — and {@code POST /api/registrations/{id}/confirmation} (sent again until 200). A
 * registration counts as acknowledged once its confirmation was answered 200. One at a time, one every few seconds
 * (the gateway allows 10 registrations in a burst, then one per 10 s per address: a 429 is waited out and sent again).
 * {@link #count} holds every acknowledged one against measures-service's database: still there (confirmed or on the
 * waiting list, not cancelled), no address with two live registrations (a resend that registered twice), and never
 * more confirmed places than the capacity.
 */
final class Registrations {

    static final UUID MEASURE = UUID.fromString("6d0e0000-0000-4000-8000-000000000002");
    private static final Pattern LINK = Pattern.compile("#anmeldung=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");

    private final String gateway;
    private final String mails;
    private final Supplier<String> opsToken;
    private final String runId;
    private final Observer database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** acknowledged (confirmed from the mail): e-mail address → registration id */
    private final Map<String, UUID> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong notAcknowledged = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean stopped;
    private volatile boolean busy;
    private Thread thread;

    Registrations(String gateway, int outreachPort, Supplier<String> opsToken, String runId, Observer database) {
        this.gateway = gateway;
        this.mails = "http://127.0.0.1:" + outreachPort + "/internal/mails";
        this.opsToken = opsToken;
        this.runId = runId.toLowerCase();
        this.database = database;
    }

    void start() {
        thread = Thread.ofPlatform().name("registrations").daemon().start(this::loop);
    }

    void pause() {
        paused = true;
        long until = System.nanoTime() + Writer.SETTLE.toNanos();
        while (busy && System.nanoTime() < until) {
            ChaosSuite.sleep(Duration.ofMillis(200));
        }
    }

    void resume() {
        paused = false;
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        int n = 0;
        while (!stopped) {
            if (paused) {
                ChaosSuite.sleep(Duration.ofMillis(200));
                continue;
            }
            busy = true;
            try {
                register(n++);
            } finally {
                busy = false;
            }
            ChaosSuite.sleep(Duration.ofSeconds(3));
        }
    }

    /** One registration from request to confirmation; gives up (not acknowledged) after 60 s of trying. */
    private void register(int n) {
        String email = "chaos-" + runId + "-" + n + "@example.org";
        String body = "{\"measureId\":\"" + MEASURE + "\",\"name\":\"Chaos " + n + "\",\"email\":\"" + email + "\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode registered = null;
        while (registered == null && System.nanoTime() < deadline && !stopped) {
            attempts.incrementAndGet();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/registrations"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "chaos-" + runId + "-" + n)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (r != null && (r.statusCode() == 201 || r.statusCode() == 200)) {
                registered = Writer.JSON.readTree(r.body());
            } else {
                if (r != null && r.statusCode() / 100 == 4 && r.statusCode() != 429 && r.statusCode() != 409) {
                    System.out.println("   registration " + n + " refused: " + r.statusCode() + " " + r.body());
                    notAcknowledged.incrementAndGet();
                    return;
                }
                ChaosSuite.sleep(Duration.ofSeconds(r != null && r.statusCode() == 429 ? 3 : 1));
            }
        }
        String[] secret = null;
        while (registered != null && secret == null && System.nanoTime() < deadline && !stopped) {
            secret = secretFor(email);
            if (secret == null) {
                ChaosSuite.sleep(Duration.ofSeconds(1));
            }
        }
        while (secret != null && System.nanoTime() < deadline && !stopped) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gateway + "/api/registrations/" + secret[0] + "/confirmation"))
                    .header("Registration-Token", secret[1]).POST(HttpRequest.BodyPublishers.noBody()));
            if (r != null && r.statusCode() == 200) {
                acknowledged.put(email, UUID.fromString(secret[0]));
                return;
            }
            ChaosSuite.sleep(Duration.ofSeconds(1));
        }
        notAcknowledged.incrementAndGet();
    }

    private String[] secretFor(String email) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(mails)).header("Authorization", "Bearer " + opsToken.get()).GET());
        if (r == null || r.statusCode() != 200) {
            return null;
        }
        for (JsonNode mail : Writer.JSON.readTree(r.body())) {
            if (mail.get("to").toString().contains(email)) {
                Matcher m = LINK.matcher(mail.get("text").asString());
                if (m.find()) {
                    return new String[] {m.group(1), m.group(2)};
                }
            }
        }
        return null;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The acknowledged registrations held against the database. */
    record Count(int acknowledged, int kept, int lost, int duplicates, int confirmedPlaces, int capacity,
            long attempts, long notAcknowledged) {
        boolean ok() {
            return lost == 0 && duplicates == 0 && confirmedPlaces <= capacity;
        }

        String describe() {
            return acknowledged + " acknowledged: " + kept + " kept, " + lost + " lost, " + duplicates + " duplicate; confirmed places "
                    + confirmedPlaces + " of " + capacity + " (" + attempts + " requests, " + notAcknowledged + " given up)";
        }
    }

    Count count() {
        Map<String, UUID> acked = new HashMap<>(acknowledged);
        try (Connection c = database.connect("measures")) {
            Map<String, List<String[]>> rows = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select email, id::text, status from registration where measure_id = ? and email like ?")) {
                s.setObject(1, MEASURE);
                s.setString(2, "chaos-" + runId + "-%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            int kept = 0;
            for (Map.Entry<String, UUID> e : acked.entrySet()) {
                if (rows.getOrDefault(e.getKey(), List.of()).stream()
                        .anyMatch(r -> r[0].equals(e.getValue().toString()) && !r[1].equals("CANCELLED"))) {
                    kept++;
                }
            }
            int duplicates = (int) rows.values().stream()
                    .filter(list -> list.stream().filter(r -> !r[1].equals("CANCELLED")).count() > 1).count();
            int confirmed;
            int capacity;
            try (PreparedStatement s = c.prepareStatement("""
                    select m.capacity, (select coalesce(sum(places), 0) from registration r
                    where r.measure_id = m.id and r.status = 'CONFIRMED') from measure m where m.id = ?""")) {
                s.setObject(1, MEASURE);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    capacity = rs.getInt(1);
                    confirmed = rs.getInt(2);
                }
            }
            return new Count(acked.size(), kept, acked.size() - kept, duplicates, confirmed, capacity, attempts.get(),
                    notAcknowledged.get());
        } catch (SQLException e) {
            return null;
        }
    }
}
