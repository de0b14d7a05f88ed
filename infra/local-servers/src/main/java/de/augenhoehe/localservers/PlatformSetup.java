package de.augenhoehe.localservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ./platform up} does once the jars are built and before anything starts, in one JVM: prepares the data
 * folder ({@link PlatformFolder}), records the ports of this {@code up} in {@code run/ports.env} (which {@code status},
 * {@code down} and {@code restart} use) and writes each application's environment ({@link AppEnvironment}) to
 * {@code run/env/APP.env} (owner only: it holds its database password), from which the script starts it.
 *
 * <pre>
 * --data DIR [--no-demo] --port KEY=PORT ...   (KEY: gateway partner vacancy measures outreach kafka kafka_controller postgres mail
 *                                              portal, partner-2 … for further instances of a service)
 * </pre>
 * Prints {@code demo=true|false} (the folder's choice) and a {@code warning=TEXT} line for each thing the user should know.
 */
public final class PlatformSetup {

    private PlatformSetup() {
    }

    public static void main(String[] args) throws IOException {
        Path data = null;
        boolean noDemo = false;
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--no-demo" -> noDemo = true;
                case "--port" -> {
                    String spec = value(args, ++i, "--port");
                    int eq = spec.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--port takes KEY=PORT, not " + spec);
                    }
                    ports.put(spec.substring(0, eq), Integer.parseInt(spec.substring(eq + 1)));
                }
                default -> throw new IllegalArgumentException("usage: --data DIR [--no-demo] --port KEY=PORT ..., not " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data is required");
        }
        System.out.print(setup(data, noDemo, ports, new SecureRandom()));
    }

    /** @return the lines for the script: {@code demo=…} and the warnings */
    static String setup(Path data, boolean noDemo, Map<String, Integer> ports, SecureRandom random) throws IOException {
        PlatformFolder folder = new PlatformFolder(data);
        PlatformFolder.Prepared prepared = folder.prepare(noDemo, random);
        StringBuilder portsEnv = new StringBuilder();
        ports.forEach((key, port) -> portsEnv.append(key).append('=').append(port).append('\n'));
        DevTokens.writeAtomically(folder.run().resolve("ports.env"), portsEnv.toString(), false);
        AppEnvironment environment = new AppEnvironment(ports, folder.keys(), prepared.demo(), prepared.secrets());
        Path envs = Files.createDirectories(folder.run().resolve("env"));
        for (String app : environment.applications()) {
            DevTokens.writeAtomically(envs.resolve(app + ".env"), String.join("\n", environment.of(app)) + "\n", true);
        }
        StringBuilder out = new StringBuilder("demo=" + prepared.demo() + "\n");
        prepared.warnings().forEach(w -> out.append("warning=").append(w).append('\n'));
        return out.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
