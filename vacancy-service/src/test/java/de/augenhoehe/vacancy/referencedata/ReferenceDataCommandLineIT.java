package de.augenhoehe.vacancy.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * The command-line mode of the packaged jar, as an operator runs it:
 * {@code java -jar vacancy-service.jar --augenhoehe.reference-data.import=DIR} imports and exits.
 */
class ReferenceDataCommandLineIT {

    static final Path JAR = Path.of("target/vacancy-service.jar");

    @Test
    void the_jar_imports_a_directory_and_exits_0_and_a_malformed_file_exits_1(@TempDir Path tmp) throws Exception {
        Infrastructure infra = Infrastructure.get();
        String url = infra.jdbcUrl(infra.createDatabase("reference_cli"));

        long started = System.nanoTime();
        Run ok = run(url, Path.of("src/test/resources/reference-data/import").toAbsolutePath(), tmp.resolve("ok.log"));
        System.out.printf("REFERENCE DATA COMMAND LINE: sample import incl. start-up and exit in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("postal codes import of zipcodes.de.csv: 8 rows read, 6 inserted",
                "occupations import of kldb2010.csv: 7 rows read, 6 inserted");
        assertThat(count(url, "select count(*) from occupation")).as("the file only, no demo subset").isEqualTo(6);
        assertThat(count(url, "select count(*) from postal_code")).isEqualTo(6);

        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.copy(Path.of("src/test/resources/reference-data/kldb-malformed.csv"), bad.resolve("kldb2010.csv"));
        Run failed = run(url, bad, tmp.resolve("bad.log"));
        assertThat(failed.exit).as(failed.output).isEqualTo(1);
        assertThat(failed.output).contains("kldb2010.csv line 4");
        assertThat(count(url, "select count(*) from occupation")).isEqualTo(6);
    }

    @Test
    void the_jar_imports_the_real_files(@TempDir Path tmp) throws Exception {
        Path real = ReferenceDataImportIT.REAL;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real.resolve(ReferenceDataImport.POSTAL_CODES_FILE))
                        && Files.isRegularFile(real.resolve(ReferenceDataImport.OCCUPATIONS_FILE)),
                () -> "SKIPPED: the real reference data is not at " + real.toAbsolutePath().normalize()
                        + " (see ../shared/data/README.md); set -Daugenhoehe.reference-data.real=DIR");
        Infrastructure infra = Infrastructure.get();
        String url = infra.jdbcUrl(infra.createDatabase("reference_cli_real"));
        long started = System.nanoTime();
        Run ok = run(url, real.toAbsolutePath().normalize(), tmp.resolve("real.log"));
        System.out.printf("REFERENCE DATA COMMAND LINE: real files incl. start-up and exit in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(count(url, "select count(*) from postal_code")).isEqualTo(23_297);
        assertThat(count(url, "select count(distinct code) from postal_code")).isEqualTo(10_814);
        assertThat(count(url, "select count(*) from occupation")).isEqualTo(2_195);
    }

    record Run(int exit, String output) {
    }

    private static Run run(String url, Path directory, Path log) throws Exception {
        Infrastructure infra = Infrastructure.get();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                "--augenhoehe.reference-data.import=" + directory)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", "0");
        pb.environment().put("SPRING_DATASOURCE_URL", url);
        pb.environment().put("SPRING_DATASOURCE_USERNAME", infra.postgresUser());
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", infra.postgresPassword());
        pb.environment().put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        pb.environment().put("AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + TestTokens.publicKeyFile());
        pb.environment().put("AUGENHOEHE_SECURITY_JWT_ISSUER", TestTokens.ISSUER);
        pb.environment().put("AUGENHOEHE_SEARCH_CURSOR_SECRET", "tests-only-cursor-key-0123456789abcdef");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the import did not exit within 180 s: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    private static int count(String url, String sql) throws Exception {
        Infrastructure infra = Infrastructure.get();
        try (Connection c = DriverManager.getConnection(url, infra.postgresUser(), infra.postgresPassword());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
