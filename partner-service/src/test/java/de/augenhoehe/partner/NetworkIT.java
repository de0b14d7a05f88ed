package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/** Networks: public reads, coordinators create and change only their own, with optimistic locking. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
class NetworkIT {

    static final String HEILBRONN = """
            {"name":"Netzwerk Heilbronn","region":["08121","08125"],"goals":"Bildungspotenziale erschließen","legalForm":"INFORMAL_COOPERATION"}""";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    UUID create(String name) {
        var created = api().send("POST", "/api/networks", coordinator("founder"),
                "{\"name\":\"" + name + "\",\"region\":[\"03454\"],\"legalForm\":\"REGISTERED_ASSOCIATION\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.id(created);
    }

    @Test
    void a_coordinator_creates_a_network_which_is_public_and_announced() {
        var created = api().send("POST", "/api/networks", coordinator("founder-1"), HEILBRONN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        UUID id = Api.id(created);

        var read = api().send("GET", "/api/networks/" + id, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        var body = json(read);
        assertThat(body.get("name").asString()).isEqualTo("Netzwerk Heilbronn");
        assertThat(body.get("region").toString()).isEqualTo("[\"08121\",\"08125\"]");
        assertThat(body.get("goals").asString()).isEqualTo("Bildungspotenziale erschließen");
        assertThat(body.get("legalForm").asString()).isEqualTo("INFORMAL_COOPERATION");
        assertThat(body.has("version")).isFalse();

        var events = Api.events(id.toString(), 1);
        assertThat(Api.types(events)).containsExactly("augenhoehe.partner.network-created.v1");
        assertThat(Api.map(events.getFirst())).containsEntry("networkId", id.toString()).containsEntry("name", "Netzwerk Heilbronn");
        assertThat(new String(events.getFirst().value())).doesNotContain("founder-1");
    }

    @Test
    void the_list_is_public_and_paginated() {
        create("Liste A");
        create("Liste B");
        create("Liste C");
        var first = json(api().send("GET", "/api/networks?page=0&size=2", null, null));
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        var second = json(api().send("GET", "/api/networks?page=1&size=2", null, null));
        assertThat(second.get("items").get(0).get("name").asString()).isNotEqualTo(first.get("items").get(0).get("name").asString());
        assertThat(api().send("GET", "/api/networks?size=0", null, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", "/api/networks?size=101", null, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", "/api/networks?page=-1", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void its_coordinator_changes_a_network_with_the_version_read() {
        UUID id = create("Ems-Achse Test");
        String change = "{\"name\":\"Ems-Achse\",\"region\":[\"03454\",\"03457\"],\"goals\":\"Jobmotor\",\"legalForm\":\"REGISTERED_ASSOCIATION\"}";
        var updated = api().sendIfMatch("PUT", "/api/networks/" + id, coordinator("c", id), "\"0\"", change);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(api().send("GET", "/api/networks/" + id, null, null)).get("region").size()).isEqualTo(2);

        var stale = api().sendIfMatch("PUT", "/api/networks/" + id, coordinator("c", id), "\"0\"", change);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("urn:augenhoehe:problem:precondition-failed");
        var blind = api().sendIfMatch("PUT", "/api/networks/" + id, coordinator("c", id), null, change);
        assertThat(blind.statusCode()).isEqualTo(428);

        var events = Api.events(id.toString(), 2);
        assertThat(Api.types(events)).containsExactly("augenhoehe.partner.network-created.v1", "augenhoehe.partner.network-updated.v1");
        assertThat(Api.map(events.get(1))).containsEntry("version", 1);
    }

    @Test
    void only_coordinators_create_and_only_the_networks_own_coordinators_change_it() {
        UUID id = create("Fremd");
        String change = "{\"name\":\"Gekapert\",\"region\":[\"03454\"],\"legalForm\":\"OTHER\"}";
        String path = "/api/networks/" + id;
        assertThat(api().send("POST", "/api/networks", null, HEILBRONN).statusCode()).isEqualTo(401);
        assertThat(api().send("POST", "/api/networks", TestTokens.subject("s").roles("partner_admin").sign(), HEILBRONN).statusCode()).isEqualTo(403);
        assertThat(api().sendIfMatch("PUT", path, TestTokens.subject("x").roles().sign(), "\"0\"", change).statusCode()).isEqualTo(403);
        assertThat(api().send("PUT", path, null, change).statusCode()).isEqualTo(401);
        // existence of a network is public: a foreign one is 403, an unknown one 404
        var foreign = api().sendIfMatch("PUT", path, coordinator("other", UUID.randomUUID()), "\"0\"", change);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(api().sendIfMatch("PUT", path, Api.partnerAdmin("pa", UUID.randomUUID()), "\"0\"", change).statusCode()).isEqualTo(403);
        UUID unknown = UUID.randomUUID();
        assertThat(api().sendIfMatch("PUT", "/api/networks/" + unknown, coordinator("c", unknown), "\"0\"", change).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", "/api/networks/" + unknown, null, null).statusCode()).isEqualTo(404);
        assertThat(api().send("GET", "/api/networks/not-a-uuid", null, null).statusCode()).isEqualTo(400);
        assertThat(json(api().send("GET", path, null, null)).get("name").asString()).isEqualTo("Fremd");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_key = ? and event_type like '%updated%'",
                Integer.class, id.toString())).isZero();
    }

    @Test
    void bad_input_is_refused_with_problems_and_nothing_is_written() {
        int networks = count("select count(*) from network");
        int events = count("select count(*) from outbox_event");
        String c = coordinator("c");
        for (String bad : new String[] {
                "{\"name\":\"X\",\"region\":[\"17001\"],\"legalForm\":\"OTHER\"}",      // no Land 17
                "{\"name\":\"X\",\"region\":[\"00123\"],\"legalForm\":\"OTHER\"}",      // no Land 00
                "{\"name\":\"X\",\"region\":[\"0812\"],\"legalForm\":\"OTHER\"}",       // four digits
                "{\"name\":\"X\",\"region\":[\"08121a\"],\"legalForm\":\"OTHER\"}",
                "{\"name\":\"X\",\"region\":[],\"legalForm\":\"OTHER\"}",
                "{\"name\":\"X\",\"region\":[null],\"legalForm\":\"OTHER\"}",
                "{\"name\":\"\",\"region\":[\"08121\"],\"legalForm\":\"OTHER\"}",
                "{\"name\":\"X\",\"region\":[\"08121\"]}"}) {
            var r = api().send("POST", "/api/networks", c, bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("urn:augenhoehe:problem:validation-failed");
        }
        for (String malformed : new String[] {
                "{\"name\":\"X\",\"region\":[\"08121\"],\"legalForm\":\"KINGDOM\"}",
                "{\"name\":\"X\",\"region\":[\"08121\"],\"legalForm\":\"OTHER\",\"rank\":1}",
                "{\"name\":\"X\",\"region\":[\"08121\"]",
                "[]"}) {
            var r = api().send("POST", "/api/networks", c, malformed);
            assertThat(r.statusCode()).as(malformed).isEqualTo(400);
            assertThat(r.body()).as(malformed).contains("urn:augenhoehe:problem:malformed-request");
        }
        create("Einmalig");
        var duplicate = api().send("POST", "/api/networks", c, "{\"name\":\"einmalig\",\"region\":[\"08121\"],\"legalForm\":\"OTHER\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("urn:augenhoehe:problem:network-exists");
        var tooLarge = api().send("POST", "/api/networks", c, "{\"name\":\"X\",\"region\":[\"08121\"],\"legalForm\":\"OTHER\",\"goals\":\""
                + "x".repeat(1_100_000) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(count("select count(*) from network")).isEqualTo(networks + 1);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events + 1);
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
