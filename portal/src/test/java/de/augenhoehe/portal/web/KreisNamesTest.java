package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Any Kreis is named from partner-service's list, read once; while it cannot be read, the demo regions' names answer. */
class KreisNamesTest {

    StandInPlatform platform;
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean available;
    KreisNames names;

    @BeforeEach
    void kreisList() throws IOException {
        platform = StandInPlatform.start("/api/kreise", this::answer);
        names = new KreisNames(platform.api());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void a_kreis_outside_the_demo_regions_gets_its_name_once_the_list_is_read() {
        available = false;
        assertThat(names.name("08111")).as("not readable yet: the key").isEqualTo("Kreis 08111");
        assertThat(names.name("08125")).as("a demo region's own name").isEqualTo("Landkreis Heilbronn");
        available = true;
        assertThat(names.name("08111")).isEqualTo("Stadtkreis Stuttgart");
        assertThat(names.name("09162")).isEqualTo("Kreisfreie Stadt München");
        assertThat(names.name("99999")).isEqualTo("Kreis 99999");
        int afterLoad = reads.get();
        names.name("08111");
        assertThat(reads.get()).as("read once, then kept").isEqualTo(afterLoad);
    }

    private void answer(HttpExchange exchange) throws IOException {
        reads.incrementAndGet();
        byte[] body = "[{\"schluessel\":\"08111\",\"name\":\"Stadtkreis Stuttgart\"},{\"schluessel\":\"09162\",\"name\":\"Kreisfreie Stadt München\"}]"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(available ? 200 : 503, available ? body.length : -1);
        if (available) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
