// An access token from partner-service's authorization server, for scripts and ./platform token (demo mode):
//
//   java AuthServerToken.java --base http://127.0.0.1:8081 --user demo-koordination-heilbronn [--password P]
//       a person's token: authorization code with PKCE through the login form, as a browser would do it
//   java AuthServerToken.java --base http://127.0.0.1:8081 --hr-client hr-demo-neckartal [--secret S]
//       an HR client's token: client credentials
//
// Prints the access token on stdout. A single-file program for the JDK's source launcher: only a JDK 25 is needed.

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
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.io.IOException;

public class AuthServerToken {

    static final String CLIENT = "augenhoehe-cli";
    static final String CALLBACK = "http://127.0.0.1/callback";
    static final String DEMO_PASSWORD = "augenhoehe-demo";
    static final String DEMO_HR_SECRET = "augenhoehe-demo-hr-secret";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        String base = o.getOrDefault("--base", "http://127.0.0.1:8081");
        String response = null;
        try {
            if (o.containsKey("--user")) {
                response = login(base, o.get("--user"), o.getOrDefault("--password", DEMO_PASSWORD));
            } else if (o.containsKey("--hr-client")) {
                response = clientCredentials(base, o.get("--hr-client"), o.getOrDefault("--secret", DEMO_HR_SECRET));
            } else {
                fail("usage: --base URL (--user NAME [--password P] | --hr-client ID [--secret S])");
            }
        } catch (IOException e) {
            fail("partner-service does not answer at " + base + " (is './platform up' running?): " + e);
        }
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response);
        if (!token.find()) {
            fail("no token: " + response);
        }
        System.out.println(token.group(1));
    }

    static String clientCredentials(String base, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            fail("client credentials refused (" + r.statusCode() + "): " + r.body());
        }
        return r.body();
    }

    static String login(String base, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
        HttpResponse<String> r = get(browser, base, base + "/oauth2/authorize?" + form(q));
        r = get(browser, base, location(r, "authorize"));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
        if (!csrf.find()) {
            fail("no login form at " + base + "/oauth2/login");
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", user);
        f.put("password", password);
        f.put("_csrf", csrf.group(1));
        r = post(browser, base + "/oauth2/login", form(f));
        String next = location(r, "login");
        if (next.contains("error")) {
            fail("login refused for " + user + " (wrong password, unknown or disabled account; demo accounts exist in demo mode only)");
        }
        r = get(browser, base, next);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location(r, "authorization"));
        if (!code.find()) {
            fail("no authorization code: " + r.headers().firstValue("Location").orElse(r.body()));
        }
        Map<String, String> t = new LinkedHashMap<>();
        t.put("grant_type", "authorization_code");
        t.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        t.put("redirect_uri", CALLBACK);
        t.put("client_id", CLIENT);
        t.put("code_verifier", verifier);
        r = post(browser, base + "/oauth2/token", form(t));
        if (r.statusCode() != 200) {
            fail("token request refused (" + r.statusCode() + "): " + r.body());
        }
        return r.body();
    }

    static HttpResponse<String> get(HttpClient c, String base, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(base + "/").resolve(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient c, String url, String body) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<String> r, String step) {
        return r.headers().firstValue("Location").orElseGet(() -> {
            fail(step + " step: expected a redirect, got " + r.statusCode() + " " + r.body());
            return "";
        });
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void fail(String message) {
        System.err.println("AuthServerToken: " + message);
        System.exit(1);
    }
}
