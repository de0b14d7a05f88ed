package de.augenhoehe.gateway.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * The event catalogue for outside developers, public (issue #16: {@code /asyncapi.yaml} answered 401): the AsyncAPI
 * document of {@code infra/contracts} at {@code /asyncapi.yaml} and every event schema it references at
 * {@code /asyncapi/events/<type>.schema.json}. Both are copied into the gateway's jar at build time (pom.xml); the
 * document's references, file paths into the repository, are rewritten to those addresses.
 */
@RestController
@Hidden
class EventCatalogueController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");
    /** A reference of the committed document: {@code ../../<service>/src/main/resources/contracts/events/<file>}. */
    private static final Pattern REPOSITORY_REF = Pattern.compile("\\.\\./\\.\\./[a-z-]+/src/main/resources/contracts/events/");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z0-9.-]{1,120}\\.schema\\.json");

    private final String document;

    EventCatalogueController() {
        this.document = REPOSITORY_REF.matcher(read("event-catalogue/asyncapi.yaml")).replaceAll("asyncapi/events/");
    }

    @GetMapping("/asyncapi.yaml")
    ResponseEntity<String> document() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(document);
    }

    @GetMapping("/asyncapi/events/{name}")
    ResponseEntity<String> schema(@PathVariable String name) {
        if (!SCHEMA_NAME.matcher(name).matches() || !new ClassPathResource("event-catalogue/events/" + name).exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No event schema of that name");
        }
        return ResponseEntity.ok().contentType(SCHEMA).cacheControl(CacheControl.noCache()).body(read("event-catalogue/events/" + name));
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The event catalogue is not in the gateway's jar: " + resource, e);
        }
    }
}
