package de.augenhoehe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the producers' JSON Schemas stay in step: the build fails when they drift. */
class CatalogueConsistencyTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path ASYNCAPI = ROOT.resolve("infra/contracts/asyncapi.yaml");
    static final List<String> SERVICES = List.of("partner-service", "vacancy-service", "measures-service", "outreach-service");

    @Test
    void every_event_schema_is_in_the_asyncapi_document_and_every_reference_exists() throws IOException {
        String doc = Files.readString(ASYNCAPI);
        Set<Path> referenced = new TreeSet<>();
        Matcher m = Pattern.compile("\\$ref: '([^'#]+\\.schema\\.json)'").matcher(doc);
        while (m.find()) {
            referenced.add(ASYNCAPI.getParent().resolve(m.group(1)).normalize());
        }
        Set<Path> schemas = new TreeSet<>();
        for (String service : SERVICES) {
            Path dir = ROOT.resolve(service).resolve("src/main/resources/contracts/events");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".schema.json")).forEach(schemas::add);
                }
            }
        }
        assertThat(schemas).as("producers' event schemas").isNotEmpty();
        assertThat(referenced).as("schemas listed in asyncapi.yaml").containsExactlyInAnyOrderElementsOf(schemas);
        for (Path schema : schemas) {
            String type = schema.getFileName().toString().replace(".schema.json", "");
            assertThat(doc).as("message named after its CloudEvents type").contains("name: " + type);
            assertThat(type).matches("augenhoehe\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(schema), InputFormat.JSON);
        }
    }
}
