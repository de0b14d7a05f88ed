package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.admin;
import static de.augenhoehe.vacancy.posting.Http.coordinator;
import static de.augenhoehe.vacancy.posting.Http.json;
import static de.augenhoehe.vacancy.posting.Http.staff;
import static de.augenhoehe.vacancy.posting.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.testing.Infrastructure;
import de.augenhoehe.testing.TestTokens;
import de.augenhoehe.testing.TopicRecords;

/** {@code /api/vacancies} for people: draft → published → filled / withdrawn, rights, versions, events. */
class PostingLifecycleIT extends CompanyApiTest {

    @Test
    void a_draft_is_changed_published_read_publicly_and_filled_with_its_events() {
        UUID company = companies.active(network);
        var created = http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode draft = json(created);
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("kreis").asString()).as("Kreis from the postal code").isEqualTo("08125");
        assertThat(draft.get("place").asString()).isEqualTo("Neckarsulm");
        assertThat(draft.get("latitude").asDouble()).isBetween(49.1, 49.3);
        assertThat(draft.get("occupationGroup").asString()).isEqualTo("261");
        assertThat(outbox(id)).as("a draft publishes nothing").isEmpty();

        assertThat(http.send("GET", "/api/vacancies/" + id, null, null).statusCode()).as("a draft is not public").isEqualTo(404);
        assertThat(http.send("GET", "/api/vacancies/" + id, admin(company), null).statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/api/vacancies/" + id, coordinator(network), null).statusCode()).as("its network's coordinator").isEqualTo(200);
        assertThat(http.send("GET", "/api/vacancies/" + id, coordinator(UUID.randomUUID()), null).statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/api/vacancies/" + id, staff(UUID.randomUUID()), null).statusCode()).isEqualTo(404);

        String changed = json(Samples.with("title", "Mechatroniker/in (m/w/d) – Instandhaltung Nachtschicht", "openings", 3));
        assertThat(http.send("PUT", "/api/vacancies/" + id, staff(company), changed).statusCode()).as("no If-Match").isEqualTo(428);
        var updated = http.send("PUT", "/api/vacancies/" + id, staff(company), changed, "If-Match", "\"0\"");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).contains("\"1\"");
        var stale = http.send("PUT", "/api/vacancies/" + id, staff(company), changed, "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("type").asString()).isEqualTo("urn:augenhoehe:problem:precondition-failed");

        var published = http.send("POST", "/api/vacancies/" + id + "/publish", admin(company), null, "If-Match", "\"1\"");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(http.send("POST", "/api/vacancies/" + id + "/publish", admin(company), null).statusCode())
                .as("published twice").isEqualTo(409);

        List<String> events = outbox(id);
        assertThat(events).singleElement().satisfies(e -> assertThat(e).startsWith("augenhoehe.vacancy.published.v1"));
        JsonNode event = payload(id, "augenhoehe.vacancy.published.v1");
        assertThat(event.get("vacancyId").asString()).isEqualTo(id);
        assertThat(event.get("employerId").asString()).isEqualTo(company.toString());
        assertThat(event.get("networkIds").get(0).asString()).isEqualTo(network.toString());
        assertThat(event.get("kldb").asString()).isEqualTo("26112");
        assertThat(event.get("occupationGroup").asString()).isEqualTo("261");
        assertThat(event.get("kreis").asString()).isEqualTo("08125");
        assertThat(event.get("openings").asInt()).isEqualTo(3);
        assertThat(event.toString()).as("no texts or contacts in events").doesNotContain("Mechatroniker", "karriere.example.de");

        var anonymous = http.send("GET", "/api/vacancies/" + id, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        http.send("GET", "/api/vacancies/" + id, null, null, "User-Agent", "a second visitor"); // one view per visitor (#15)
        assertThat(http.send("POST", "/api/vacancies/" + id + "/application-click", null, null).statusCode()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select views from posting where id = ?::uuid", Long.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select application_clicks from posting where id = ?::uuid", Long.class, id)).isEqualTo(1);

        var change = http.send("PUT", "/api/vacancies/" + id, staff(company), json(Samples.with("openings", 1)), "If-Match", "\"2\"");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        assertThat(payload(id, "augenhoehe.vacancy.updated.v1").get("openings").asInt()).isEqualTo(1);

        var filled = http.send("POST", "/api/vacancies/" + id + "/fill", staff(company), "{\"reason\":\"Frau Muster eingestellt\"}");
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        assertThat(json(filled).get("status").asString()).isEqualTo("FILLED");
        assertThat(json(filled).get("closedAt").isNull()).isFalse();
        JsonNode closed = payload(id, "augenhoehe.vacancy.closed.v1");
        assertThat(closed.get("reason").asString()).isEqualTo("FILLED");
        assertThat(closed.get("detail").isNull()).as("the company's free text may name a person: not in the event").isTrue();
        assertThat(closed.get("publishedAt").asString()).isNotBlank();

        assertThat(http.send("POST", "/api/vacancies/" + id + "/withdraw", staff(company), null).statusCode()).isEqualTo(409);
        assertThat(http.send("PUT", "/api/vacancies/" + id, staff(company), json(Samples.posting()), "If-Match", "\"4\"").statusCode())
                .as("a closed posting is not changed").isEqualTo(409);
        // once public, now closed: gone (410) for everyone else, so a page can say "no longer available" — nothing of its content
        var gone = http.send("GET", "/api/vacancies/" + id, null, null);
        assertThat(gone.statusCode()).as("filled: offline").isEqualTo(410);
        assertThat(gone.body()).contains("urn:augenhoehe:problem:posting-closed").doesNotContain("\"title\":\"" + json(filled).get("title").asString());
        assertThat(http.send("POST", "/api/vacancies/" + id + "/application-click", null, null).statusCode()).isEqualTo(404);

        var records = TopicRecords.read(Infrastructure.get().kafkaBootstrapServers(), "vacancy-events",
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 3, Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> id.equals(r.key())).map(r -> TopicRecords.header(r, "ce_type")))
                .as("relayed to Kafka in order")
                .containsExactly("augenhoehe.vacancy.published.v1", "augenhoehe.vacancy.updated.v1", "augenhoehe.vacancy.closed.v1");
    }

