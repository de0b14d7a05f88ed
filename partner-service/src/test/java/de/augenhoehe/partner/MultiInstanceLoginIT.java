package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.Eventually;
import de.augenhoehe.testing.RealInfrastructure;

/**
 * Two partner-service instances on one database, as behind the gateway's round robin: a login started at one
 * instance finishes at the other (the login's HTTP session and the authorization are in PostgreSQL), the code is
 * redeemed once only — also when several redemptions race at both instances — and expired authorizations are deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.identity.issuer=" + MultiInstanceLoginIT.ISSUER)
@RealInfrastructure(isolatedDatabase = true)
class MultiInstanceLoginIT {

    static final String ISSUER = "http://login.augenhoehe.test";
    static ConfigurableApplicationContext second;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment env;

    int secondPort() {
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @BeforeAll
    static void noSecondInstanceYet() {
        second = null;
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    /** The second instance: same database, same Kafka, same issuer; it sweeps expired authorizations every second. */
    void startSecond() {
        if (second != null) {
            return;
        }
        second = AnotherInstance.of(env, ISSUER, "augenhoehe.identity.authorization-cleanup.initial-delay=PT1S",
                "augenhoehe.identity.authorization-cleanup.interval=PT1S").run();
    }

    /** A person with an account (created through the API) who has replaced the initial password; returns {username, password}. */
    String[] account() {
        Api api = new Api(port);
        var partner = api.send("POST", "/api/partners", coordinator("c"), "{\"name\":\"Agentur " + UUID.randomUUID() + "\",\"kind\":\"EMPLOYMENT_AGENCY\"}");
        assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
        UUID id = Api.id(partner);
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        var created = api.send("POST", "/api/partners/" + id + "/accounts", Api.partnerAdmin("a", id),
                "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_STAFF\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String own = "eigen-" + Api.json(created).get("initialPassword").asString();
        var first = new AuthServer(port).login(username, Api.json(created).get("initialPassword").asString(), own);
        assertThat(first.statusCode()).as("the first login, with a password of the person's own: " + first.body()).isEqualTo(200);
        return new String[] {username, own};
    }

    @Test
    void a_login_started_at_one_instance_finishes_at_the_other_and_its_code_is_redeemed_once() {
        startSecond();
        String[] person = account();
        Browser browser = new Browser();
        // every step at the other instance than the one before: each must find what the previous one stored
        String code = browser.code(person[0], person[1], List.of(port, secondPort(), port, secondPort()));
        String sessionCookie = browser.loginSession;
        assertThat(browser.cookie("SESSION")).as("the session cookie is cleared with the code").isNull();

        var token = browser.redeem(secondPort(), code);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = Api.json(token).get("access_token").asString();
        assertThat(new AuthServer(port).decode(accessToken).getClaimAsStringList("roles")).containsExactly("partner_staff");

        var replayed = browser.redeem(port, code);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
        assertThat(Api.json(replayed).get("error").asString()).isEqualTo("invalid_grant");

        // the login session ended with the code: its row is gone, no signed-in session is left in the database
        assertThat(sessionCookie).as("the login ran in a session").isNotNull();
        String sessionId = new String(Base64.getDecoder().decode(sessionCookie), StandardCharsets.UTF_8);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, sessionId)).isZero();

        // stored by hashes: neither the code nor the token is readable from the table
        var row = jdbc.queryForMap("select code_hash, access_token_hash, code_redeemed, authorization_data from oauth2_authorization where code_hash = ?",
                sha256(code));
        assertThat(row.get("code_redeemed")).isEqualTo(true);
        assertThat((byte[]) row.get("access_token_hash")).isEqualTo(sha256(accessToken));
        String data = new String((byte[]) row.get("authorization_data"), StandardCharsets.ISO_8859_1);
        assertThat(data).doesNotContain(code).doesNotContain(accessToken).contains("sha256:" + HexFormat.of().formatHex(sha256(code)));

    }

    @Test
    void concurrent_redemptions_of_one_code_at_both_instances_give_exactly_one_token() throws Exception {
        startSecond();
        String[] person = account();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 4; round++) {
                Browser browser = new Browser();
                String code = browser.code(person[0], person[1], List.of(port, port, port, port));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int target = i % 2 == 0 ? port : secondPort();
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return browser.redeem(target, code);
                    }));
                }
                start.countDown();
                int tokens = 0;
                for (Future<HttpResponse<String>> a : attempts) {
                    HttpResponse<String> r = a.get();
                    if (r.statusCode() == 200) {
                        tokens++;
                    } else {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                        assertThat(Api.json(r).get("error").asString()).isEqualTo("invalid_grant");
                    }
                }
                assertThat(tokens).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expired_authorizations_are_deleted_and_their_code_is_refused() {
        startSecond();
        String[] person = account();
        Browser browser = new Browser();
        String expired = browser.code(person[0], person[1], List.of(port, port, port, port));
        String fresh = new Browser().code(person[0], person[1], List.of(port, port, port, port));
        jdbc.update("update oauth2_authorization set expires_at = now() - interval '1 minute' where code_hash = ?", sha256(expired));

        Eventually.await("the second instance deletes the expired authorization", Duration.ofSeconds(20),
                () -> jdbc.queryForObject("select count(*) from oauth2_authorization where code_hash = ?", Integer.class, sha256(expired)) == 0);
        assertThat(jdbc.queryForObject("select count(*) from oauth2_authorization where code_hash = ?", Integer.class, sha256(fresh))).isOne();
        var refused = browser.redeem(port, expired);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Api.json(refused).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void an_unreadable_stored_authorization_refuses_its_code_without_a_server_error() {
        startSecond();
        String[] person = account();
        Browser browser = new Browser();
        String code = browser.code(person[0], person[1], List.of(port, secondPort(), port, secondPort()));
        // e.g. written by another Spring Security version, or not by this service at all
        jdbc.update("update oauth2_authorization set authorization_data = ? where code_hash = ?",
                "not a serialized authorization".getBytes(StandardCharsets.UTF_8), sha256(code));
        var refused = browser.redeem(secondPort(), code);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Api.json(refused).get("error").asString()).isEqualTo("invalid_grant");
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A browser with its cookies (shared by both instances, which run on one host as behind the gateway) doing the
     * authorization-code flow with PKCE, each of the four steps at the port given for it.
     */
    static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();

        String code(String username, String password, List<Integer> steps) {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256ascii(verifier));
            String query = AuthServer.form(Map.of("response_type", "code", "client_id", AuthServer.CLI, "redirect_uri", AuthServer.CALLBACK,
                    "scope", "openid", "state", "s1", "code_challenge", challenge, "code_challenge_method", "S256"));
            var authorize = send(http, HttpRequest.newBuilder(URI.create(base(steps.get(0)) + "/oauth2/authorize?" + query)).build());
            assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
            assertThat(authorize.headers().firstValue("Location").orElse("")).endsWith("/oauth2/login");

            var page = send(http, HttpRequest.newBuilder(URI.create(base(steps.get(1)) + "/oauth2/login")).build());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();

            var posted = send(http, HttpRequest.newBuilder(URI.create(base(steps.get(2)) + "/oauth2/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(AuthServer.form(Map.of("username", username, "password", password,
                            "_csrf", csrf.group(1))))).build());
            String saved = posted.headers().firstValue("Location").orElse("");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
            assertThat(saved).as("back to the saved authorize request").contains("/oauth2/authorize").doesNotContain("error");
            loginSession = cookie("SESSION");

            var again = send(http, HttpRequest.newBuilder(URI.create(base(steps.get(3)) + "/").resolve(URI.create(saved).getRawPath()
                    + "?" + URI.create(saved).getRawQuery())).build());
            String callback = again.headers().firstValue("Location").orElse("");
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
            assertThat(callback).as(again.body()).startsWith(AuthServer.CALLBACK);
            assertThat(code.find()).isTrue();
            return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> redeem(int port, String code) {
            return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base(port) + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(AuthServer.form(Map.of("grant_type", "authorization_code", "code", code,
                            "redirect_uri", AuthServer.CALLBACK, "client_id", AuthServer.CLI, "code_verifier", verifier)))).build());
        }

        /** The SESSION cookie right after the login form was posted (the signed-in session), or null. */
        String loginSession;

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private static String base(int port) {
            return "http://127.0.0.1:" + port;
        }

        private static byte[] sha256ascii(String s) {
            return sha256(s);
        }
    }
}
