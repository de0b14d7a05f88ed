package de.augenhoehe.localservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./platform up}'s preparation of a data folder: PlatformFolder, ports.env and the applications' environments. */
class PlatformSetupTest {

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_new_folder_gets_its_folders_demo_choice_secrets_and_key_pair() throws Exception {
        String out = PlatformSetup.setup(data, false, ports(), random);

        assertThat(out).isEqualTo("demo=true\n");
        for (String dir : List.of("run", "logs", "keys", "cache", "postgres", "kafka")) {
            assertThat(data.resolve(dir)).isDirectory();
        }
        assertThat(Files.readString(data.resolve("platform.conf"))).isEqualTo("demo=true\n");
        List<String> secrets = Files.readAllLines(data.resolve("secrets.env"));
        assertThat(secrets).hasSize(7);
        assertThat(secrets.subList(0, 5)).allMatch(l -> l.matches("(partner|vacancy|measures|outreach|portal)=[0-9a-f]{32}"));
        assertThat(secrets.get(5)).matches("cursor=[0-9a-f]{64}");
        assertThat(secrets.get(6)).matches("portal-client=[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets.env")))).isEqualTo("rw-------");
        assertThat(data.resolve("keys/dev-jwt-private.pem")).isNotEmptyFile();
        assertThat(data.resolve("keys/dev-jwt-public.pem")).isNotEmptyFile();
    }

    @Test
    void a_second_up_keeps_the_secrets_keys_and_demo_choice_and_no_demo_then_only_warns() throws Exception {
        PlatformSetup.setup(data, false, ports(), random);
        String secrets = Files.readString(data.resolve("secrets.env"));
        String key = Files.readString(data.resolve("keys/dev-jwt-private.pem"));

        String out = PlatformSetup.setup(data, true, ports(), random);

        assertThat(out).isEqualTo("demo=true\nwarning=--no-demo has no effect on " + data
                + ": it holds data already (use --fresh to start empty).\n");
        assertThat(Files.readString(data.resolve("secrets.env"))).isEqualTo(secrets);
        assertThat(Files.readString(data.resolve("keys/dev-jwt-private.pem"))).isEqualTo(key);
    }

    @Test
    void no_demo_on_a_new_folder_holds_for_its_lifetime() throws Exception {
        assertThat(PlatformSetup.setup(data, true, ports(), random)).isEqualTo("demo=false\n");
        assertThat(PlatformSetup.setup(data, false, ports(), random)).isEqualTo("demo=false\n");
        assertThat(Files.readString(data.resolve("run/env/partner.env"))).contains("AUGENHOEHE_DEMO_ENABLED=false\n");
    }

    @Test
    void a_folder_made_before_the_cursor_key_gets_one_appended() throws Exception {
        Files.writeString(data.resolve("secrets.env"), "partner=a\nvacancy=b\nmeasures=c\noutreach=d\n");

        PlatformSetup.setup(data, false, ports(), random);

        List<String> secrets = Files.readAllLines(data.resolve("secrets.env"));
        assertThat(secrets.subList(0, 4)).containsExactly("partner=a", "vacancy=b", "measures=c", "outreach=d");
        // what it lacks is appended: the portal's database password (#18), the cursor key, the portal's client secret
        assertThat(secrets.get(4)).matches("portal=[0-9a-f]{32}");
        assertThat(secrets.get(5)).matches("cursor=[0-9a-f]{64}");
        assertThat(Files.readString(data.resolve("run/env/vacancy.env"))).contains("SPRING_DATASOURCE_PASSWORD=b\n",
                "AUGENHOEHE_SEARCH_CURSOR_SECRET=" + secrets.get(5).substring("cursor=".length()) + "\n");
    }

    @Test
    void records_the_ports_in_order_and_each_application_environment_owner_only() throws Exception {
        PlatformSetup.setup(data, false, ports(), random);

        assertThat(Files.readAllLines(data.resolve("run/ports.env"))).containsExactly("gateway=28080", "partner=28081",
                "vacancy=28082", "measures=28083", "outreach=28084", "kafka=28092", "kafka_controller=28093",
                "postgres=28032", "mail=28025", "portal=28085");
        for (String app : AppEnvironment.APPS) {
            Path env = data.resolve("run/env/" + app + ".env");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
            assertThat(Files.readAllLines(env)).first().isEqualTo("SERVER_PORT=" + ports().get(app));
        }
        assertThat(Files.readString(data.resolve("run/env/gateway.env")))
                .contains("AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION=file:" + data.resolve("keys/dev-jwt-public.pem") + "\n");
    }

    private static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List.of("gateway=28080", "partner=28081", "vacancy=28082", "measures=28083", "outreach=28084", "kafka=28092",
                "kafka_controller=28093", "postgres=28032", "mail=28025", "portal=28085").forEach(p -> ports.put(p.split("=")[0],
                Integer.parseInt(p.split("=")[1])));
        return ports;
    }
}
