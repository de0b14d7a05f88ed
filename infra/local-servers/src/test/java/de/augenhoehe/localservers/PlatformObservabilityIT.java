package de.augenhoehe.localservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./platform up --observability} next to a running platform starts what is missing, Prometheus included (issue
 * #19): the script itself on a data folder whose seven components are stand-ins ({@code sleep} processes recorded in
 * the pid files as {@code up} records its own — the script only asks whether the recorded process runs) and a real
 * Prometheus. A killed Prometheus is started again by a plain {@code up}: the running platform was started with it.
 */
class PlatformObservabilityIT {

    private static final Path PLATFORM = Path.of("../../platform").toAbsolutePath().normalize();
    private static final List<String> COMPONENTS = List.of("postgres", "kafka", "partner", "vacancy", "measures",
            "outreach", "gateway", "portal");

    private final List<Process> standIns = new ArrayList<>();
    private Path data;

    @Test
    void up_starts_a_missing_prometheus_next_to_a_running_platform() throws Exception {
        data = Files.createTempDirectory("platform-observability-");
        assertThat(platform(Map.of(), "keys").exitCode()).isZero();
        Path run = Files.createDirectories(data.resolve("run"));
        StringBuilder ports = new StringBuilder();
        for (String key : List.of("gateway", "partner", "vacancy", "measures", "outreach", "kafka", "kafka_controller",
                "postgres", "mail", "portal")) {
            ports.append(key).append('=').append(FreePorts.next()).append('\n');
        }
        Files.writeString(run.resolve("ports.env"), ports);
        for (String component : COMPONENTS) {
            Process p = new ProcessBuilder("sleep", "600").start();
            standIns.add(p);
            Files.writeString(run.resolve(component + ".pid"), p.pid() + " " + startTime(p.pid()) + "\n");
        }
        int port = FreePorts.next();

        Result first = platform(Map.of("AUGENHOEHE_PORT_PROMETHEUS", String.valueOf(port)), "up", "--observability");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("already running");
        long prometheus = pid(run.resolve("prometheus.pid"));
        assertThat(ready(port)).as("Prometheus answers /-/ready after up --observability").isTrue();

        ProcessHandle.of(prometheus).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
        ProcessHandle.of(prometheus).ifPresent(h -> h.onExit().join());
        Result status = platform(Map.of(), "status");
        assertThat(status.output()).containsPattern("prometheus +stopped");

        Result second = platform(Map.of(), "up");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(pid(run.resolve("prometheus.pid"))).isNotEqualTo(prometheus);
        assertThat(ready(port)).as("the restarted Prometheus on the port of its first start").isTrue();
        assertThat(platform(Map.of(), "status").output()).containsPattern("prometheus +running");

        Result down = platform(Map.of(), "down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(standIns).noneMatch(Process::isAlive);
        assertThat(ready(port)).isFalse();
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (data != null && Files.isDirectory(data.resolve("run"))) {
            platform(Map.of(), "down");
        }
        standIns.forEach(Process::destroyForcibly);
    }

    record Result(int exitCode, String output) {
    }

    private Result platform(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PLATFORM.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private static boolean ready(int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static long pid(Path file) throws IOException {
        assertThat(file).as("pid file of Prometheus").exists();
        return Long.parseLong(Files.readString(file).strip().split("\\s+")[0]);
    }

    /** Field 22 of /proc/PID/stat, as ./platform records it next to the pid. */
    private static String startTime(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[19];
    }
}
