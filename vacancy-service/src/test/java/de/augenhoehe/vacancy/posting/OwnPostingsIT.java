package de.augenhoehe.vacancy.posting;

import static de.augenhoehe.vacancy.posting.Http.admin;
import static de.augenhoehe.vacancy.posting.Http.coordinator;
import static de.augenhoehe.vacancy.posting.Http.hrClient;
import static de.augenhoehe.vacancy.posting.Http.json;
import static de.augenhoehe.vacancy.posting.Http.staff;
import static de.augenhoehe.vacancy.posting.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/vacancies/mine}: a company's people see its postings of every status, and only their own company's. */
class OwnPostingsIT extends CompanyApiTest {

    static final String MINE = "/api/vacancies/mine";

    @Test
    void administrators_and_staff_see_all_their_companys_postings_of_every_status_newest_first_and_page_through_them() {
        UUID company = companies.active(network);
        UUID other = companies.active(network);
        String draft = create(company);
        String published = publish(company, create(company));
        String filled = publish(company, create(company));
        assertThat(http.send("POST", "/api/vacancies/" + filled + "/fill", staff(company), null).statusCode()).isEqualTo(200);
        String withdrawn = create(company);
        assertThat(http.send("POST", "/api/vacancies/" + withdrawn + "/withdraw", admin(company), null).statusCode()).isEqualTo(200);
        var fromHrSystem = http.send("PUT", "/integration/v1/vacancies/SAP-1", hrClient(company), json(Samples.posting()));
        assertThat(fromHrSystem.statusCode()).as(fromHrSystem.body()).isEqualTo(201);
        String hr = json(fromHrSystem).get("posting").get("id").asString();
        String foreign = create(other);

        JsonNode all = page(MINE, admin(company));
        assertThat(ids(all)).as("newest first, every status, people's and the HR system's")
                .containsExactly(hr, withdrawn, filled, published, draft);
        assertThat(statuses(all)).containsExactly("PUBLISHED", "WITHDRAWN", "FILLED", "PUBLISHED", "DRAFT");
        assertThat(all.get("next").isNull()).isTrue();
        assertThat(ids(page(MINE, staff(company)))).as("staff see the same").containsExactly(hr, withdrawn, filled, published, draft);

        assertThat(ids(page(MINE + "?status=DRAFT", staff(company)))).containsExactly(draft);
        assertThat(ids(page(MINE + "?status=FILLED&status=WITHDRAWN", staff(company)))).containsExactly(withdrawn, filled);
        assertThat(ids(page(MINE + "?status=EXPIRED", staff(company)))).isEmpty();
        // a blank value is no filter (it was a 500: the endpoint fuzzer's ?status=%00)
        assertThat(ids(page(MINE + "?status=%00", staff(company)))).containsExactly(hr, withdrawn, filled, published, draft);
        assertThat(ids(page(MINE + "?status=DRAFT&status=%20", staff(company)))).containsExactly(draft);

        List<String> paged = new ArrayList<>();
        JsonNode p = page(MINE + "?limit=2", admin(company));
        int pages = 1;
        paged.addAll(ids(p));
        while (!p.get("next").isNull()) {
            p = page(MINE + "?limit=2&after=" + p.get("next").asString(), admin(company));
            paged.addAll(ids(p));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).as("keyset pages: each posting once, in order").containsExactly(hr, withdrawn, filled, published, draft);

        assertThat(ids(page(MINE, staff(other)))).as("another company sees only its own").containsExactly(foreign);
        assertThat(ids(page(MINE, admin(UUID.randomUUID())))).as("a company without postings: an empty list").isEmpty();
    }

    @Test
    void each_page_carries_the_views_and_application_clicks_of_its_postings_for_the_company() {
        UUID company = companies.active(network);
        String published = publish(company, create(company));
        String draft = create(company);
        for (String visitor : List.of("visitor 1", "visitor 2")) { // one view per visitor (#15)
            http.send("GET", "/api/vacancies/" + published, null, null, "User-Agent", visitor);
        }
        http.send("GET", "/api/vacancies/" + published, admin(company), null); // the company's own reading is no view
        http.send("POST", "/api/vacancies/" + published + "/application-click", null, null);

        JsonNode page = page(MINE, staff(company));
        assertThat(ids(page)).containsExactly(draft, published);
        JsonNode stats = page.get("statistics");
        assertThat(stats.size()).isEqualTo(2);
        assertThat(stats.get(0).get("id").asString()).isEqualTo(draft);
        assertThat(stats.get(0).get("views").asLong()).isZero();
        assertThat(stats.get(1).get("id").asString()).isEqualTo(published);
        assertThat(stats.get(1).get("views").asLong()).isEqualTo(2);
        assertThat(stats.get(1).get("applicationClicks").asLong()).isEqualTo(1);
        assertThat(page(MINE, admin(UUID.randomUUID())).get("statistics").size()).isZero();
        assertThat(json(http.send("GET", "/api/vacancies/" + published, null, null)).has("views"))
                .as("the public posting never shows the counters").isFalse();
    }

    @Test
    void without_a_token_401_without_a_company_role_403_bad_parameters_400() {
        problem(http.send("GET", MINE, null, null), 401, "unauthenticated");
        problem(http.send("GET", MINE, coordinator(network), null), 403, "forbidden");
        problem(http.send("GET", MINE, hrClient(UUID.randomUUID()), null), 403, "forbidden");
        UUID company = UUID.randomUUID();
        problem(http.send("GET", MINE + "?limit=0", staff(company), null), 400, "invalid-parameter");
        problem(http.send("GET", MINE + "?limit=201", staff(company), null), 400, "invalid-parameter");
        problem(http.send("GET", MINE + "?after=kaputt", staff(company), null), 400, "invalid-parameter");
        assertThat(http.send("GET", MINE + "?status=OPEN", staff(company), null).statusCode()).isEqualTo(400);
    }

    private String create(UUID company) {
        var r = http.send("POST", "/api/vacancies", staff(company), json(Samples.posting()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    private String publish(UUID company, String id) {
        var r = http.send("POST", "/api/vacancies/" + id + "/publish", admin(company), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return id;
    }

    private JsonNode page(String path, String token) {
        var r = http.send("GET", path, token, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private static List<String> statuses(JsonNode page) {
        List<String> s = new ArrayList<>();
        page.get("items").forEach(i -> s.add(i.get("status").asString()));
        return s;
    }

    private static void problem(HttpResponse<String> r, int status, String slug) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(r).get("type").asString()).isEqualTo("urn:augenhoehe:problem:" + slug);
    }
}
