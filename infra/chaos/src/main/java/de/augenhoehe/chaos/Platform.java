package de.augenhoehe.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, driven only through {@code ./platform} (its commands and environment variables: the
 * suite's own data folder and ports) and through signals to the processes whose pids it records — what a supervisor
 * could do, nothing more.
 */
final class Platform {

    static final List<String> SERVICES = List.of("partner", "vacancy", "measures", "outreach");

    private final Path root;
    private final Path data;
    private final Map<String, Integer> ports;
    private final Path log;

    Platform(Path root, Path data, Map<String, Integer> ports) {
        this.root = root;
        this.data = data;
        this.ports = ports;
        this.log = data.resolveSibling(data.getFileName() + "-platform.log");
    }

    /** The ports of a run from a base (the suite's default 18080): each component its own, all on loopback. */
    static Map<String, Integer> ports(int base) {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put("GATEWAY", base);
        p.put("PARTNER", base + 1);
        p.put("VACANCY", base + 2);
        p.put("MEASURES", base + 3);
        p.put("OUTREACH", base + 4);
        p.put("KAFKA", base + 12);
        p.put("KAFKA_CONTROLLER", base + 13);
        p.put("POSTGRES", base + 15);
        p.put("MAIL", base + 16);
        p.put("PORTAL", base + 5);
        p.put("INSTANCE_STEP", 20); // AUGENHOEHE_PORT_INSTANCE_STEP: second instances on N+21…N+24 (--instances)
        return p;
    }

    int port(String name) {
        return ports.get(name.toUpperCase());
    }

    Path data() {
        return data;
    }

    Path log() {
        return log;
    }

    void up(String... options) {
        List<String> command = new ArrayList<>(List.of("up"));
        command.addAll(List.of(options));
        run(Duration.ofMinutes(15), command);
    }

    void restart(String component) {
        run(Duration.ofMinutes(5), List.of("restart", component));
    }

    void down() {
        run(Duration.ofMinutes(3), List.of("down"));
    }

    String token(String... args) {
        List<String> command = new ArrayList<>(List.of("token"));
        command.addAll(List.of(args));
        return run(Duration.ofMinutes(1), command).strip();
    }

    /** The pid ./platform recorded for a component (its launcher JVM for kafka and postgres). */
    long pid(String component) {
        return firstNumber(data.resolve("run").resolve(component + ".pid"));
    }

    /** The PostgreSQL server process itself (the postmaster), whose children are the backends. */
    long postmaster() {
        return firstNumber(data.resolve("postgres/data/postmaster.pid"));
    }

    /**
     * A ./platform command that overran: SIGTERM first (its trap stops what it started, e.g. AOT training runs), then
     * SIGKILL to it and to whatever it started that is still there — nothing of the suite's may outlive it.
     */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> started = p.toHandle().descendants().toList();
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static long firstNumber(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).getFirst().strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no pid in " + file + ": " + e.getMessage(), e);
        }
    }

    private String run(Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("platform").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        env.put("AUGENHOEHE_DATA", data.toString());
        ports.forEach((name, port) -> env.put("AUGENHOEHE_PORT_" + name, String.valueOf(port)));
        env.put("NO_COLOR", "1");
        try {
            Path out = Files.createTempFile("chaos-platform", ".out");
            pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Files.writeString(log, "\n$ ./platform " + String.join(" ", args) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                stop(p);
                throw new IllegalStateException("./platform " + String.join(" ", args) + " took over " + timeout);
            }
            String output = Files.readString(out);
            Files.delete(out);
            if (!args.getFirst().equals("token")) {
                Files.writeString(log, output, StandardOpenOption.APPEND);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("./platform " + String.join(" ", args) + " failed (exit " + p.exitValue()
                        + "), see " + log);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
