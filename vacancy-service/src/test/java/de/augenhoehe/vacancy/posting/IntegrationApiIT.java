package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.hrClient;
import static de.augenhoehe.vacancy.posting.Http.json;
import static de.augenhoehe.vacancy.posting.Http.staff;
import static de.augenhoehe.vacancy.posting.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /integration/v1/vacancies}: idempotent PUT, ETags, batches, full load, the cross-company matrix, statistics. */
class IntegrationApiIT extends CompanyApiTest {

    static final String BASE = "/integration/v1/vacancies";

    @Test
    void put_creates_published_then_is_idempotent_then_updates_and_honours_if_match() {
        UUID company = companies.active(network);
        String token = hrClient(company);
        var created = http.send("PUT", BASE + "/SAP-4711", token, json(Samples.posting()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("result").asString()).isEqualTo("created");
        JsonNode posting = json(created).get("posting");
        String id = posting.get("id").asString();
        assertThat(posting.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(posting.get("externalId").asString()).isEqualTo("SAP-4711");
        assertThat(events(id)).containsExactly("augenhoehe.vacancy.published.v1");

        var again = http.send("PUT", BASE + "/SAP-4711", token, json(Samples.posting()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("result").asString()).isEqualTo("unchanged");
        assertThat(json(again).get("posting").get("version").asLong()).isZero();
        assertThat(json(Samples.with("status", "PUBLISHED"))).isNotNull();
        assertThat(json(http.send("PUT", BASE + "/SAP-4711", token, json(Samples.with("status", "PUBLISHED")))).get("result").asString())
                .as("status PUBLISHED is the default, not a change").isEqualTo("unchanged");
        assertThat(events(id)).as("nothing changed, nothing published").hasSize(1);

        var stale = http.send("PUT", BASE + "/SAP-4711", token, json(Samples.with("openings", 5)), "If-Match", "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        var updated = http.send("PUT", BASE + "/SAP-4711", token, json(Samples.with("openings", 5)), "If-Match", "\"0\"");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).get("result").asString()).isEqualTo("updated");
        assertThat(updated.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(events(id)).containsExactly("augenhoehe.vacancy.published.v1", "augenhoehe.vacancy.updated.v1");

        assertThat(http.send("PUT", BASE + "/SAP-4711", token, json(Samples.with("status", "DRAFT"))).statusCode())
                .as("a published posting does not become a draft").isEqualTo(409);
        assertThat(http.send("PUT", BASE + "/NEU-1", token, json(Samples.posting()), "If-Match", "\"0\"").statusCode())
                .as("If-Match on a posting that does not exist").isEqualTo(412);

        var draft = http.send("PUT", BASE + "/ENTWURF-1", token, json(Samples.with("status", "DRAFT")));
        assertThat(json(draft).get("posting").get("status").asString()).isEqualTo("DRAFT");
        var publish = http.send("PUT", BASE + "/ENTWURF-1", token, json(Samples.posting()));
        assertThat(json(publish).get("result").asString()).isEqualTo("updated");
        assertThat(json(publish).get("posting").get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(events(json(publish).get("posting").get("id").asString())).containsExactly("augenhoehe.vacancy.published.v1");
    }

    @Test
    void a_company_sees_and_changes_only_its_own_postings() {
        UUID a = companies.active(network);
        UUID b = companies.active(network);
        String idA = json(http.send("PUT", BASE + "/X-1", hrClient(a), json(Samples.posting()))).get("posting").get("id").asString();

        String tokenB = hrClient(b);
        assertThat(http.send("GET", BASE + "/X-1", tokenB, null).statusCode()).isEqualTo(404);
        assertThat(http.send("POST", BASE + "/X-1/withdraw", tokenB, null).statusCode()).isEqualTo(404);
        assertThat(http.send("POST", BASE + "/X-1/fill", tokenB, null).statusCode()).isEqualTo(404);
        assertThat(http.send("GET", BASE + "/X-1/statistics", tokenB, null).statusCode()).isEqualTo(404);
        assertThat(json(http.send("GET", BASE, tokenB, null)).get("items")).isEmpty();
        var own = http.send("PUT", BASE + "/X-1", tokenB, json(Samples.with("title", "Lagerfachkraft (m/w/d)", "kldb", "51312")));
        assertThat(own.statusCode()).as("B's own X-1, a different posting").isEqualTo(201);
        assertThat(json(own).get("posting").get("id").asString()).isNotEqualTo(idA);
        assertThat(jdbc.queryForObject("select title from posting where id = ?::uuid", String.class, idA))
                .as("A's posting untouched").isEqualTo("Mechatroniker/in (m/w/d) Instandhaltung");
        // the same posting through the people API: B's staff cannot reach A's posting by id either
        assertThat(http.send("POST", "/api/vacancies/" + idA + "/withdraw", staff(b), null).statusCode()).isEqualTo(404);

        // roles: people tokens are not HR clients; a non-member HR client may not write
        assertThat(http.send("PUT", BASE + "/X-2", staff(a), json(Samples.posting())).statusCode()).isEqualTo(403);
        assertThat(http.send("PUT", BASE + "/X-2", null, json(Samples.posting())).statusCode()).isEqualTo(401);
        UUID stranger = UUID.randomUUID();
        var refused = http.send("PUT", BASE + "/X-2", hrClient(stranger), json(Samples.posting()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asString()).isEqualTo("urn:augenhoehe:problem:not-an-active-member");
        var batch = http.send("POST", BASE + ":batch", hrClient(stranger), json(Map.of("items", List.of(item("X-3", Samples.posting())))));
        assertThat(batch.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from posting where employer_id = ?", Integer.class, stranger)).isZero();
    }

    @Test
    void a_batch_answers_per_item_and_the_same_batch_twice_changes_nothing() {
        UUID company = companies.active(network);
        String token = hrClient(company);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("B-" + i, Samples.with("title", "Fachkraft Lagerlogistik (m/w/d) Standort " + i, "kldb", "51312",
                    "postalCode", i % 2 == 0 ? "26871" : "49716")));
        }
        var first = http.send("POST", BASE + ":batch", token, json(Map.of("items", items)));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("summary").get("created").asInt()).isEqualTo(20);
        assertThat(outboxCount(company)).isEqualTo(20);

        var second = http.send("POST", BASE + ":batch", token, json(Map.of("items", items)));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("summary").get("unchanged").asInt()).isEqualTo(20);
        assertThat(outboxCount(company)).as("the same batch twice publishes nothing more").isEqualTo(20);
        assertThat(jdbc.queryForObject("select max(version) from posting where employer_id = ?", Long.class, company)).isZero();

        List<Object> mixed = new ArrayList<>(items.subList(0, 3));
        mixed.add(item("B-1", Samples.with("openings", 9)));                            // duplicate external id in the batch
        mixed.add(item("B-0", Samples.with("openings", 7)));                            // duplicate too (B-0 is item 0)
        mixed.set(2, item("B-2", Samples.with("kldb", "51312", "openings", 4)));        // updated
        mixed.add(item("B-50", Samples.with("kldb", "99999")));                         // unknown KldB
        mixed.add(item("B-51", Samples.with("title", "<script>alert(1)</script>")));   // markup
        Map<String, Object> unknownField = new LinkedHashMap<>(Samples.posting());
        unknownField.put("colour", "blue");
        mixed.add(item("B-52", unknownField));                                          // unknown field
        mixed.add(item("B-53", Samples.posting()));                                     // created
        var third = http.send("POST", BASE + ":batch", token, json(Map.of("items", mixed)));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(207);
        JsonNode results = json(third).get("items");
        assertThat(results.get(0).get("result").asString()).isEqualTo("unchanged");
        assertThat(results.get(2).get("result").asString()).isEqualTo("updated");
        assertThat(results.get(3).get("result").asString()).isEqualTo("rejected");
        assertThat(results.get(3).get("problem").get("type").asString()).isEqualTo("urn:augenhoehe:problem:duplicate-external-id");
        assertThat(results.get(5).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("kldb");
        assertThat(results.get(6).get("problem").get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(results.get(7).get("problem").get("type").asString()).isEqualTo("urn:augenhoehe:problem:malformed-request");
        assertThat(results.get(7).get("externalId").asString()).isEqualTo("B-52");
        assertThat(results.get(8).get("result").asString()).as("rejected items do not block the others").isEqualTo("created");
        assertThat(jdbc.queryForObject("select count(*) from posting where employer_id = ? and external_id in ('B-50', 'B-51', 'B-52')",
                Integer.class, company)).isZero();
        assertThat(jdbc.queryForObject("select openings from posting where employer_id = ? and external_id = 'B-0'", Integer.class, company))
                .as("the duplicate did not win").isEqualTo(2);

        var allBad = http.send("POST", BASE + ":batch", token, json(Map.of("items", List.of(item("B-60", Samples.with("postalCode", "00000"))))));
        assertThat(allBad.statusCode()).isEqualTo(422);
        assertThat(allBad.headers().firstValue("Content-Type")).as("an error is a problem (#16, the endpoint fuzzer)")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(allBad).get("type").asString()).isEqualTo("urn:augenhoehe:problem:batch-rejected");
        assertThat(json(allBad).get("items").get(0).get("result").asString()).as("each item's result, as in a 207").isEqualTo("rejected");
        assertThat(json(allBad).get("summary").get("rejected").asInt()).isEqualTo(1);
    }

    @Test
    void full_load_withdraws_the_published_postings_missing_from_the_batch() {
        UUID company = companies.active(network);
        String token = hrClient(company);
        for (String id : List.of("F-1", "F-2", "F-3")) {
            http.send("PUT", BASE + "/" + id, token, json(Samples.posting()));
        }
        http.send("PUT", BASE + "/F-DRAFT", token, json(Samples.with("status", "DRAFT")));
        Map<String, Object> unreadable = new LinkedHashMap<>(Samples.posting());
        unreadable.put("colour", "blue");
        var load = http.send("POST", BASE + ":batch?mode=full-load", token, json(Map.of("items",
                List.of(item("F-1", Samples.posting()), item("F-4", Samples.posting()), item("F-3", unreadable)))));
        assertThat(load.statusCode()).as(load.body()).isEqualTo(207);
        assertThat(json(load).get("withdrawnByFullLoad").asInt()).isEqualTo(1);
        assertThat(statusOf(company, "F-1")).isEqualTo("PUBLISHED");
        assertThat(statusOf(company, "F-4")).isEqualTo("PUBLISHED");
        assertThat(statusOf(company, "F-2")).isEqualTo("WITHDRAWN");
        assertThat(statusOf(company, "F-3")).as("in the batch, though rejected: not missing").isEqualTo("PUBLISHED");
        assertThat(statusOf(company, "F-DRAFT")).as("drafts are not online: kept").isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select close_detail from posting where employer_id = ? and external_id = 'F-2'", String.class, company))
                .isEqualTo("full load");
        String closed = jdbc.queryForObject("""
                select o.payload from outbox_event o join posting p on o.event_key = p.id::text
                where p.employer_id = ? and p.external_id = 'F-2' and o.event_type = 'augenhoehe.vacancy.closed.v1'""", String.class, company);
        assertThat(Http.JSON.readTree(closed).get("detail").asString()).isEqualTo("full load");
        assertThat(Http.JSON.readTree(closed).get("reason").asString()).isEqualTo("WITHDRAWN");
        assertThat(http.send("POST", BASE + ":batch?mode=everything", token, json(Map.of("items", List.of(item("F-1", Samples.posting())))))
                .statusCode()).isEqualTo(400);

        var page1 = json(http.send("GET", BASE + "?status=PUBLISHED&limit=2", token, null));
        assertThat(page1.get("items").valueStream().map(p -> p.get("externalId").asString()).toList()).containsExactly("F-1", "F-3");
        var page2 = json(http.send("GET", BASE + "?status=PUBLISHED&limit=2&after=" + page1.get("next").asString(), token, null));
        assertThat(page2.get("items").valueStream().map(p -> p.get("externalId").asString()).toList()).containsExactly("F-4");
        assertThat(page2.get("next").isNull()).isTrue();
        assertThat(json(http.send("GET", BASE + "?status=WITHDRAWN", token, null)).get("items").size()).isEqualTo(1);
    }

    @Test
    void two_concurrent_puts_with_the_same_if_match_one_wins_the_other_gets_412() throws Exception {
        UUID company = companies.active(network);
        String token = hrClient(company);
        http.send("PUT", BASE + "/C-1", token, json(Samples.posting()));
        for (int round = 0; round < 5; round++) {
            String etag = http.send("GET", BASE + "/C-1", token, null).headers().firstValue("ETag").orElseThrow();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String body = json(Samples.with("openings", 10 + round * 2 + i));
                puts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return http.send("PUT", BASE + "/C-1", token, body, "If-Match", etag);
                }));
            }
            go.countDown();
            List<Integer> statuses = puts.stream().map(f -> f.join().statusCode()).sorted().toList();
            assertThat(statuses).as("round " + round).containsExactly(200, 412);
        }
        assertThat(jdbc.queryForObject("select version from posting where employer_id = ? and external_id = 'C-1'", Long.class, company))
                .isEqualTo(5);
        String id = jdbc.queryForObject("select id::text from posting where employer_id = ? and external_id = 'C-1'", String.class, company);
        assertThat(events(id)).filteredOn(t -> t.endsWith("updated.v1")).hasSize(5);
    }

    @Test
    void withdraw_fill_and_statistics() {
        UUID company = companies.active(network);
        String token = hrClient(company);
        String id = json(http.send("PUT", BASE + "/S-1", token, json(Samples.posting()))).get("posting").get("id").asString();
        for (String visitor : List.of("visitor 1", "visitor 2", "visitor 3")) { // one view per visitor (#15)
            http.send("GET", "/api/vacancies/" + id, null, null, "User-Agent", visitor);
        }
        http.send("POST", "/api/vacancies/" + id + "/application-click", null, null);
        JsonNode stats = json(http.send("GET", BASE + "/S-1/statistics", token, null));
        assertThat(stats.get("views").asLong()).isEqualTo(3);
        assertThat(stats.get("applicationClicks").asLong()).isEqualTo(1);

        var filled = http.send("POST", BASE + "/S-1/fill", token, null);
        assertThat(json(filled).get("status").asString()).isEqualTo("FILLED");
        assertThat(http.send("POST", BASE + "/S-1/withdraw", token, null).statusCode()).isEqualTo(409);
        var reopen = http.send("PUT", BASE + "/S-1", token, json(Samples.posting()));
        assertThat(reopen.statusCode()).as("a closed posting is not reopened").isEqualTo(409);

        http.send("PUT", BASE + "/S-2", token, json(Samples.posting()));
        var withdrawn = http.send("POST", BASE + "/S-2/withdraw", token, "{\"reason\":\"Stelle intern besetzt\"}");
        assertThat(json(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(json(withdrawn).get("closeReason").asString()).isEqualTo("WITHDRAWN");
    }

    static Map<String, Object> item(String externalId, Map<String, Object> posting) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("externalId", externalId);
        m.put("posting", posting);
        return m;
    }

    List<String> events(String id) {
        return jdbc.queryForList("select event_type from outbox_event where event_key = ? order by position", String.class, id);
    }

    int outboxCount(UUID company) {
        return jdbc.queryForObject("select count(*) from outbox_event o join posting p on o.event_key = p.id::text where p.employer_id = ?",
                Integer.class, company);
    }

    String statusOf(UUID company, String externalId) {
        return jdbc.queryForObject("select status from posting where employer_id = ? and external_id = ?", String.class, company, externalId);
    }
}
