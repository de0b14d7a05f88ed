package de.augenhoehe.platform.web;

import java.util.List;
import java.util.Objects;

/**
 * Repeated query parameters ({@code ?status=A&status=B}) bound to a list: Spring converts a blank value
 * ({@code ?status=%20}, {@code ?status=%00} — it trims control characters too) to a null element. That is no value,
 * not an error, and must not reach code that cannot hold a null (an {@code EnumSet} answered 500: endpoint fuzzer).
 */
public final class ListParameters {

    private ListParameters() {
    }

    /** The list without its blank values; null stays null (the parameter was absent). */
    public static <T> List<T> withoutBlanks(List<T> values) {
        return values == null ? null : values.stream().filter(Objects::nonNull).toList();
    }
}
