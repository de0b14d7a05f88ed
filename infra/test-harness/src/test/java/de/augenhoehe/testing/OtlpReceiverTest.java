package de.augenhoehe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import de.augenhoehe.testing.OtlpReceiver.ReceivedSpan;

class OtlpReceiverTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void decodes_exported_spans_plain_and_gzipped_and_follows_a_span_to_its_root() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            assertThat(post(receiver, request("gateway", span("00000000000000a1", "", "http get", Span.SpanKind.SPAN_KIND_SERVER)), false))
                    .isEqualTo(200);
            assertThat(post(receiver, request("vacancy-service",
                    span("00000000000000b2", "00000000000000a1", "http put", Span.SpanKind.SPAN_KIND_SERVER),
                    span("00000000000000c3", "00000000000000b2", "partner-events receive", Span.SpanKind.SPAN_KIND_CONSUMER)), true))
                    .isEqualTo(200);

            List<ReceivedSpan> trace = receiver.awaitTrace(TRACE, Duration.ofSeconds(1), t -> t.size() == 3);
            ReceivedSpan consumer = trace.stream().filter(s -> s.kind().equals("SPAN_KIND_CONSUMER")).findFirst().orElseThrow();
            assertThat(consumer.service()).isEqualTo("vacancy-service");
            assertThat(OtlpReceiver.ancestry(consumer, trace)).extracting(ReceivedSpan::spanId)
                    .containsExactly("00000000000000c3", "00000000000000b2", "00000000000000a1");
            assertThat(OtlpReceiver.ancestry(consumer, trace).getLast().isRoot()).isTrue();
            assertThat(receiver.trace("0af7651916cd43dd8448eb211c80319c")).isEmpty();
        }
    }

    private static int post(OtlpReceiver receiver, ExportTraceServiceRequest request, boolean gzip) throws Exception {
        byte[] body = request.toByteArray();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(receiver.tracesEndpoint()))
                .header("Content-Type", "application/x-protobuf");
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            builder.header("Content-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ExportTraceServiceRequest request(String service, Span... spans) {
        Resource resource = Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue(service))).build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    private static Span span(String id, String parent, String name, Span.SpanKind kind) {
        return Span.newBuilder().setTraceId(bytes(TRACE)).setSpanId(bytes(id)).setParentSpanId(bytes(parent))
                .setName(name).setKind(kind).build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}
