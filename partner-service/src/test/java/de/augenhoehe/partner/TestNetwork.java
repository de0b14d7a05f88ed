package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The setup most integration tests start from: a fresh network (a unique name, so tests share a database) with a
 * coordinator's token, and partners admitted to it the way a real one is — it applies, the coordinator activates.
 */
record TestNetwork(Api api, UUID id, String coordinator) {

    /** A new network over the given Kreise, and the token of its coordinator. */
    static TestNetwork create(Api api, String... region) {
        String kreise = Arrays.stream(region).map(k -> "\"" + k + "\"").collect(Collectors.joining(","));
        var created = api.send("POST", "/api/networks", Api.coordinator("founder"),
                "{\"name\":\"Netz " + UUID.randomUUID() + "\",\"region\":[" + kreise + "],\"legalForm\":\"INFORMAL_COOPERATION\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID network = Api.id(created);
        return new TestNetwork(api, network, Api.coordinator("coord-" + network, network));
    }

    /** A partner registered by the coordinator; the name gets a unique suffix. */
    UUID partner(String name, String kind) {
        var r = api.send("POST", "/api/partners", coordinator, "{\"name\":\"" + name + " " + UUID.randomUUID() + "\",\"kind\":\"" + kind + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Api.id(r);
    }

    /** A new partner of this kind with an active membership: its administrator applied, the coordinator admitted it. */
    UUID member(String name, String kind) {
        UUID p = partner(name, kind);
        var applied = api.send("POST", "/api/networks/" + id + "/memberships", partnerAdmin("a", p), "{\"partnerId\":\"" + p + "\"}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        var activated = api.send("POST", "/api/networks/" + id + "/memberships/" + Api.id(applied) + "/activate", coordinator, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return p;
    }
}
