package de.augenhoehe.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.OpenApiContract;

/**
 * Every operation of the networks, partners, memberships, ledger, working-groups, kreise, accounts and integration-clients features has a request example
 * (when it takes a body), a success response with an example (unless it answers 204) and problem examples. Reads the
 * committed contract, which PartnerRegistrationIT keeps equal to what the service serves.
 */
class OpenApiExamplesTest {

    static final Set<String> TAGS = Set.of("networks", "partners", "memberships", "ledger", "working-groups", "kreise",
            "accounts", "integration-clients");

    @Test
    void every_operation_of_these_features_has_examples() throws Exception {
        JsonNode doc = Api.JSON.readTree(Files.readString(OpenApiContract.COMMITTED));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode o = op.getValue();
                if (o.get("tags") == null || o.get("tags").valueStream().noneMatch(t -> TAGS.contains(t.asString()))) {
                    continue;
                }
                checked++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (o.has("requestBody") && o.get("requestBody").get("content").valueStream().noneMatch(m -> m.has("example"))) {
                    missing.add(name + ": request example");
                }
                boolean success = false;
                boolean problem = false;
                for (Map.Entry<String, JsonNode> r : o.get("responses").properties()) {
                    int status = Integer.parseInt(r.getKey());
                    JsonNode content = r.getValue().get("content");
                    boolean example = content != null && content.valueStream().anyMatch(m -> m.has("example"));
                    if (status < 300) {
                        success = status == 204 ? content == null : example;
                    } else {
                        problem |= example && content.has("application/problem+json");
                    }
                }
                if (!success) {
                    missing.add(name + ": success response example");
                }
                if (!problem) {
                    missing.add(name + ": problem example");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).as("operations of these features").isGreaterThanOrEqualTo(44);
    }
}
