package de.augenhoehe.localservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppEnvironmentTest {

    static final Map<String, Integer> PORTS = Map.ofEntries(Map.entry("gateway", 28080), Map.entry("partner", 28081), Map.entry("vacancy", 28082), Map.entry("measures", 28083),
            Map.entry("outreach", 28084), Map.entry("kafka", 28092), Map.entry("kafka_controller", 28093), Map.entry("postgres", 28032),
            Map.entry("mail", 28025), Map.entry("portal", 28085));
    private static final Map<String, String> SECRETS = Map.of("partner", "pw-partner", "vacancy", "pw-vacancy",
            "measures", "pw-measures", "outreach", "pw-outreach", "cursor", "cursor-key", "portal", "pw-portal",
            "portal-client", "portal-client-secret");

    private final AppEnvironment environment = new AppEnvironment(PORTS, Path.of("/data/keys"), true, SECRETS);

    @Test
    void a_service_gets_its_port_the_token_checks_its_database_and_the_broker() {
        assertThat(environment.of("outreach")).containsExactly(
                "SERVER_PORT=28084", "SERVER_ADDRESS=127.0.0.1",
                "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION=file:/data/keys/dev-jwt-public.pem",
                "AUGENHOEHE_SECURITY_JWT_ISSUER=http://127.0.0.1:28080",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION=file:/data/keys/dev-jwt-public.pem",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES=augenhoehe",
                "AUGENHOEHE_DEMO_ENABLED=true",
                "SPRING_MAIL_HOST=127.0.0.1", "SPRING_MAIL_PORT=28025",
                "AUGENHOEHE_OUTREACH_PUBLIC_BASE_URL=http://127.0.0.1:28080",
                "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:28032/outreach",
                "SPRING_DATASOURCE_USERNAME=outreach", "SPRING_DATASOURCE_PASSWORD=pw-outreach",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:28092");
    }

    @Test
    void partner_service_signs_tokens_as_the_gateway_url_with_the_private_key() {
        assertThat(environment.of("partner")).contains("AUGENHOEHE_IDENTITY_ISSUER=http://127.0.0.1:28080",
                "AUGENHOEHE_IDENTITY_SIGNING_KEY_LOCATION=file:/data/keys/dev-jwt-private.pem",
                "SPRING_DATASOURCE_PASSWORD=pw-partner", "SPRING_MAIL_HOST=127.0.0.1");
        assertThat(environment.of("vacancy")).noneMatch(v -> v.contains("dev-jwt-private"));
    }

    @Test
    void vacancy_service_gets_the_cursor_key_and_measures_service_the_mail_server_and_its_public_url() {
        assertThat(environment.of("vacancy")).contains("AUGENHOEHE_SEARCH_CURSOR_SECRET=cursor-key");
        assertThat(environment.of("measures")).contains("SPRING_MAIL_PORT=28025",
                "AUGENHOEHE_MEASURES_PUBLIC_BASE_URL=http://127.0.0.1:28080");
    }

    @Test
    void the_gateway_gets_every_service_and_neither_database_nor_broker() {
        assertThat(environment.of("gateway")).contains("SERVER_PORT=28080",
                "AUGENHOEHE_GATEWAY_SERVICES_PARTNER=http://127.0.0.1:28081",
                "AUGENHOEHE_GATEWAY_SERVICES_VACANCY=http://127.0.0.1:28082",
                "AUGENHOEHE_GATEWAY_SERVICES_MEASURES=http://127.0.0.1:28083",
                "AUGENHOEHE_GATEWAY_SERVICES_OUTREACH=http://127.0.0.1:28084", "AUGENHOEHE_GATEWAY_SERVICES_PORTAL=http://127.0.0.1:28085")
                .noneMatch(v -> v.startsWith("SPRING_DATASOURCE") || v.startsWith("SPRING_KAFKA") || v.contains("SECRET"));
    }

    @Test
    void with_two_instances_the_second_gets_its_own_port_and_the_gateway_balances_over_both() {
        Map<String, Integer> ports = new HashMap<>(PORTS);
        for (String service : PlatformFolder.SERVICES) {
            ports.put(service + "-2", PORTS.get(service) + 100);
        }
        AppEnvironment two = new AppEnvironment(ports, Path.of("/data/keys"), true, SECRETS);
        assertThat(two.applications()).containsExactly("partner", "vacancy", "measures", "outreach", "gateway", "portal",
                "partner-2", "vacancy-2", "measures-2", "outreach-2");
        assertThat(two.of("partner-2")).contains("SERVER_PORT=28181", "SPRING_DATASOURCE_USERNAME=partner",
                "AUGENHOEHE_IDENTITY_SIGNING_KEY_LOCATION=file:/data/keys/dev-jwt-private.pem");
        assertThat(two.of("gateway")).contains(
                "AUGENHOEHE_GATEWAY_SERVICES_PARTNER=http://127.0.0.1:28081,http://127.0.0.1:28181",
                "AUGENHOEHE_GATEWAY_SERVICES_OUTREACH=http://127.0.0.1:28084,http://127.0.0.1:28184");
        // one mail port: the first outreach instance runs the demo mail server, the second sends to it
        assertThat(two.of("outreach")).noneMatch(v -> v.startsWith("AUGENHOEHE_OUTREACH_MAIL_LOCAL_SERVER"));
        assertThat(two.of("outreach-2")).contains("SERVER_PORT=28184", "SPRING_MAIL_PORT=28025",
                "AUGENHOEHE_OUTREACH_MAIL_LOCAL_SERVER_ENABLED=false");
        assertThatThrownBy(() -> two.of("partner-3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> environment.of("partner-2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_folder_without_demo_data_says_so_to_every_application() {
        AppEnvironment noDemo = new AppEnvironment(PORTS, Path.of("/data/keys"), false, SECRETS);
        for (String app : AppEnvironment.APPS) {
            assertThat(noDemo.of(app)).contains("AUGENHOEHE_DEMO_ENABLED=false");
        }
    }

    @Test
    void an_unknown_application_or_a_missing_secret_is_refused() {
        assertThatThrownBy(() -> environment.of("kiosk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppEnvironment(PORTS, Path.of("/k"), true, Map.of()).of("vacancy"))
                .hasMessageContaining("cursor");
    }

    @Test
    void every_link_a_service_writes_names_the_gateway_as_the_one_public_address() {
        assertThat(environment.of("vacancy")).contains("AUGENHOEHE_SEARCH_PUBLIC_BASE_URL=http://127.0.0.1:28080");
        assertThat(environment.of("measures")).contains("AUGENHOEHE_MEASURES_PUBLIC_BASE_URL=http://127.0.0.1:28080");
        assertThat(environment.of("outreach")).contains("AUGENHOEHE_OUTREACH_PUBLIC_BASE_URL=http://127.0.0.1:28080");
    }

    @Test
    void the_portal_calls_the_api_through_the_gateway_and_has_its_own_session_database_but_no_broker() {
        assertThat(environment.of("portal")).contains("SERVER_PORT=28085", "AUGENHOEHE_PORTAL_API_URL=http://127.0.0.1:28080",
                "AUGENHOEHE_PORTAL_PUBLIC_BASE_URL=http://127.0.0.1:28080",
                "SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:28032/portal", "SPRING_DATASOURCE_USERNAME=portal",
                "SPRING_DATASOURCE_PASSWORD=pw-portal", "AUGENHOEHE_PORTAL_LOGIN_CLIENT_SECRET=portal-client-secret")
                .noneMatch(line -> line.startsWith("SPRING_KAFKA"));
    }

    @Test
    void partner_service_knows_the_portal_as_a_client_with_the_same_secret_and_the_gateways_addresses() {
        assertThat(environment.of("partner")).contains("AUGENHOEHE_IDENTITY_PORTAL_CLIENT_SECRET=portal-client-secret",
                "AUGENHOEHE_IDENTITY_PORTAL_REDIRECT_URIS=http://127.0.0.1:28080/login/oauth2/code/augenhoehe",
                "AUGENHOEHE_IDENTITY_PORTAL_POST_LOGOUT_REDIRECT_URIS=http://127.0.0.1:28080/");
    }
}
