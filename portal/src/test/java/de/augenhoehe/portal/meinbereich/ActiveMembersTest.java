package de.augenhoehe.portal.meinbereich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.augenhoehe.portal.web.StandInPlatform;

/** Every active member is offered, however many pages of 100 partner-service's list has — not only the first. */
class ActiveMembersTest {

    StandInPlatform platform;
    final List<String> asked = new CopyOnWriteArrayList<>();
    int members;
    ActiveMembers active;

    @BeforeEach
    void partnerList() throws IOException {
        platform = StandInPlatform.start("/", this::answer);
        active = new ActiveMembers(platform.api());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void all_pages_are_read_until_the_last() {
        members = 234;
        List<String> names = active.of("n1", Map.of()).stream().map(m -> m.path("partner").path("name").asString()).toList();
        assertThat(names).hasSize(234).startsWith("P0").endsWith("P233").doesNotHaveDuplicates();
        assertThat(asked).containsExactly("page=0&size=100", "page=1&size=100", "page=2&size=100");
    }

    @Test
    void a_network_within_one_page_is_read_once() {
        members = 100;
        assertThat(active.of("n1", Map.of())).hasSize(100);
        assertThat(asked).hasSize(1);
    }

    /** A network's ACTIVE members, {@code size} a page, as partner-service answers them. */
    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        assertThat(exchange.getRequestURI().getPath()).isEqualTo("/api/networks/n1/partners");
        assertThat(query).startsWith("status=ACTIVE&");
        asked.add(query.substring("status=ACTIVE&".length()));
        int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
        int size = Integer.parseInt(query.replaceAll(".*size=(\\d+).*", "$1"));
        StringBuilder items = new StringBuilder();
        for (int i = page * size; i < Math.min(members, (page + 1) * size); i++) {
            items.append(items.isEmpty() ? "" : ",").append("{\"partner\":{\"id\":\"p").append(i).append("\",\"name\":\"P").append(i).append("\"}}");
        }
        StandInPlatform.json(exchange, "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":" + size + ",\"total\":" + members + "}");
    }
}
