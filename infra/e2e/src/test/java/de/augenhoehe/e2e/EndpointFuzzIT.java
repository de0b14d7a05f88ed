package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import de.augenhoehe.e2e.OpenApiDocument.Operation;
import de.augenhoehe.e2e.RequestFactory.Probe;
import de.augenhoehe.testing.TestTokens;

/**
 * Issue #16: every operation of every service's committed OpenAPI document gets valid and invalid requests made from
 * its schemas, with tokens of every role, wrong and missing ones, directly and through the gateway — at least
 * {@link #REQUESTS} requests from a fixed, printed seed ({@code -Dfuzz.seed=…}, {@code -Dfuzz.requests=…} to
 * reproduce or go further). Any 5xx, undeclared status, 4xx that is no problem+json or 2xx body that does not match
 * its schema fails the run; then the databases must hold no half-written row ({@link DataConsistency}).
 */
class EndpointFuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 16_2026L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final int THREADS = 4;
    /** Share of requests with one thing wrong in them; the rest are valid and change the platform's state. */
    static final double WRONG = 0.55;
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    /**
     * At most this long sending ({@code -Dfuzz.budget-seconds}): a guard against a platform that stopped answering,
     * not a target — a run that reaches it before {@link #REQUESTS} fails (about 6 minutes on the idle 2-core machine).
     */
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.budget-seconds", 900));

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final IdPool ids = new IdPool();
    final ResponseCheck check = new ResponseCheck();
    final Map<String, Finding> findings = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger sent = new AtomicInteger();
    /** Requests through the gateway that met its route time limit (504) and were sent again straight to the service. */
    final AtomicInteger slowViaGateway = new AtomicInteger();
    Platform platform;

    /** One kind of wrong answer of one operation: its first example and how often it came. */
    record Finding(String key, String example, AtomicInteger count) {
    }

    @Test
    void no_request_to_any_operation_gets_a_server_error_an_undeclared_answer_or_leaves_data_half_written() throws Exception {
        System.out.println("Endpoint fuzzer: seed " + SEED + " (-Dfuzz.seed), " + REQUESTS + " requests (-Dfuzz.requests), at most "
                + BUDGET.toSeconds() + " s (-Dfuzz.budget-seconds)");
        platform = Platform.get();
        List<Operation> operations = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            operations.addAll(OpenApiDocument.read(service, Path.of("../..", service, "src/main/resources/contracts/openapi.json")).operations());
        }
        Instant start = Instant.now();
        Instant deadline = start.plus(BUDGET);
        Random random = new Random(SEED);
        // first every operation once, valid, as coordinator and as operator: ids of real partners, networks, … to use
        Tokens tokens = new Tokens(random, List.of(), List.of());
        for (String role : List.of("coordinator", "operations")) {
            RequestFactory valid = new RequestFactory(new Random(random.nextLong()), ids);
            for (Operation op : operations) {
                send(valid.next(op, 0), tokens.role(role), false);
            }
        }
        tokens = new Tokens(random, ids.of("partners"), ids.of("networks"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random own = new Random(random.nextLong());
            Tokens tokensOfThread = tokens.forThread(own);
            List<Operation> order = new ArrayList<>(operations);
            running.add(pool.submit(() -> {
                RequestFactory requests = new RequestFactory(own, ids);
                while (sent.get() < REQUESTS && Instant.now().isBefore(deadline)) {
                    Collections.shuffle(order, own);
                    for (Operation op : order) {
                        if (sent.get() >= REQUESTS || Instant.now().isAfter(deadline)) {
                            break;
                        }
                        try {
                            send(requests.next(op, WRONG), tokensOfThread.any(), own.nextInt(4) == 0);
                        } catch (RuntimeException e) { // a flaw of the fuzzer itself: shown, and the run goes on
                            record("fuzzer could not make a request for " + op.name() + ": " + e, "");
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        Duration took = Duration.between(start, Instant.now());
        List<String> inconsistent = new DataConsistency(platform).violations();
        System.out.printf("Endpoint fuzzer: %d requests over %d operations in %d s (%.1f/s), seed %d; answers by status %s%n",
                sent.get(), operations.size(), took.toSeconds(), sent.get() * 1000.0 / Math.max(1, took.toMillis()), SEED,
                new TreeMap<>(statuses));
        if (slowViaGateway.get() > 0) {
            System.out.printf("Endpoint fuzzer: %d requests through the gateway got its 504 (route time limit) and were sent again"
                    + " straight to the service%n", slowViaGateway.get());
        }
        if (sent.get() < REQUESTS) {
            System.out.printf("Endpoint fuzzer: stopped by its time budget of %d s after %d of %d requests%n",
                    BUDGET.toSeconds(), sent.get(), REQUESTS);
        }
        findings.values().stream().sorted((a, b) -> a.key().compareTo(b.key()))
                .forEach(f -> System.out.println("FINDING " + f.key() + " ×" + f.count() + "\n    e.g. " + f.example()));
        inconsistent.forEach(v -> System.out.println("INCONSISTENT " + v));
        new TreeMap<>(check.genericUsed).forEach((status, ops) -> System.out.println("GENERIC " + status + " undeclared, allowed ×"
                + ops.values().stream().mapToInt(AtomicInteger::get).sum() + " over " + ops.size() + " operations, e.g. " + new TreeMap<>(ops).keySet().stream().limit(6).toList()));
        new TreeMap<>(check.nullAnswered).forEach((op, members) -> System.out.println("NULL " + op + " answered null for " + members
                + ", read as absent (declared without \"null\" in its type)"));
        assertThat(sent.get()).as("requests sent (a run stopped by its budget says so above)").isGreaterThanOrEqualTo(REQUESTS);
        assertThat(findings.keySet()).as("wrong answers (seed %d)", SEED).isEmpty();
        assertThat(inconsistent).as("half-written data (seed %d)", SEED).isEmpty();
    }

    private void send(Probe p, Tokens.Token token, boolean viaGateway) {
        String base = viaGateway ? platform.gatewayBase() : platform.base(p.operation().doc().service);
        String url = base + p.pathAndQuery();
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(GIVE_UP).method(p.operation().method(),
                    p.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(p.body()));
        } catch (IllegalArgumentException notAUri) {
            return; // an odd segment the client itself refuses: nothing reached the platform
        }
        if (token.value() != null) {
            b.header("Authorization", "Bearer " + token.value());
        }
        if (p.contentType() != null) {
            b.header("Content-Type", p.contentType());
        }
        p.headers().forEach(b::header);
        if (p.operation().template().contains("registrations") && p.operation().method().equals("POST")) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        sent.incrementAndGet();
        String what = p.operation().doc().service + " " + p.operation().name();
        String example = p.operation().method() + " " + (viaGateway ? "gateway" : p.operation().doc().service) + " "
                + abbreviate(p.pathAndQuery()) + " [" + p.mutation() + "; token " + token.label() + "]";
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (viaGateway && r.statusCode() == 504) {
                // the gateway's route time limit, met on a loaded runner: the service's own answer decides (30 s)
                slowViaGateway.incrementAndGet();
                send(p, token, false);
                return;
            }
            String contentType = r.headers().firstValue("Content-Type").orElse(null);
            String wrong = check.problem(p.operation(), r.statusCode(), contentType, r.body());
            if (wrong != null) {
                String body = new String(r.body(), StandardCharsets.UTF_8);
                record(what + ": " + wrong.replaceAll(":.*", ""), example + " → " + wrong + " " + abbreviate(body));
            } else if (r.statusCode() < 300 && contentType != null && contentType.contains("json") && r.body().length > 0) {
                ids.harvest(p.operation().template(), OpenApiDocument.JSON.readTree(r.body()), r.headers().firstValue("Location").orElse(null));
            }
        } catch (HttpTimeoutException e) {
            record(what + ": no answer within " + GIVE_UP.toSeconds() + " s", example);
        } catch (IOException e) {
            record(what + ": connection failed", example + " → " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            record(what + ": unreadable answer", example + " → " + e);
        }
    }

    private void record(String key, String example) {
        findings.computeIfAbsent(key, k -> new Finding(k, example, new AtomicInteger())).count().incrementAndGet();
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }

    /** Tokens of each role, of two partners and their network, and wrong ones; with their label for the findings. */
    record Tokens(Random random, List<String> partners, List<String> networks) {
        record Token(String label, String value) {
        }

        Tokens forThread(Random own) {
            return new Tokens(own, partners, networks);
        }

        Token role(String role) {
            return new Token(role, TestTokens.subject("fuzz-" + role).roles(role).sign());
        }

        Token any() {
            int kind = random.nextInt(20);
            UUID partner = partners.isEmpty() ? UUID.randomUUID() : UUID.fromString(partners.get(random.nextInt(Math.min(2, partners.size()))));
            List<UUID> network = networks.isEmpty() ? List.of() : List.of(UUID.fromString(networks.get(random.nextInt(Math.min(2, networks.size())))));
            return switch (kind) {
                case 0 -> new Token("none", null);
                case 1 -> new Token("expired", TestTokens.subject("fuzz").roles("coordinator").expiresAt(Instant.now().minusSeconds(60)).sign());
                case 2 -> new Token("foreign key", TestTokens.subject("fuzz").roles("operations").signWithForeignKey());
                case 3 -> new Token("garbage", "eyJhbGciOiJub25lIn0.e30.");
                case 4 -> new Token("other audience", TestTokens.subject("fuzz").roles("coordinator").audience("elsewhere").sign());
                case 5, 6, 7 -> new Token("coordinator of " + network, TestTokens.subject("fuzz-coordinator").roles("coordinator").networks(network).sign());
                case 8, 9, 10 -> new Token("partner_admin of " + partner, TestTokens.subject("fuzz-admin").roles("partner_admin").partner(partner).sign());
                case 11, 12 -> new Token("partner_staff of " + partner, TestTokens.subject("fuzz-staff").roles("partner_staff").partner(partner).sign());
                case 13, 14 -> new Token("hr_client of " + partner, TestTokens.subject("fuzz-hr").roles("hr_client").partner(partner).sign());
                case 15 -> new Token("operations", TestTokens.operations());
                case 16 -> new Token("no roles", TestTokens.subject("fuzz-nobody").sign());
                default -> new Token("every role", TestTokens.subject("fuzz-all").roles("coordinator", "partner_admin", "partner_staff",
                        "operations", "hr_client").partner(partner).networks(network).sign());
            };
        }
    }
}
