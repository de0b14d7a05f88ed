package de.augenhoehe.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import de.augenhoehe.chaos.Alerts.Watch;
import de.augenhoehe.chaos.Metrics.Scrape;

/**
 * infra/chaos/run: starts a platform of its own (data folder, ports 18080…, loopback), drives integration writes the
 * whole time and, one after another, injects each fault, heals it only as a supervisor would ({@code ./platform up}
 * starts what is missing, {@code ./platform restart NAME}, SIGCONT, the database allowed again), then counts every
 * acknowledged write in every source until all hold (≤ 60 s). Prints a table, exits 1 when any target is missed. The
 * faults get 20 minutes from the moment the platform is up (a fault that would not fit is reported as not run).
 *
 * <p>Options: {@code --data DIR} (default infra/chaos/target/platform-data), {@code --port-base N} (18080),
 * {@code --no-build} (passed to ./platform up), {@code --faults a,b} (a subset, names as printed), {@code --keep}
 * (leave the platform running at the end), {@code --instances N} (N instances of each service: the SIGKILL faults kill
 * the first instance while the others serve; logins through the gateway run the whole time and must not fail then).
 */
public final class ChaosSuite {

    static final Duration BUDGET = Duration.ofMinutes(20);
    static final Duration CONVERGENCE_WAIT = Duration.ofSeconds(90);

    private final Platform platform;
    private final Ledger ledger = new Ledger();
    private final LocalDate base = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
    private final long started = System.nanoTime();
    private long faultsStarted;
    private final List<Report.Row> rows = new ArrayList<>();
    private final AtomicReference<Runnable> undo = new AtomicReference<>();
    private Writer writer;
    private Observer observer;
    private Metrics metrics;
    private Poison poison;
    private Logins logins;
    private Registrations registrations;
    private final Map<String, Registrations.Count> registrationsPerFault = new LinkedHashMap<>();
    private int instances = 1;
    private final Map<String, Logins.Count> loginsPerFault = new LinkedHashMap<>();

