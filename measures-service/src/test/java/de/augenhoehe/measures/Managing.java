package de.augenhoehe.measures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.testing.TestTokens;

/** What the management tests say to the service: tokens, measure bodies, requests with If-Match. */
record Managing(int port) {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static String staffOf(UUID partner) {
        return TestTokens.subject("staff-" + partner).roles("partner_staff").partner(partner).sign();
    }

    static String adminOf(UUID partner) {
        return TestTokens.subject("admin-" + partner).roles("partner_admin").partner(partner).sign();
    }

    static String coordinatorOf(UUID network) {
        return TestTokens.subject("coord-" + network).roles("coordinator").networks(List.of(network)).sign();
    }

    /** A valid measure: one technology day for pupils in Heilbronn, 20 places, registration open now. */
    static ObjectNode measure(UUID network, UUID host) {
        ObjectNode m = Registering.JSON.createObjectNode();
        m.put("networkId", network.toString());
        m.put("hostPartnerId", host.toString());
        m.put("title", "Techniktag mit der Handwerkskammer");
        m.put("description", "Ausprobieren: Elektro, Metall, Holz; Anmeldung für Klassen");
        m.put("type", "TECHNOLOGY_DAY");
        m.putArray("targetGroups").add("PUPILS_REALSCHULE").add("PUPILS_GEMEINSCHAFTSSCHULE");
        m.put("delivery", "EXTERNAL");
        m.put("foldedInto", "Bildungsmesse Heilbronn");
        ArrayNode sessions = m.putArray("sessions");
        sessions.add(session(LocalDate.now().plusDays(30), "09:00", "15:00", "74072", "Bildungszentrum der Handwerkskammer, Heilbronn"));
        m.put("capacity", 20);
        m.put("registrationOpensAt", Instant.now().minusSeconds(3600).toString());
        m.put("registrationClosesAt", Instant.now().plusSeconds(86400 * 20).toString());
        m.put("costEur", 0);
        m.put("funding", "Handwerkskammer Heilbronn-Franken");
        m.put("language", "de");
        m.putArray("occupationGroups").add("262").add("244");
        return m;
    }

    static ObjectNode session(LocalDate day, String start, String end, String postalCode, String place) {
        ObjectNode s = Registering.JSON.createObjectNode();
        s.put("date", day.toString());
        s.put("startTime", start);
        s.put("endTime", end);
        s.put("postalCode", postalCode);
        s.put("place", place);
        return s;
    }

    HttpResponse<String> send(String method, String path, String token, String json, String ifMatch) {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> create(String token, JsonNode body) {
        return send("POST", "/api/measures", token, body.toString(), null);
    }

    /** Creates and answers the id, failing the test unless 201. */
    UUID created(String token, JsonNode body) {
        var r = create(token, body);
        if (r.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + r.statusCode() + ": " + r.body());
        }
        return UUID.fromString(Registering.json(r).get("id").asString());
    }

    HttpResponse<String> move(String token, UUID measure, String status, String reason) {
        return move(token, measure, status, reason, null);
    }

    HttpResponse<String> move(String token, UUID measure, String status, String reason, String reasonCode) {
        return send("POST", "/api/measures/" + measure + "/status", token, "{\"status\":\"" + status + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + (reasonCode == null ? "" : ",\"reasonCode\":\"" + reasonCode + "\"") + "}", null);
    }
}
