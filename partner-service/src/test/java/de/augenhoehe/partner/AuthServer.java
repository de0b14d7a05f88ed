package de.augenhoehe.partner;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * What a client of the authorization server does: the token endpoint, a browser login with PKCE, the JWKS. With
 * {@code forwardedFor} every request says it was forwarded for that address (as the gateway does).
 */
record AuthServer(int port, String forwardedFor) {

    AuthServer(int port) {
        this(port, null);
    }

    static final String CLI = "augenhoehe-cli";
    static final String CALLBACK = "http://127.0.0.1/callback";

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    String accessToken(HttpResponse<String> tokenResponse) {
        return Api.JSON.readTree(tokenResponse.body()).get("access_token").asString();
    }

    /**
     * Verified against the server's JWKS (signature, expiry); the claims are the test's to check. The JWKS call may
     * meet a cold second instance on a busy 2-core machine: it waits up to 10 s (the decoder's default read timeout
     * failed CI once while the instance was still warming up).
     */
    Jwt decode(String token) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        return NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").restOperations(new RestTemplate(requests)).build().decode(token);
    }

    /** Authorization code with PKCE, as a browser would do it: the token response, or the step that failed. */
    HttpResponse<String> login(String username, String password) {
        return login(username, password, null);
    }

    /**
     * The first login with a one-time initial password: after the login form the server asks for a password of the
     * person's own ({@code /oauth2/password}); {@code newPassword} is entered there (twice), then the authorization
     * continues. Without one, the login stops at that page (its response is answered).
     */
    HttpResponse<String> login(String username, String password, String newPassword) {
        return login(username, password, newPassword, CLI, null, CALLBACK);
    }

    /** The same for any client; with a {@code secret} the token request authenticates the client (HTTP Basic). */
    HttpResponse<String> login(String username, String password, String clientId, String secret, String callbackUri) {
        return login(username, password, null, clientId, secret, callbackUri);
    }

    HttpResponse<String> login(String username, String password, String newPassword, String clientId, String secret, String callbackUri) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        String authorize = base() + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", callbackUri, "scope", "openid", "state", "s1", "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> r = send(browser, HttpRequest.newBuilder(URI.create(authorize)).build());
        if (r.statusCode() != 302) {
            return r;
        }
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(resolve(r)).build());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            return page;
        }
        HttpResponse<String> posted = send(browser, HttpRequest.newBuilder(URI.create(base() + "/oauth2/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))))).build());
        String next = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || next.contains("error")) {
            return posted;
        }
        HttpResponse<String> redirected = send(browser, HttpRequest.newBuilder(resolve(posted)).build());
        if (redirected.headers().firstValue("Location").orElse("").endsWith("/oauth2/password")) {
            if (newPassword == null) {
                return redirected;
            }
            redirected = choosePassword(browser, newPassword);
            if (redirected.statusCode() != 302) {
                return redirected;
            }
            redirected = send(browser, HttpRequest.newBuilder(resolve(redirected)).build());
        }
        String callback = redirected.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        if (!callback.startsWith(callbackUri) || !code.find()) {
            return redirected;
        }
        return token(clientId, secret, Map.of("grant_type", "authorization_code", "code", URLDecoder(code.group(1)),
                "redirect_uri", callbackUri, "client_id", clientId, "code_verifier", verifier));
    }

    /** A refresh-token grant of a confidential client. */
    HttpResponse<String> refresh(String clientId, String secret, String refreshToken) {
        return token(clientId, secret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private HttpResponse<String> token(String clientId, String secret, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (secret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return send(HttpClient.newHttpClient(), request.POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** The password page's form, filled in: its answer (a redirect back to the authorization, or the form again). */
    private HttpResponse<String> choosePassword(HttpClient browser, String newPassword) {
        HttpResponse<String> form = send(browser, HttpRequest.newBuilder(URI.create(base() + "/oauth2/password")).build());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            return form;
        }
        return send(browser, HttpRequest.newBuilder(URI.create(base() + "/oauth2/password"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("password", newPassword, "confirmation", newPassword,
                        "_csrf", csrf.group(1))))).build());
    }

    /** "Forgot password" for a username, as a browser fills in the form: the answer page. */
    HttpResponse<String> forgot(String username) {
        return postForm("/oauth2/forgot", Map.of("username", username));
    }

    HttpResponse<String> resetForm(String token) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base() + "/oauth2/reset?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
    }

    /** The reset page's form, filled in (in a session of its own, as a browser opening the mail's link). */
    HttpResponse<String> reset(String token, String password, String confirmation) {
        return postForm("/oauth2/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                Map.of("token", token, "password", password, "confirmation", confirmation));
    }

    /** GETs a page for its CSRF token, then POSTs the form there with it (the path's query is kept for the GET only). */
    private HttpResponse<String> postForm(String path, Map<String, String> fields) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(base() + path)).build());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            return page;
        }
        Map<String, String> withCsrf = new LinkedHashMap<>(fields);
        withCsrf.put("_csrf", csrf.group(1));
        return send(browser, HttpRequest.newBuilder(URI.create(base() + path.replaceFirst("\\?.*", "")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(withCsrf))).build());
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private URI resolve(HttpResponse<String> redirect) {
        return URI.create(base() + "/").resolve(redirect.headers().firstValue("Location").orElseThrow());
    }

    private static String URLDecoder(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request) {
        HttpRequest sent = forwardedFor == null ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
        try {
            return client.send(sent, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
