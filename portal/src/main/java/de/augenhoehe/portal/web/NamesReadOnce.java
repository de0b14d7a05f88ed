package de.augenhoehe.portal.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reference names from a service (Kreise, occupation groups), read on first use and kept: they change with an import or
 * a new edition, not while the portal runs. Read on a page, not at start-up — the portal may be ready before the service.
 * A read that fails leaves nothing behind, so the next page tries again.
 */
public final class NamesReadOnce {

    private final Consumer<BiConsumer<String, String>> read;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** {@code read} puts every key and name it finds; it may throw when the service cannot be reached. */
    public NamesReadOnce(Consumer<BiConsumer<String, String>> read) {
        this.read = read;
    }

    public Optional<String> name(String key) {
        if (names.isEmpty()) {
            load();
        }
        return Optional.ofNullable(key == null ? null : names.get(key));
    }

    private synchronized void load() {
        if (!names.isEmpty()) {
            return;
        }
        try {
            read.accept(names::put);
        } catch (RuntimeException unavailable) {
            names.clear();
        }
    }
}
