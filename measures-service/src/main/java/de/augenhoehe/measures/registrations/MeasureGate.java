package de.augenhoehe.measures.registrations;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * Lets one registration per measure at a time into the database from this instance; the others wait here.
 *
 * <p>Why: correctness comes from the measure's row lock alone ({@link LockedMeasure}), which also serialises the
 * instances. But a request waiting for that lock holds a pooled connection while it waits. When a popular measure
 * opens, hundreds of requests would each take one, exhaust the pool (12 per instance) and make everything else —
 * other measures, the catalogue — time out after the pool's 5 s. Waiting on a fair lock in the JVM costs only a
 * parked virtual thread. Striped by measure id: two measures on one stripe only wait for each other a little.
 */
@Component
class MeasureGate {

    static final ProblemType REGISTRATION_BUSY = ProblemType.of(HttpStatus.SERVICE_UNAVAILABLE, "registration-busy", "Überlastet / Busy");

    private static final int STRIPES = 64;
    /** Far above what a burst of 500 registrations needs on a small machine (about 9 s here); beyond it, ask to retry. */
    private static final long MAX_WAIT_SECONDS = 60;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    MeasureGate() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T through(UUID measure, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(measure.hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static ProblemException busy() {
        return REGISTRATION_BUSY.exception("Too many registrations for this measure at once; please retry in a few seconds");
    }
}
