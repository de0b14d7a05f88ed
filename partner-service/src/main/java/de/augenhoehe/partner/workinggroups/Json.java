package de.augenhoehe.partner.workinggroups;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Text arrays to and from PostgreSQL through JSON, so any text (commas included) round-trips unchanged. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String array(List<String> values) {
        return MAPPER.writeValueAsString(values);
    }

    static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        for (JsonNode n : MAPPER.readTree(json)) {
            out.add(n.asString());
        }
        return List.copyOf(out);
    }
}
