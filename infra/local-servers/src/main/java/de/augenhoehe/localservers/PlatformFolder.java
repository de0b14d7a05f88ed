package de.augenhoehe.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data folder of {@code ./platform} as {@code up} prepares it: its sub-folders, the demo choice made when the
 * folder was new ({@code platform.conf}, kept for its lifetime), the generated secrets ({@code secrets.env}, owner
 * only: a password per database role, the search cursor key) and the dev signing key pair ({@code keys/}). Whether
 * the folder may be used at all (its marker file) is checked by the script before anything is built.
 */
final class PlatformFolder {

    static final List<String> SERVICES = List.of("partner", "vacancy", "measures", "outreach");
    /** The key of vacancy-service's search cursor signing secret in {@code secrets.env}. */
    static final String CURSOR = "cursor";
    /** The database roles: the four services' and the portal's (its signed-in people's sessions, issue #18). */
    static final List<String> DATABASES = List.of("partner", "vacancy", "measures", "outreach", "portal");
    /** The key of the portal's client secret at partner-service's authorization server (issue #18). */
    static final String PORTAL_CLIENT = "portal-client";

    private final Path data;

    PlatformFolder(Path data) {
        this.data = data;
    }

    Path run() {
        return data.resolve("run");
    }

    Path keys() {
        return data.resolve("keys");
    }

    /** What {@link #prepare} found or made: the folder's demo choice, its secrets and what the user should know. */
    record Prepared(boolean demo, Map<String, String> secrets, List<String> warnings) {
    }

    /**
     * Creates what is missing and reads what is there; idempotent.
     *
     * @param noDemo {@code --no-demo}: a new folder is made without demo data; an existing one keeps its choice
     */
    Prepared prepare(boolean noDemo, SecureRandom random) {
        try {
            for (String dir : List.of("run", "logs", "keys", "cache", "postgres", "kafka")) {
                Files.createDirectories(data.resolve(dir));
            }
            List<String> warnings = new ArrayList<>();
            boolean demo = demoChoice(!noDemo);
            if (noDemo && demo) {
                warnings.add("--no-demo has no effect on " + data + ": it holds data already (use --fresh to start empty).");
            }
            Map<String, String> secrets = secrets(random);
            if (empty(keys().resolve(DevTokens.PUBLIC_KEY_FILE)) || empty(keys().resolve(DevTokens.PRIVATE_KEY_FILE))) {
                DevTokens.keygen(keys());
            }
            return new Prepared(demo, secrets, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the data folder " + data, e);
        }
    }

    /** The demo choice of the folder: written once, when the folder is new, then only read. */
    private boolean demoChoice(boolean demoIfNew) throws IOException {
        Path conf = data.resolve("platform.conf");
        if (!Files.exists(conf)) {
            Files.writeString(conf, "demo=" + demoIfNew + "\n", StandardCharsets.UTF_8);
        }
        return "true".equals(properties(conf).get("demo"));
    }

    /**
     * One password per database role, the cursor key and the portal's client secret, made once per folder (an older folder gets what it lacks
     * appended) and readable by the owner only.
     */
    private Map<String, String> secrets(SecureRandom random) throws IOException {
        Path file = data.resolve("secrets.env");
        Map<String, String> secrets = Files.exists(file) ? properties(file) : new LinkedHashMap<>();
        StringBuilder added = new StringBuilder();
        for (String database : DATABASES) {
            if (!secrets.containsKey(database)) {
                secrets.put(database, hex(random, 16));
                added.append(database).append('=').append(secrets.get(database)).append('\n');
            }
        }
        for (String key : List.of(CURSOR, PORTAL_CLIENT)) {
            if (!secrets.containsKey(key)) {
                secrets.put(key, hex(random, 32));
                added.append(key).append('=').append(secrets.get(key)).append('\n');
            }
        }
        if (!added.isEmpty()) {
            String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            DevTokens.writeAtomically(file, before + added, true);
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return secrets;
    }

    /** KEY=VALUE lines, as the script's {@code sed -n 's/^KEY=//p'} reads them (the first of a key wins). */
    static Map<String, String> properties(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    private static boolean empty(Path file) throws IOException {
        return !Files.exists(file) || Files.size(file) == 0;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
