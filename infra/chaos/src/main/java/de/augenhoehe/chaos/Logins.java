package de.augenhoehe.chaos;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logins the whole time, through the gateway, as clients do them — no retry: a login that fails is a failed login.
 * One thread signs the demo people in (authorization code with PKCE through the login form, as
 * partner-service/tools/AuthServerToken.java does), one asks for the demo HR client's token (client credentials).
 * Counted per fault ({@link #take}): logins that got their token, and the failed ones by step and answer.
 */
final class Logins {

    static final String CLIENT = "augenhoehe-cli";
    static final String CALLBACK = "http://127.0.0.1/callback";
    static final List<String> PEOPLE = List.of("demo-koordination-heilbronn", "demo-koordination-ems",
            "demo-personal-neckartal", "demo-betrieb");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final String gateway;
    private final SecureRandom random = new SecureRandom();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong ok = new AtomicLong();
    private final Map<String, AtomicLong> failed = new ConcurrentSkipListMap<>();
    private volatile boolean stopped;

    Logins(String gateway) {
        this.gateway = gateway;
    }

    /** What happened since the last call: "N ok, M failed {step answer=count}". */
    record Count(long ok, long failed, String failures) {
        String describe() {
            return ok + " ok, " + failed + " failed" + (failed == 0 ? "" : " " + failures);
        }
    }

    void start() {
        threads.add(Thread.ofPlatform().name("logins-people").daemon().start(() -> loop(true)));
        threads.add(Thread.ofPlatform().name("logins-hr").daemon().start(() -> loop(false)));
    }

    void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
    }

    synchronized Count take() {
        long fails = failed.values().stream().mapToLong(AtomicLong::get).sum();
        Count count = new Count(ok.getAndSet(0), fails, failed.toString());
        failed.clear();
        return count;
    }

    private void loop(boolean people) {
        int n = 0;
        while (!stopped) {
            try {
                String failure = people ? login(PEOPLE.get(n++ % PEOPLE.size())) : clientCredentials();
                synchronized (this) {
                    if (failure == null) {
                        ok.incrementAndGet();
                    } else {
                        failed.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
                    }
                }
                Thread.sleep(1000); // under the gateway's anonymous rate limit (10/s per address) with the writers' token renewals
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return null when the token came, else the step and what was answered */
    private String clientCredentials() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        String basic = Base64.getEncoder().encodeToString("hr-demo-neckartal:augenhoehe-demo-hr-secret".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("access_token") ? null : "hr-token " + r.statusCode();
        } catch (java.io.IOException e) {
            return "hr-token " + e.getClass().getSimpleName();
        }
    }

    private String login(String user) throws InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String step = "authorize";
        try {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String challenge = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            Map<String, String> q = new LinkedHashMap<>();
            q.put("response_type", "code");
            q.put("client_id", CLIENT);
            q.put("redirect_uri", CALLBACK);
            q.put("scope", "openid");
            q.put("state", verifier.substring(0, 8));
            q.put("code_challenge", challenge);
            q.put("code_challenge_method", "S256");
            HttpResponse<String> r = get(browser, gateway + "/oauth2/authorize?" + form(q));
            String next = location(r);
            if (next == null) {
                return step + " " + r.statusCode();
            }
            step = "login-form";
            r = get(browser, next);
            Matcher csrf = CSRF.matcher(r.body());
            if (!csrf.find()) {
                return step + " " + r.statusCode();
            }
            step = "login";
            r = post(browser, gateway + "/oauth2/login", form(Map.of("username", user, "password", "augenhoehe-demo",
                    "_csrf", csrf.group(1))));
            next = location(r);
            if (next == null || next.contains("error")) {
                return step + " " + r.statusCode() + (next == null ? "" : " error");
            }
            step = "code";
            r = get(browser, next);
            Matcher code = CODE.matcher(String.valueOf(location(r)));
            if (!code.find()) {
                return step + " " + r.statusCode();
            }
            step = "token";
            r = post(browser, gateway + "/oauth2/token", form(Map.of("grant_type", "authorization_code",
                    "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", CALLBACK,
                    "client_id", CLIENT, "code_verifier", verifier)));
            return r.statusCode() == 200 && r.body().contains("access_token") ? null : step + " " + r.statusCode();
        } catch (java.io.IOException e) {
            return step + " " + e.getClass().getSimpleName();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(HttpClient c, String url) throws java.io.IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(URI.create(gateway + "/").resolve(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient c, String url, String body) throws java.io.IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> r) {
        return r.statusCode() / 100 == 3 ? r.headers().firstValue("Location").orElse(null) : null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
