package de.augenhoehe.localservers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one local server in the foreground until it is terminated; used by {@code ./platform}.
 *
 * <pre>
 * kafka    --dir DIR --port 9092 --controller-port 9093
 * postgres --dir DIR --work DIR --port 5432 --database NAME:ROLE:PASSWORD ...
 * </pre>
 * Prints a line starting with {@code READY} once the server accepts connections.
 */
public final class LocalServersMain {

    private LocalServersMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage();
        }
        Options options = Options.parse(args);
        AutoCloseable server = switch (args[0]) {
            case "kafka" -> startKafka(options);
            case "postgres" -> startPostgres(options);
            default -> usage();
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Stopping failed: " + e);
            }
            stopped.countDown();
        }, "local-server-stop"));
        stopped.await();
    }

    private static LocalKafka startKafka(Options o) {
        LocalKafka kafka = new LocalKafka(Path.of(o.required("--dir")), Integer.parseInt(o.required("--port")),
                Integer.parseInt(o.required("--controller-port"))).start();
        System.out.println("READY kafka " + kafka.bootstrapServers());
        return kafka;
    }

    private static LocalPostgres startPostgres(Options o) {
        LocalPostgres postgres = new LocalPostgres(Path.of(o.required("--dir")), Path.of(o.required("--work")),
                Integer.parseInt(o.required("--port"))).start();
        for (String spec : o.all("--database")) {
            String[] parts = spec.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("--database takes NAME:ROLE:PASSWORD, not " + spec);
            }
            postgres.ensureDatabase(parts[0], parts[1], parts[2]);
        }
        System.out.println("READY postgres 127.0.0.1:" + postgres.port());
        return postgres;
    }

    private static <T> T usage() {
        System.err.println("usage: kafka --dir DIR --port P --controller-port P | postgres --dir DIR --work DIR --port P [--database NAME:ROLE:PASSWORD]...");
        System.exit(2);
        return null;
    }

    private record Options(List<String[]> pairs) {
        static Options parse(String[] args) {
            List<String[]> pairs = new ArrayList<>();
            for (int i = 1; i + 1 < args.length; i += 2) {
                pairs.add(new String[] {args[i], args[i + 1]});
            }
            return new Options(pairs);
        }

        String required(String name) {
            return pairs.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("missing " + name));
        }

        List<String> all(String name) {
            return pairs.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).toList();
        }
    }
}
