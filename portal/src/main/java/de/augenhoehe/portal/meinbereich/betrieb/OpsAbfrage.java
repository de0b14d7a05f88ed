package de.augenhoehe.portal.meinbereich.betrieb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;

/**
 * Reads the gateway's ops API for the night page, all calls at once ({@link PlatformApi#concurrently}): the page takes
 * as long as its slowest call, not their sum — and at most {@link #FRIST}: a call that fails, or has not answered by
 * then, leaves its part empty and says why; the others still show. (The gateway gives the whole page 6 s; a dead-letter
 * list reads Kafka and may take seconds on a loaded machine, and the page must not become a 503 for it.) Only a 401 is
 * passed on: the person's session has ended (ErrorPages sends them to the login).
 */
@Component
class OpsAbfrage {

    /** The services whose dead letters the gateway relays (its {@code /ops/dead-letters/{service}}). */
    static final List<String> DIENSTE = List.of("partner", "vacancy", "measures", "outreach");

    /** How long the page waits for the ops API at most. */
    static final Duration FRIST = Duration.ofSeconds(4);
    private static final Executor VIRTUAL = command -> Thread.ofVirtual().start(command);

    private final PlatformApi api;

    OpsAbfrage(PlatformApi api) {
        this.api = api;
    }

    /** One reading of every part; {@code letterLimit} dead letters per service at most. */
    Lage lesen(Map<String, String> bearer, int letterLimit) {
        Map<String, ApiProblem> failures = new ConcurrentHashMap<>();
        List<Supplier<JsonNode>> reads = new ArrayList<>(List.of(
                read("health", failures, () -> api.get("/ops/health", bearer)),
                read("circuit-breakers", failures, () -> api.get("/ops/circuit-breakers", bearer)),
                read("outbox", failures, () -> api.get("/ops/outbox", bearer)),
                read("consumers", failures, () -> api.get("/ops/consumers", bearer)),
                read("rate-limit-store", failures, () -> api.get("/ops/rate-limit-store", bearer))));
        for (String dienst : DIENSTE) {
            reads.add(read("dead-letters/" + dienst, failures,
                    () -> api.get("/ops/dead-letters/{service}?limit={limit}", bearer, dienst, letterLimit)));
        }
        List<JsonNode> answers = api.concurrently(reads);
        Map<String, JsonNode> letters = new LinkedHashMap<>();
        for (int i = 0; i < DIENSTE.size(); i++) {
            letters.put(DIENSTE.get(i), answers.get(5 + i));
        }
        return new Lage(answers.get(0), answers.get(1), answers.get(2), answers.get(3), answers.get(4), letters, Map.copyOf(failures));
    }

    /** The dead letters of one service, for the confirmation page. */
    JsonNode deadLetters(String dienst, Map<String, String> bearer) {
        return api.get("/ops/dead-letters/{service}?limit=1000", bearer, dienst);
    }

    /** Redrives one dead letter in its service; an {@link ApiProblem} says why not (409 redrive-failed, already-redriven, 404). */
    void redrive(String dienst, String topic, int partition, long offset, Map<String, String> bearer) {
        api.post("/ops/dead-letters/{service}/{topic}/{partition}/{offset}/redrive", null, bearer, dienst, topic, partition, offset);
    }

    private Supplier<JsonNode> read(String part, Map<String, ApiProblem> failures, Supplier<JsonNode> call) {
        long deadline = System.nanoTime() + FRIST.toNanos();
        return () -> {
            // the call runs on a thread of its own so that the page can stop waiting for it (a call given up ends by
            // api-timeout), with the visitor's address as every call of the portal
            CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(api.carryingVisitor(call), VIRTUAL);
            try {
                return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                failures.put(part, new ApiProblem(504, "page-deadline", "no answer within " + FRIST, Map.of()));
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiProblem problem && problem.status() != 401) {
                    failures.put(part, problem);
                    return null;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiProblem(503, "interrupted", "interrupted while waiting for the ops API", Map.of());
            }
        };
    }

    /**
     * What the ops API answered; a part is null when its call failed ({@code failures} by part name: "health",
     * "dead-letters/measures", …).
     */
    record Lage(JsonNode health, JsonNode breakers, JsonNode outbox, JsonNode consumers, JsonNode rateLimitStore,
            Map<String, JsonNode> deadLetters, Map<String, ApiProblem> failures) {
    }
}