    @Test
    void a_draft_withdrawn_publishes_nothing_and_a_published_one_withdrawn_is_closed() {
        UUID company = companies.active(network);
        String draft = json(http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()))).get("id").asString();
        var w = http.send("POST", "/api/vacancies/" + draft + "/withdraw", staff(company), "{\"reason\":\"doppelt angelegt\"}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
        assertThat(json(w).get("closeDetail").asString()).isEqualTo("doppelt angelegt");
        assertThat(outbox(draft)).isEmpty();
        assertThat(http.send("GET", "/api/vacancies/" + draft, null, null).statusCode()).as("never public: not found, not gone").isEqualTo(404);

        String id = json(http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()))).get("id").asString();
        http.send("POST", "/api/vacancies/" + id + "/publish", staff(company), null);
        assertThat(http.send("POST", "/api/vacancies/" + id + "/fill", staff(UUID.randomUUID()), null).statusCode())
                .as("another company's posting").isEqualTo(404);
        assertThat(http.send("POST", "/api/vacancies/" + id + "/withdraw", staff(company), null, "If-Match", "\"0\"").statusCode())
                .as("stale If-Match").isEqualTo(412);
        assertThat(http.send("POST", "/api/vacancies/" + id + "/withdraw", staff(company), null).statusCode()).isEqualTo(200);
        assertThat(payload(id, "augenhoehe.vacancy.closed.v1").get("reason").asString()).isEqualTo("WITHDRAWN");
        assertThat(http.send("GET", "/api/vacancies/" + id, null, null).statusCode()).as("withdrawn after publication").isEqualTo(410);
        assertThat(http.send("GET", "/api/vacancies/" + id, staff(company), null).statusCode()).as("the company still reads it").isEqualTo(200);
    }

    @Test
    void only_staff_of_an_active_member_company_write_and_only_their_own_postings() {
        UUID company = companies.active(network);
        UUID other = companies.active(network);
        String id = json(http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()))).get("id").asString();

        for (String token : List.of(staff(other), admin(other))) {
            assertThat(http.send("PUT", "/api/vacancies/" + id, token, json(Samples.posting()), "If-Match", "\"0\"").statusCode()).isEqualTo(404);
            assertThat(http.send("POST", "/api/vacancies/" + id + "/publish", token, null).statusCode()).isEqualTo(404);
            assertThat(http.send("POST", "/api/vacancies/" + id + "/withdraw", token, null).statusCode()).isEqualTo(404);
            assertThat(http.send("GET", "/api/vacancies/" + id, token, null).statusCode()).isEqualTo(404);
        }
        var coordinatorWrites = http.send("POST", "/api/vacancies", coordinator(network), json(Samples.posting()));
        assertThat(coordinatorWrites.statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/api/vacancies", null, json(Samples.posting())).statusCode()).isEqualTo(401);
        String hr = TestTokens.subject("hr").roles("hr_client").partner(company).sign();
        assertThat(http.send("POST", "/api/vacancies", hr, json(Samples.posting())).statusCode()).as("HR systems use /integration").isEqualTo(403);

        UUID stranger = UUID.randomUUID(); // never a member
        var refused = http.send("POST", "/api/vacancies", staff(stranger), json(Samples.posting()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-an-active-member");
        assertThat(jdbc.queryForObject("select count(*) from posting where employer_id = ?", Integer.class, stranger)).isZero();
    }

    List<String> outbox(String id) {
        return jdbc.queryForList("select event_type || ' ' || payload from outbox_event where event_key = ? order by position", String.class, id);
    }

    JsonNode payload(String id, String type) {
        List<String> p = jdbc.queryForList("select payload from outbox_event where event_key = ? and event_type = ? order by position desc",
                String.class, id, type);
        assertThat(p).as(type + " of " + id).isNotEmpty();
        return Http.JSON.readTree(p.getFirst());
    }
}
