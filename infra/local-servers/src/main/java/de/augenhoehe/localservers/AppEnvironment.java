package de.augenhoehe.localservers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration contract of a service and the gateway under {@code ./platform}: the environment variables it
 * is started with (Spring's relaxed binding), one {@code NAME=value} a line, as infra/docs/running.md lists them.
 *
 * <p>Tokens come from partner-service's authorization server, which signs with the data folder's key pair; the
 * services and the gateway check them against its public key and the issuer, the gateway's URL (an OpenID issuer is
 * a URL). The platform library reads {@code augenhoehe.security.jwt.*}; Spring Boot's own decoder (public-key-location,
 * audiences) serves a module without it. No {@code spring…jwt.issuer-uri}: next to a public key, Boot would prefer it
 * and fetch the discovery document at start-up, before partner-service is up.
 *
 * <p>With several instances of a service ({@code ./platform up --instances N}) instance k is the application
 * {@code NAME-k} ({@code partner-2}) with a port of its own under that key and otherwise the service's environment;
 * the gateway gets every instance's URL. The demo mail server runs in the first outreach-service instance only (one
 * port): the others send to it like measures-service does.
 *
 * @param ports the ports of this {@code up} by key ({@code gateway}, {@code partner}, …, {@code postgres}, {@code kafka},
 *              {@code mail}, and {@code partner-2} … for further instances)
 */
record AppEnvironment(Map<String, Integer> ports, Path keys, boolean demo, Map<String, String> secrets) {

    static final List<String> APPS = List.of("partner", "vacancy", "measures", "outreach", "gateway", "portal");

    /** The issuer of every token: the gateway's URL, through which clients reach the authorization server. */
    String issuer() {
        return "http://127.0.0.1:" + port("gateway");
    }

    /** Every application to start: {@link #APPS} and the further instances of the services, as the ports name them. */
    List<String> applications() {
        List<String> all = new ArrayList<>(APPS);
        PlatformFolder.SERVICES.forEach(service -> all.addAll(instances(service).subList(1, instances(service).size())));
        return all;
    }

    /** A service's instances: NAME, NAME-2, … as long as the ports have one. */
    List<String> instances(String service) {
        List<String> instances = new ArrayList<>(List.of(service));
        while (ports.containsKey(service + "-" + (instances.size() + 1))) {
            instances.add(service + "-" + (instances.size() + 1));
        }
        return instances;
    }

    List<String> of(String instance) {
        String app = instance.replaceFirst("-\\d+$", "");
        if (!APPS.contains(app) || !(instance.equals(app) || instances(app).contains(instance))) {
            throw new IllegalArgumentException("no such application: " + instance);
        }
        String publicKey = "file:" + keys.resolve(DevTokens.PUBLIC_KEY_FILE);
        List<String> env = new ArrayList<>(List.of("SERVER_PORT=" + port(instance), "SERVER_ADDRESS=127.0.0.1",
                "AUGENHOEHE_SECURITY_JWT_PUBLIC_KEY_LOCATION=" + publicKey,
                "AUGENHOEHE_SECURITY_JWT_ISSUER=" + issuer(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION=" + publicKey,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES=augenhoehe",
                "AUGENHOEHE_DEMO_ENABLED=" + demo));
        // outreach runs the demo mail server; it, measures (registrations) and partner ("forgot password") send to it
        if (app.equals("outreach") || app.equals("measures") || app.equals("partner")) {
            env.addAll(List.of("SPRING_MAIL_HOST=127.0.0.1", "SPRING_MAIL_PORT=" + port("mail")));
        }
        if (app.equals("outreach") && !instance.equals(app)) { // the first instance holds the mail port
            env.add("AUGENHOEHE_OUTREACH_MAIL_LOCAL_SERVER_ENABLED=false");
        }
        switch (app) {
            // the portal signs people in at the gateway's address and comes back there (issue #18)
            case "partner" -> env.addAll(List.of("AUGENHOEHE_IDENTITY_ISSUER=" + issuer(),
                    "AUGENHOEHE_IDENTITY_SIGNING_KEY_LOCATION=file:" + keys.resolve(DevTokens.PRIVATE_KEY_FILE),
                    "AUGENHOEHE_IDENTITY_PORTAL_CLIENT_SECRET=" + secret(PlatformFolder.PORTAL_CLIENT),
                    "AUGENHOEHE_IDENTITY_PORTAL_REDIRECT_URIS=" + issuer() + "/login/oauth2/code/augenhoehe",
                    "AUGENHOEHE_IDENTITY_PORTAL_POST_LOGOUT_REDIRECT_URIS=" + issuer() + "/"));
            // signs search cursors; vacancy-service refuses to start without one outside demo mode. The one public
            // address (the gateway, where the portal's pages are) is in every link a service writes: JSON-LD, mails, QR codes
            case "vacancy" -> env.addAll(List.of("AUGENHOEHE_SEARCH_CURSOR_SECRET=" + secret(PlatformFolder.CURSOR),
                    "AUGENHOEHE_SEARCH_PUBLIC_BASE_URL=" + issuer()));
            // links in registration mails; its SMTP server is outreach's local one (demo mode)
            case "measures" -> env.add("AUGENHOEHE_MEASURES_PUBLIC_BASE_URL=" + issuer());
            case "outreach" -> env.add("AUGENHOEHE_OUTREACH_PUBLIC_BASE_URL=" + issuer());
            default -> { }
        }
        if (app.equals("gateway")) {
            for (String service : PlatformFolder.SERVICES) {
                env.add("AUGENHOEHE_GATEWAY_SERVICES_" + service.toUpperCase(Locale.ROOT) + "="
                        + String.join(",", instances(service).stream().map(i -> "http://127.0.0.1:" + port(i)).toList()));
            }
            env.add("AUGENHOEHE_GATEWAY_SERVICES_PORTAL=http://127.0.0.1:" + port("portal"));
            // SHORTCUT(#17): the portal calls the API with its visitor's address in X-Forwarded-For, and on one machine
            // it shares the loopback address with every browser: the gateway believes X-Forwarded-For from loopback.
            // An installation with the portal on its own address names only that address (see README "The portal").
            env.add("AUGENHOEHE_GATEWAY_RATE_LIMITS_TRUSTED_PROXIES=127.0.0.1");
        } else if (app.equals("portal")) {
            // its own database holds the signed-in people's sessions; its client secret at the authorization server
            env.addAll(List.of("AUGENHOEHE_PORTAL_API_URL=" + issuer(), "AUGENHOEHE_PORTAL_PUBLIC_BASE_URL=" + issuer(),
                    "AUGENHOEHE_PORTAL_LOGIN_CLIENT_SECRET=" + secret(PlatformFolder.PORTAL_CLIENT)));
            env.addAll(database(app));
        } else {
            env.addAll(database(app));
            env.add("SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + port("kafka"));
        }
        return env;
    }

    private List<String> database(String app) {
        return List.of("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:" + port("postgres") + "/" + app,
                "SPRING_DATASOURCE_USERNAME=" + app, "SPRING_DATASOURCE_PASSWORD=" + secret(app));
    }

    private int port(String key) {
        Integer port = ports.get(key);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + key);
        }
        return port;
    }

    private String secret(String key) {
        String value = secrets.get(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in secrets.env");
        }
        return value;
    }
}
