package de.augenhoehe.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real HTTP servers standing in for the four services (each answers "service path authorization"), and tokens
 * signed by a key pair generated for the test run, whose public half is written to a PEM file for the gateway.
 */
final class GatewayTestSupport {

    static final String ISSUER = "augenhoehe-test";
    static final KeyPair KEY = rsa();
    static final Path PUBLIC_PEM = pem(KEY);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayTestSupport() {
    }

    static Map<String, HttpServer> echoServices() {
        return Map.of("partner", echo("partner"), "vacancy", echo("vacancy"), "measures", echo("measures"), "outreach", echo("outreach"),
                "portal", echo("portal"));
    }

    static void register(DynamicPropertyRegistry registry, Map<String, HttpServer> services, boolean jwt) {
        services.forEach((name, server) -> registry.add("augenhoehe.gateway.services." + name,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
        if (jwt) {
            registry.add("augenhoehe.security.jwt.public-key-location", () -> PUBLIC_PEM.toUri().toString());
            registry.add("augenhoehe.security.jwt.issuer", () -> ISSUER);
        } else {
            registry.add("augenhoehe.gateway.unchecked-relay", () -> "true"); // the explicit opt-in: without it no start
        }
    }

    static String token(String... roles) {
        return token(claims(roles).build(), KEY.getPrivate());
    }

    static JWTClaimsSet.Builder claims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("augenhoehe").subject("user-" + String.join("-", roles))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).claim("roles", List.of(roles));
    }

    static String token(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef0123456789abcdef"));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(int port, String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("POST") || method.equals("PUT")
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(KeyPair key) {
        try {
            Path file = Files.createTempFile("gateway-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer echo(String name) {
        return stub(exchange -> answer(exchange, name + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization")));
    }

    /** A started stand-in service on a free loopback port; its handler reads the request and {@link #answer}s it. */
    static HttpServer stub(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the request and answers 200 with the body. */
    static void answer(HttpExchange exchange, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
