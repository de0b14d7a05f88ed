package de.augenhoehe.chaos;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Signals to processes by pid: SIGKILL (a crash), SIGSTOP/SIGCONT (a frozen server, e.g. a stalled disk or VM). */
final class Signals {

    private Signals() {
    }

    /** The process and everything it started, parents first. */
    static List<Long> tree(long pid) {
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    static void kill(List<Long> pids) {
        send("-KILL", pids);
    }

    static void stop(List<Long> pids) {
        send("-STOP", pids);
    }

    static void cont(List<Long> pids) {
        send("-CONT", pids);
    }

    private static void send(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(p -> command.add(String.valueOf(p)));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
