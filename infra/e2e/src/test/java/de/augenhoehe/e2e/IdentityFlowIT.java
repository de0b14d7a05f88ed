package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import de.augenhoehe.localservers.FreePorts;
import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.Infrastructure;

/**
 * Tokens from partner-service's authorization server, used through the gateway as a client would: partner-service
 * signs with the key pair whose public half the gateway and the services trust, and the issuer is the gateway's URL.
 * Two partner-service instances share one database behind the gateway's round robin. A demo company administrator
 * logs in (authorization code with PKCE, through the gateway, its steps reaching both instances), issues an HR client
 * through the API, the HR system gets a client-credentials token that the gateway lets through to the integration
 * API, and after the client is revoked no token is issued any more.
 */
class IdentityFlowIT {

    static final String CALLBACK = "http://127.0.0.1/callback";

    @Test
    void tokens_from_the_authorization_server_are_accepted_by_the_gateway_and_a_revoked_client_gets_none() throws Exception {
        Infrastructure infra = Infrastructure.get();
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path privatePem = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        Path publicPem = pem("PUBLIC KEY", keys.getPublic().getEncoded());
        int gatewayPort = FreePorts.next();
        String issuer = "http://127.0.0.1:" + gatewayPort;

        Map<String, String> partnerEnv = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers(),
                "SPRING_DATASOURCE_URL", infra.jdbcUrl(infra.createDatabase("e2e_identity_partner")),
                "SPRING_DATASOURCE_USERNAME", infra.postgresUser(),
                "SPRING_DATASOURCE_PASSWORD", infra.postgresPassword(),
                "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + publicPem,
                "AUGENHOEHE_SECURITY_JWT_ISSUER", issuer,
                "AUGENHOEHE_IDENTITY_SIGNING_KEY_LOCATION", "file:" + privatePem,
                "AUGENHOEHE_DEMO_ENABLED", "true",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", ""));
        // two partner-service instances on one database behind the gateway's round robin: the steps of a login reach
        // both, so the login session and the authorization must be shared (partner-service README, "Several instances")
        try (ServiceProcess partner = ServiceProcess.start("partner-service", FreePorts.next(), partnerEnv);
                ServiceProcess partner2 = startAfter(partner, "partner-service", partnerEnv);
                ServiceProcess gateway = ServiceProcess.start("gateway", gatewayPort, Map.of(
                        "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + publicPem,
                        "AUGENHOEHE_SECURITY_JWT_ISSUER", issuer,
                        "AUGENHOEHE_GATEWAY_SERVICES_PARTNER", "http://127.0.0.1:" + partner.port + ",http://127.0.0.1:" + partner2.port,
                        "AUGENHOEHE_GATEWAY_SERVICES_VACANCY", "http://127.0.0.1:1",
                        "AUGENHOEHE_GATEWAY_SERVICES_MEASURES", "http://127.0.0.1:1",
                        "AUGENHOEHE_GATEWAY_SERVICES_OUTREACH", "http://127.0.0.1:1",
                        "LOGGING_STRUCTURED_FORMAT_CONSOLE", ""))) {
            partner2.awaitReady(Duration.ofSeconds(150));
            gateway.awaitReady(Duration.ofSeconds(150));
            HttpClient http = HttpClient.newHttpClient();

            HttpRequest discoveryRequest = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build();
            // the gateway routes to an instance once its own health check has seen it ready
            Eventually.await("the gateway routes to partner-service", Duration.ofSeconds(60), () -> {
                try {
                    return http.send(discoveryRequest, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            HttpResponse<String> discovery = http.send(discoveryRequest, HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"" + issuer + "\"");

            // the helper behind ./platform token --user / --hr-client gets real tokens for the demo identities
            assertThat(payload(helper(issuer, "--user", "demo-koordination-heilbronn"))).contains("\"roles\":[\"coordinator\"]");
            assertThat(payload(helper(issuer, "--hr-client", "hr-demo-neckartal"))).contains("\"roles\":[\"hr_client\"]");

            // a person: the demo company's administrator logs in through the gateway (twice: the login's five requests
            // alternate between the instances, the second login in the other order)
            String adminToken = login(issuer, "demo-personal-neckartal", "augenhoehe-demo");
            assertThat(claim(login(issuer, "demo-personal-neckartal", "augenhoehe-demo"), "partner_id")).isEqualTo(claim(adminToken, "partner_id"));
            String company = claim(adminToken, "partner_id");
            String clients = issuer + "/api/partners/" + company + "/integration-clients";
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(clients))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"E2E-Personalsystem\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as("the AS-issued person token is accepted by gateway and service: " + issued.body()).isEqualTo(201);
            String clientId = field(issued.body(), "clientId");
            String secret = field(issued.body(), "clientSecret");

            // the HR system: client credentials through the gateway; the gateway admits its token to the integration API
            HttpResponse<String> token = clientCredentials(http, issuer, clientId, secret);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String hrToken = field(token.body(), "access_token");
            assertThat(claim(hrToken, "iss")).isEqualTo(issuer);
            assertThat(claim(hrToken, "partner_id")).isEqualTo(company);
            HttpResponse<String> integration = http.send(HttpRequest.newBuilder(URI.create(issuer + "/integration/v1/vacancies"))
                    .header("Authorization", "Bearer " + hrToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(integration.statusCode()).as("authorised by the gateway (vacancy-service itself is not running here): "
                    + integration.body()).isNotIn(401, 403);
            HttpResponse<String> wrongRole = http.send(HttpRequest.newBuilder(URI.create(issuer + "/integration/v1/vacancies"))
                    .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrongRole.statusCode()).as("a person has no business in the integration API").isEqualTo(403);
            String forged = hrToken.substring(0, hrToken.lastIndexOf('.') + 1) + "AAAA";
            HttpResponse<String> forgedCall = http.send(HttpRequest.newBuilder(URI.create(issuer + "/integration/v1/vacancies"))
                    .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forgedCall.statusCode()).isEqualTo(401);

            // revoked: no token any more
            HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + clientId))
                    .header("Authorization", "Bearer " + adminToken).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
            assertThat(clientCredentials(http, issuer, clientId, secret).statusCode()).isEqualTo(401);
        }
    }

    /** Starts another instance once the first is ready (it has migrated the database and loaded the demo data). */
    static ServiceProcess startAfter(ServiceProcess first, String module, Map<String, String> env) throws Exception {
        first.awaitReady(Duration.ofSeconds(150));
        return ServiceProcess.start(module, FreePorts.next(), env);
    }

    /** partner-service/tools/AuthServerToken.java, run as ./platform token runs it; its stdout is the token. */
    static String helper(String base, String option, String value) throws Exception {
        Path tool = Path.of("../../partner-service/tools/AuthServerToken.java").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), tool.toString(),
                "--base", base, option, value).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("AuthServerToken " + option + " " + value).isZero();
        return out;
    }

    static HttpResponse<String> clientCredentials(HttpClient http, String base, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Authorization code with PKCE through the gateway, as a browser and the command-line client do it. */
    static String login(String base, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = UUID.randomUUID() + "." + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", "augenhoehe-cli");
        q.put("redirect_uri", CALLBACK);
        q.put("scope", "openid");
        q.put("state", "e2e");
        q.put("code_challenge", challenge);
        q.put("code_challenge_method", "S256");
        HttpResponse<String> r = get(browser, base, base + "/oauth2/authorize?" + form(q));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        r = get(browser, base, r.headers().firstValue("Location").orElseThrow());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
        assertThat(csrf.find()).as("login form: " + r.body()).isTrue();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", user);
        f.put("password", password);
        f.put("_csrf", csrf.group(1));
        r = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(f))).build(), HttpResponse.BodyHandlers.ofString());
        String next = r.headers().firstValue("Location").orElseThrow();
        assertThat(next).doesNotContain("error");
        r = get(browser, base, next);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("grant_type", "authorization_code");
        t.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        t.put("redirect_uri", CALLBACK);
        t.put("client_id", "augenhoehe-cli");
        t.put("code_verifier", verifier);
        r = browser.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(t))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return field(r.body(), "access_token");
    }

    static HttpResponse<String> get(HttpClient c, String base, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(base + "/").resolve(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    static String claim(String jwt, String name) {
        return field(payload(jwt), name);
    }

    static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static Path pem(String type, byte[] der) throws Exception {
        Path file = Files.createTempFile("e2e-identity", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }
}
