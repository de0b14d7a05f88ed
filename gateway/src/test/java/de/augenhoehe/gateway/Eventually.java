package de.augenhoehe.gateway;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until a condition holds, failing after the timeout. */
final class Eventually {

    private Eventually() {
    }

    static void until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
