package de.augenhoehe.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's own checker. Missing promtool fails the test (never skips it): the rules would go untested.
 * Debian ships it in the {@code prometheus} package ({@code .ci/run} installs it); {@code PROMTOOL} names another binary.
 */
final class Promtool {

    private Promtool() {
    }

    record Result(int exitCode, String output) {
    }

    /** Runs promtool with the arguments in the folder; asserts exit code 0 and returns the output. */
    static String ok(Path dir, String... args) {
        Result r = run(dir, args);
        assertThat(r.exitCode()).as("promtool " + String.join(" ", args) + " in " + dir + ":\n" + r.output()).isZero();
        return r.output();
    }

    static Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(binary()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("promtool", ".out");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("promtool did not finish within 120 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String binary() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? configured : fail("PROMTOOL=" + configured + " is not an executable file.");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        return fail("promtool is missing, so the alert rules and dashboard queries cannot be checked. Install it: "
                + "apt-get install -y --no-install-recommends prometheus (Debian's package ships promtool; .ci/run does this), "
                + "or set PROMTOOL=/path/to/promtool.");
    }
}
