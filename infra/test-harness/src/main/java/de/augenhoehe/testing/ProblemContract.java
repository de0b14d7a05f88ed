package de.augenhoehe.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Every error a deployable answers is an RFC 9457 problem ({@code application/problem+json} with a
 * {@code urn:augenhoehe:problem:} type), also the ones the HTTP server or the firewall decide before any controller:
 * encoded separators and control characters in a path (issue #16: a bare 400 with an empty body), and an unknown
 * path (a 404 whose detail must not tell how the server looks inside, "No static resource …").
 */
public final class ProblemContract {

    /** Paths with encoded characters that servers and firewalls refuse on their own. */
    public static final List<String> ODD_PATHS = List.of(
            "/api/a%2Fb", "/api/a%25b", "/api/a%3Bb", "/api/a%00b", "/api/a%0Ab", "/api/a%5Cb", "/api/%2E%2E/x", "/api/a;b=c");

    private ProblemContract() {
    }

    /** @param token sent with every probe (may be null): with one, a refusal cannot be a mere 401 */
    public static void assertEveryErrorIsAProblem(int port, String token) {
        TestHttp http = new TestHttp(port);
        List<String> findings = new ArrayList<>();
        for (String path : ODD_PATHS) {
            check(findings, "GET " + path, http.send("GET", path, token, null));
            check(findings, "POST " + path, http.send("POST", path, token, "{}"));
        }
        HttpResponse<String> unknown = http.send("GET", "/api/nothing-here-" + System.nanoTime(), token, null);
        check(findings, "GET unknown path", unknown);
        if (unknown.statusCode() == 404 && unknown.body().contains("static resource")) {
            findings.add("GET unknown path: the 404 tells how the server looks inside: " + unknown.body());
        }
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " answers are not problems:\n" + String.join("\n", findings));
        }
    }

    private static void check(List<String> findings, String request, HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() < 400 || r.statusCode() >= 500 || !type.startsWith("application/problem+json")
                || !r.body().contains("\"type\":\"urn:augenhoehe:problem:")) {
            findings.add(request + ": " + r.statusCode() + " " + type + " " + r.body());
        }
    }
}
