package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.json;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * Kreisschlüssel are validated against the real Kreise: the demo subset out of the box, the full list after the
 * GeoNames import (the real file from ../shared/data; that part is skipped with a message where it is absent).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "augenhoehe.reference-data.directory=target/kreis-it-reference-data")
@RealInfrastructure(isolatedDatabase = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KreisIT {

    static final Path DIRECTORY = Path.of("target/kreis-it-reference-data");
    static final Path SHARED = Path.of("../../shared/data/zipcodes.de.csv");

    static {
        // The service must start without the file: the import is the operator's step under test.
        try {
            Files.createDirectories(DIRECTORY);
            Files.deleteIfExists(DIRECTORY.resolve("zipcodes.de.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    String network(String... region) {
        return "{\"name\":\"Kreisnetz " + UUID.randomUUID() + "\",\"region\":[\"" + String.join("\",\"", region) + "\"],\"legalForm\":\"OTHER\"}";
    }

    int networks() {
        return jdbc.queryForObject("select count(*) from network", Integer.class);
    }

    @Test
    @Order(1)
    void out_of_the_box_the_demo_kreise_are_known_and_others_refused() {
        assertThat(jdbc.queryForObject("select count(*) from kreis where source = 'DEMO'", Integer.class)).isEqualTo(23);
        int before = networks();
        var unknown = api().send("POST", "/api/networks", coordinator("c"), network("08121", "09999", "09162"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(unknown).get("type").asString()).isEqualTo("urn:augenhoehe:problem:unknown-kreis");
        assertThat(json(unknown).get("kreise").toString()).isEqualTo("[\"09999\",\"09162\"]");
        assertThat(networks()).isEqualTo(before);

        var created = api().send("POST", "/api/networks", coordinator("c"), network("08121", "08225", "03402"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = Api.id(created);
        var update = api().sendIfMatch("PUT", "/api/networks/" + id, coordinator("c", id), "\"0\"", network("16999"));
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(json(api().send("GET", "/api/networks/" + id, null, null)).get("region").toString()).isEqualTo("[\"08121\",\"08225\",\"03402\"]");

        String coordinator = coordinator("c", id);
        var partner = api().send("POST", "/api/partners", coordinator,
                "{\"name\":\"Kreisfirma\",\"kind\":\"COMPANY\",\"address\":{\"postalCode\":\"74076\",\"city\":\"Heilbronn\",\"kreis\":\"08199\"}}");
        assertThat(partner.statusCode()).isEqualTo(400);
        assertThat(json(partner).get("type").asString()).isEqualTo("urn:augenhoehe:problem:unknown-kreis");
        assertThat(jdbc.queryForObject("select count(*) from partner where name = 'Kreisfirma'", Integer.class)).isZero();
        var ok = api().send("POST", "/api/partners", coordinator,
                "{\"name\":\"Kreisfirma\",\"kind\":\"COMPANY\",\"address\":{\"postalCode\":\"74076\",\"city\":\"Heilbronn\",\"kreis\":\"08121\"}}");
        assertThat(ok.statusCode()).isEqualTo(201);
        UUID p = Api.id(ok);
        var change = api().sendIfMatch("PUT", "/api/partners/" + p, partnerAdmin("a", p), "\"0\"",
                "{\"name\":\"Kreisfirma\",\"address\":{\"postalCode\":\"74076\",\"city\":\"Heilbronn\",\"kreis\":\"08100\"}}");
        assertThat(change.statusCode()).isEqualTo(400);
        assertThat(api().send("GET", "/api/networks/" + id + "/partners?kreis=08100", null, null).statusCode()).isEqualTo(400);
        assertThat(api().send("GET", "/api/networks/" + id + "/partners?kreis=08225", null, null).statusCode()).isEqualTo(200);
    }

    String company(String address) {
        return "{\"name\":\"PLZ-Firma " + UUID.randomUUID() + "\",\"kind\":\"COMPANY\",\"address\":" + address + "}";
    }

    int partners() {
        return jdbc.queryForObject("select count(*) from partner", Integer.class);
    }

    @Test
    @Order(1)
    void out_of_the_box_a_partners_kreis_comes_from_the_demo_postal_codes() {
        assertThat(jdbc.queryForObject("select count(distinct postal_code) from postal_code_kreis where source = 'DEMO'", Integer.class)).isEqualTo(163);
        String coordinator = coordinator("c");
        var derived = api().send("POST", "/api/partners", coordinator, company("{\"postalCode\":\"74172\",\"city\":\"Neckarsulm\"}"));
        assertThat(derived.statusCode()).as(derived.body()).isEqualTo(201);
        assertThat(json(derived).at("/address/kreis").asString()).as(derived.body()).isEqualTo("08125");
        UUID p = Api.id(derived);
        assertThat(jdbc.queryForObject("select kreis from partner where id = ?", String.class, p)).isEqualTo("08125");

        int before = partners();
        var unknown = api().send("POST", "/api/partners", coordinator, company("{\"postalCode\":\"99999\",\"city\":\"Nirgendwo\"}"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(unknown).get("type").asString()).isEqualTo("urn:augenhoehe:problem:unknown-postal-code");
        assertThat(json(unknown).get("postalCode").asString()).isEqualTo("99999");
        var contradicting = api().send("POST", "/api/partners", coordinator,
                company("{\"postalCode\":\"74076\",\"city\":\"Heilbronn\",\"kreis\":\"08125\"}"));
        assertThat(contradicting.statusCode()).as(contradicting.body()).isEqualTo(400);
        assertThat(json(contradicting).get("type").asString()).isEqualTo("urn:augenhoehe:problem:kreis-contradicts-postal-code");
        assertThat(json(contradicting).get("kreise").toString()).isEqualTo("[\"08121\"]");
        assertThat(partners()).isEqualTo(before);

        // a move to Emden: the new postal code's Kreis replaces the old one; a contradicting change writes nothing
        String admin = partnerAdmin("a", p);
        var moved = api().sendIfMatch("PUT", "/api/partners/" + p, admin, "\"0\"",
                "{\"name\":\"PLZ-Firma\",\"address\":{\"postalCode\":\"26721\",\"city\":\"Emden\"}}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).at("/address/kreis").asString()).isEqualTo("03402");
        var wrong = api().sendIfMatch("PUT", "/api/partners/" + p, admin, "\"1\"",
                "{\"name\":\"PLZ-Firma\",\"address\":{\"postalCode\":\"26721\",\"city\":\"Emden\",\"kreis\":\"03457\"}}");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(json(wrong).get("type").asString()).isEqualTo("urn:augenhoehe:problem:kreis-contradicts-postal-code");
        assertThat(jdbc.queryForObject("select kreis from partner where id = ?", String.class, p)).isEqualTo("03402");
    }

    @Test
    @Order(2)
    void only_operations_import_and_a_broken_file_changes_nothing() throws IOException {
        assertThat(api().send("POST", "/internal/kreise/import", null, null).statusCode()).isEqualTo(401);
        assertThat(api().send("POST", "/internal/kreise/import", coordinator("c"), null).statusCode()).isEqualTo(403);
        var missing = api().send("POST", "/internal/kreise/import", TestTokens.operations(), null);
        assertThat(missing.statusCode()).isEqualTo(422);
        Files.writeString(DIRECTORY.resolve("zipcodes.de.csv"), "country_code,zipcode,place,community,community_code\nDE,80331,München,\"München, Stadt\",09162\nDE,1,x,y,99\n");
        var broken = api().send("POST", "/internal/kreise/import", TestTokens.operations(), null);
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(422);
        assertThat(json(broken).get("type").asString()).isEqualTo("urn:augenhoehe:problem:malformed-reference-file");
        assertThat(jdbc.queryForObject("select count(*) from kreis", Integer.class)).isEqualTo(23);
        assertThat(jdbc.queryForObject("select count(distinct postal_code) from postal_code_kreis", Integer.class)).isEqualTo(163);
        Files.delete(DIRECTORY.resolve("zipcodes.de.csv"));

        // the names, for anyone (pages show them instead of keys), cacheable for an hour
        var names = api().send("GET", "/api/kreise", null, null);
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(json(names)).hasSize(23);
        assertThat(json(names).valueStream().filter(k -> k.get("schluessel").asString().equals("08125")).findFirst().orElseThrow()
                .get("name").asString()).isEqualTo("Landkreis Heilbronn");
        assertThat(names.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600").contains("public");
        assertThat(json(api().send("GET", "/api/kreise?land=03", null, null)).valueStream().map(k -> k.get("schluessel").asString()))
                .isNotEmpty().allMatch(k -> k.startsWith("03")).contains("03402");
        var noLand = api().send("GET", "/api/kreise?land=17", null, null);
        assertThat(noLand.statusCode()).isEqualTo(400);
        assertThat(noLand.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @Order(3)
    void after_the_geonames_import_every_real_kreis_is_known_and_a_second_import_changes_nothing() throws IOException {
        assumeTrue(Files.isRegularFile(SHARED), "the reference data folder ../shared/data is absent: GeoNames import not tested");
        Files.copy(SHARED, DIRECTORY.resolve("zipcodes.de.csv"), StandardCopyOption.REPLACE_EXISTING);
        var imported = api().send("POST", "/internal/kreise/import", TestTokens.operations(), null);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        int total = json(imported).get("total").asInt();
        // Germany has 400 Kreise and kreisfreie Städte; the file may list a few historic keys besides.
        assertThat(total).isBetween(395, 410);
        assertThat(jdbc.queryForObject("select name from kreis where schluessel = '03402'", String.class)).isEqualTo("Emden, Stadt");
        assertThat(jdbc.queryForObject("select name from kreis where schluessel = '09162'", String.class)).isEqualTo("Kreisfreie Stadt München");
        assertThat(json(api().send("GET", "/api/kreise", null, null)).valueStream().map(k -> k.get("schluessel").asString() + " " + k.get("name").asString()))
                .hasSize(total).contains("09162 Kreisfreie Stadt München");
        assertThat(api().send("POST", "/api/networks", coordinator("c"), network("09162", "11000")).statusCode()).isEqualTo(201);
        assertThat(api().send("POST", "/api/networks", coordinator("c"), network("09999")).statusCode()).isEqualTo(400);
        var again = api().send("POST", "/internal/kreise/import", TestTokens.operations(), null);
        assertThat(json(again).get("total").asInt()).isEqualTo(total);

        // every postal code with a Kreis (10,813 in the file); a code spanning Kreise defaults to the one with most places
        assertThat(json(again).get("totalPostalCodes").asInt()).isEqualTo(json(imported).get("totalPostalCodes").asInt()).isBetween(10_000, 11_000);
        var munich = api().send("POST", "/api/partners", coordinator("c"), company("{\"postalCode\":\"80331\",\"city\":\"München\"}"));
        assertThat(json(munich).at("/address/kreis").asString()).isEqualTo("09162");
        var ludwigsburg = api().send("POST", "/api/partners", coordinator("c"), company("{\"postalCode\":\"70836\",\"city\":\"Gerlingen\"}"));
        assertThat(json(ludwigsburg).at("/address/kreis").asString()).isEqualTo("08118");
        var stuttgart = api().send("POST", "/api/partners", coordinator("c"),
                company("{\"postalCode\":\"70836\",\"city\":\"Stuttgart\",\"kreis\":\"08111\"}"));
        assertThat(stuttgart.statusCode()).as(stuttgart.body()).isEqualTo(201);
        assertThat(json(stuttgart).at("/address/kreis").asString()).isEqualTo("08111");
    }
}