    private ChaosSuite(Platform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("augenhoehe.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve("infra/chaos/target/platform-data");
        int portBase = 18080;
        boolean noBuild = false, keep = false;
        int instances = 1;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--port-base" -> portBase = Integer.parseInt(args[++i]);
                case "--no-build" -> noBuild = true;
                case "--keep" -> keep = true;
                case "--faults" -> only = List.of(args[++i].split(","));
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: infra/chaos/run [--data DIR] [--port-base N] [--no-build] [--faults a,b] [--keep] [--instances N]");
                    System.exit(2);
                }
            }
        }
        ChaosSuite suite = new ChaosSuite(new Platform(root, data, Platform.ports(portBase)));
        suite.instances = instances;
        boolean keepRunning = keep;
        Thread cleanup = new Thread(() -> suite.cleanUp(keepRunning));
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean passed;
        try {
            passed = suite.run(noBuild, only);
        } catch (RuntimeException e) {
            System.out.println("\nThe suite could not finish: " + e.getMessage());
            passed = false;
        }
        System.out.println(passed ? "\nVERDICT: PASSED — every target met." : "\nVERDICT: FAILED — see the rows marked FAILED and any FINDING.");
        System.exit(passed ? 0 : 1);
    }

    private boolean run(boolean noBuild, List<String> only) {
        say("Data folder " + platform.data() + ", ./platform output in " + platform.log());
        List<String> up = new ArrayList<>(List.of("--fresh", "--instances", String.valueOf(instances)));
        if (noBuild) {
            up.add("--no-build");
        }
        say("Starting the platform (./platform up " + String.join(" ", up) + ") ...");
        platform.up(up.toArray(String[]::new));
        String opsToken = platform.token("--roles", "operations", "--ttl-minutes", "60");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", "http://127.0.0.1:" + platform.port("gateway") + "/actuator/prometheus");
        Platform.SERVICES.forEach(s -> targets.put(s + "-service", "http://127.0.0.1:" + platform.port(s) + "/actuator/prometheus"));
        metrics = new Metrics(targets, () -> opsToken);
        metrics.start();
        observer = new Observer(platform.port("postgres"), platform.port("kafka"), base);
        poison = new Poison(platform.port("kafka"));
        writer = new Writer("http://127.0.0.1:" + platform.port("gateway"), runId, base, ledger);
        writer.start(4);
        logins = new Logins("http://127.0.0.1:" + platform.port("gateway"));
        logins.start();
        registrations = new Registrations("http://127.0.0.1:" + platform.port("gateway"), platform.port("outreach"),
                () -> opsToken, runId, observer);
        registrations.start();
        faultsStarted = System.nanoTime();
        say("Writing (run " + runId + ") ...");
        sleep(Duration.ofSeconds(10));
        for (Fault fault : faults()) {
            if (!only.isEmpty() && !only.contains(fault.name())) {
                continue;
            }
            if (Duration.ofNanos(System.nanoTime() - faultsStarted).plus(Duration.ofMinutes(3)).compareTo(BUDGET) > 0) {
                say("Time budget (" + BUDGET.toMinutes() + " min) reached before " + fault.name() + ": not run.");
                rows.add(new Report.Row(fault.name() + " (not run: time)", Verdict.of(ledger.snapshot(), empty()), null, -1,
                        "-", false, "-", false));
                continue;
            }
            rows.add(inject(fault));
        }
        writer.stop();
        logins.stop();
        registrations.stop();
        metrics.stop();
        say("\n" + Report.table(rows));
        say("Logins (people by authorization code with PKCE, the HR client by client credentials; no retry), per fault:");
        loginsPerFault.forEach((fault, count) -> say(String.format("  %-26s %s", fault, count.describe())));
        // With several instances a killed service instance must cost no login: the others serve (issue #20).
        List<String> failedLogins = loginsPerFault.entrySet().stream().filter(e -> instances > 1
                && Platform.SERVICES.stream().anyMatch(x -> e.getKey().equals(x + " SIGKILL")) && e.getValue().failed() > 0)
                .map(Map.Entry::getKey).toList();
        if (!failedLogins.isEmpty()) {
            say("FINDING: logins failed while one instance of a service was killed: " + failedLogins);
        }
        say("Registrations (Fachsprache, confirmed from the mail; counted against measures' database after each fault):");
        registrationsPerFault.forEach((fault, count) -> say(String.format("  %-26s %s", fault,
                count == null ? "? (database unreadable)" : count.describe())));
        boolean registrationsOk = registrationsPerFault.values().stream().allMatch(c -> c != null && c.ok());
        if (!registrationsOk) {
            say("FINDING: a registration was lost, duplicated, or the confirmed places exceeded the capacity (above).");
        }
        say("Writes: " + writer.answers() + "; " + ledger.snapshot().filled().size() + " postings filled ("
                + ledger.snapshot().fillsOpen().size() + " fills left open); " + ledger.snapshot().failedAttempts() + " attempts not acknowledged (sent again), "
                + ledger.snapshot().open().size() + " left open.");
        boolean no500 = writer.internalServerErrors() == 0;
        if (!no500) {
            say("FINDING: the gateway or a service answered 500 " + writer.internalServerErrors()
                    + " times during faults (a downstream failure must be 502/503/504): see the logs in " + platform.data() + "/logs.");
        }
        return rows.stream().allMatch(Report.Row::passes) && no500 && failedLogins.isEmpty() && registrationsOk;
    }

    /** One fault: inject, heal like a supervisor, then count until every source holds. */
    private Report.Row inject(Fault fault) {
        writer.resume();
        registrations.resume();
        sleep(Duration.ofSeconds(5));
        say("\n== " + fault.name() + " (" + elapsed() + ")");
        logins.take(); // from here on: this fault's logins
        long from = System.currentTimeMillis() - 6000;
        fault.action().run();
        long healed = System.nanoTime();
        Logins.Count during = logins.take();
        loginsPerFault.put(fault.name(), during);
        say("   healed; logins during the fault: " + during.describe() + "; pausing the writers and counting ...");
        writer.pause();
        registrations.pause();
        Verdict.Result result = null;
        double converged = -1;
        String deadLetters = "-";
        boolean deadLettersOk = true;
        while (System.nanoTime() - healed < CONVERGENCE_WAIT.toNanos()) {
            result = Verdict.of(ledger.snapshot(), observer.observe(ledger.snapshot()));
            if (fault.poison()) {
                Poison.Result p = poison.deadLettered();
                deadLetters = p.describe();
                deadLettersOk = p.complete();
            }
            if (result.converged() && deadLettersOk) {
                converged = (System.nanoTime() - healed) / 1e9;
                break;
            }
            sleep(Duration.ofSeconds(2));
        }
        Registrations.Count registered = registrations.count();
        registrationsPerFault.put(fault.name(), registered);
        say("   registrations: " + (registered == null ? "? (database unreadable)" : registered.describe()));
        sleep(Duration.ofSeconds(4)); // one more scrape of the healed state
        List<Scrape> scrapes = metrics.between(from, System.currentTimeMillis());
        List<Watch> watches = fault.alerts().apply(scrapes);
        // the watch that speaks loudest: one that fires, else one whose condition was seen longest
        Watch best = watches.stream().max(Comparator.comparing(Watch::fires).thenComparing(Watch::seen)
                .thenComparingLong(Watch::heldMillis)).orElseThrow();
        watches.forEach(w -> say("   alert " + w.describe()));
        Verdict.Result before = rows.isEmpty() ? null : rows.getLast().result();
        Report.Row row = new Report.Row(fault.name(), result, before, converged, best.alert() + (best.seen() ? (best.fires() ? ": fires" : ": seen") : ": not seen"),
                best.seen(), deadLetters, deadLettersOk);
        say(Report.table(List.of(row)));
        return row;
    }

    private Observed empty() {
        return new Observed(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("kafka SIGKILL", () -> {
            Signals.kill(List.of(platform.pid("kafka")));
            sleep(Duration.ofSeconds(15)); // writes go on into the outbox
            platform.up("--no-build");
        }, s -> Platform.SERVICES.stream().map(x -> Alerts.brokerUnreachable(s, x + "-service")).toList(), false));
        for (String app : List.of("gateway", "partner", "vacancy", "measures", "outreach")) {
            String job = app.equals("gateway") ? "gateway" : app + "-service";
            faults.add(new Fault(app + " SIGKILL", () -> {
                Signals.kill(List.of(platform.pid(app)));
                platform.up("--no-build"); // the writes go on while it starts (30-60 s here)
            }, s -> app.equals("gateway") ? List.of(Alerts.instanceDown(s, job))
                    : List.of(Alerts.instanceDown(s, job), Alerts.readinessDown(s, job)), false));
        }
        faults.add(new Fault("postgres SIGKILL", () -> {
            Signals.kill(Signals.tree(platform.postmaster()));
            sleep(Duration.ofSeconds(5));
            platform.restart("postgres");
        }, this::databaseWatches, false));
        faults.add(new Fault("postgres frozen 30 s", () -> {
            List<Long> tree = Signals.tree(platform.postmaster());
            undo.set(() -> Signals.cont(tree));
            Signals.stop(tree);
            sleep(Duration.ofSeconds(30));
            Signals.cont(tree);
            undo.set(null);
        }, this::databaseWatches, false));
        faults.add(new Fault("measures db refuses 60 s", () -> {
            ConnectionRefusal refusal = new ConnectionRefusal(observer, "measures");
            undo.set(refusal::allow);
            refusal.refuse();
            sleep(Duration.ofSeconds(60));
            refusal.allow();
            undo.set(null);
        }, s -> List.of(Alerts.consumerRetryingInfrastructure(s, "measures-service", "vacancy-events"),
                Alerts.databaseUnreachable(s, "measures-service")), false));
        faults.add(new Fault("poison records", () -> {
            poison.inject();
            sleep(Duration.ofSeconds(5)); // later events flow behind them
        }, s -> List.of("measures", "outreach", "partner").stream().map(x -> Alerts.eventsDeadLettered(s, x + "-service")).toList(),
                true));
        return faults;
    }

    private List<Watch> databaseWatches(List<Scrape> s) {
        List<Watch> out = new ArrayList<>();
        Platform.SERVICES.forEach(x -> out.add(Alerts.databaseUnreachable(s, x + "-service")));
        Platform.SERVICES.forEach(x -> out.add(Alerts.readinessDown(s, x + "-service")));
        return out;
    }

    record Fault(String name, Runnable action, Function<List<Scrape>, List<Watch>> alerts, boolean poison) {
    }

    /** Ctrl-C, a failure or the end: undo a freeze or refusal, stop the writers and (unless --keep) the platform. */
    private void cleanUp(boolean keep) {
        Runnable pending = undo.getAndSet(null);
        if (pending != null) {
            try {
                pending.run();
            } catch (RuntimeException e) {
                System.err.println("undo failed: " + e.getMessage());
            }
        }
        if (writer != null) {
            writer.stop();
        }
        if (logins != null) {
            logins.stop();
        }
        if (registrations != null) {
            registrations.stop();
        }
        if (observer != null) {
            observer.close();
        }
        if (poison != null) {
            poison.close();
        }
        if (!keep) {
            try {
                platform.down();
                System.out.println("Platform stopped (" + platform.data() + ").");
            } catch (RuntimeException e) {
                System.err.println("./platform down failed: " + e.getMessage());
            }
        }
    }

    private String elapsed() {
        long s = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return String.format("%d:%02d, %s", s / 60, s % 60, Instant.now().toString().substring(11, 19) + " UTC");
    }

    private static void say(String line) {
        System.out.println(line);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
