package de.augenhoehe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The contract against a stand-in server whose {@code Server-Timing} the test decides. */
class PathologicalInputContractTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/things":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
              "/api/things/{id}":{"get":{"parameters":[
                {"in":"path","name":"id","required":true,"schema":{"type":"string"}},
                {"in":"query","name":"q","required":false,"schema":{"type":"string"}},
                {"in":"query","name":"size","required":true,"schema":{"type":"integer","minimum":1}}]}}},
             "components":{"schemas":{
               "Thing":{"type":"object","required":["count"],"properties":{
                 "name":{"type":"string"},"count":{"type":"integer","minimum":3},
                 "tags":{"type":"array","items":{"type":"string"}},
                 "place":{"$ref":"#/components/schemas/Place"}}},
               "Place":{"type":"object","properties":{"postalCode":{"type":"string"}}}}}}
            """;

    record Seen(String method, String uri, String body) {
    }

    @TempDir Path dir;
    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile Predicate<Seen> slow = s -> false;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Seen s = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.add(s);
            exchange.getResponseHeaders().add("Server-Timing", "app;dur=" + (slow.test(s) ? "950.0" : "3.5"));
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void probe() throws IOException {
        Path document = Files.writeString(dir.resolve("openapi.json"), DOCUMENT);
        PathologicalInputContract.assertNoInputHoldsTheService(server.getAddress().getPort(), document, "token");
    }

    @Test
    void every_string_field_and_parameter_gets_each_shape_at_the_largest_size() throws IOException {
        assertThatCode(this::probe).doesNotThrowAnyException();
        int shapes = PathologicalInputContract.SHAPES.size();
        List<Seen> bodies = seen.stream().filter(s -> s.method().equals("POST")).toList();
        assertThat(bodies).hasSize(3 * shapes); // name, tags[0], place.postalCode
        assertThat(bodies).allSatisfy(s -> {
            assertThat(s.body().getBytes(StandardCharsets.UTF_8).length).isBetween(PathologicalInputContract.BODY_LIMIT - 8,
                    PathologicalInputContract.BODY_LIMIT);
            assertThat(s.body()).contains("\"count\":3");
        });
        assertThat(bodies).anySatisfy(s -> assertThat(s.body()).startsWith("{\"count\":3,\"name\":\"a@..."))
                .anySatisfy(s -> assertThat(s.body()).startsWith("{\"count\":3,\"tags\":[\"aaaa"))
                .anySatisfy(s -> assertThat(s.body()).startsWith("{\"count\":3,\"place\":{\"postalCode\":\"a.a."));
        List<Seen> gets = seen.stream().filter(s -> s.method().equals("GET")).toList();
        assertThat(gets).hasSize(2 * shapes); // path id, query q; the integer is filled, not probed
        assertThat(gets).allSatisfy(s -> {
            assertThat(s.uri()).contains("size=1");
            assertThat(s.uri().length()).isBetween(PathologicalInputContract.PARAMETER_LIMIT - 10, PathologicalInputContract.PARAMETER_LIMIT + 100);
        });
    }

    @Test
    void a_slow_answer_fails_the_contract_after_being_measured_again() {
        slow = s -> s.body().contains("\"name\":\"a@...");
        assertThatThrownBy(this::probe).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of")
                .hasMessageContaining("POST /api/things body name (e-mail with a run of dots): 950 ms, status 400");
        assertThat(seen.stream().filter(slow)).hasSize(5);
    }
}
