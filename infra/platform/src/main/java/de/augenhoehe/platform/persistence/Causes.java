package de.augenhoehe.platform.persistence;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A failure and its causes, outermost first — the one walk the platform's failure classifications share (problem
 * answers, consumer retries, dead letters). Stops at a cause seen before, so a cyclic chain cannot loop.
 */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return Stream.iterate(failure, t -> t != null && seen.add(t), Throwable::getCause);
    }

    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return of(failure).anyMatch(test);
    }

    /** The innermost cause (the failure itself when it has none). */
    public static Throwable root(Throwable failure) {
        return of(failure).reduce((outer, inner) -> inner).orElse(failure);
    }
}
