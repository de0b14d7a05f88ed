package de.augenhoehe.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: attributes travel as {@code ce_*} headers,
 * the data as the record value, W3C trace context as {@code traceparent}.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static void write(Headers headers, String id, String source, String type, String subject, Instant time,
            String traceparent) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, SUBJECT, subject);
        put(headers, TIME, time.toString());
        put(headers, CONTENT_TYPE, JSON);
        if (traceparent != null) {
            put(headers, TRACEPARENT, traceparent);
        }
    }

    /** Reads the envelope; a record that is not a CloudEvent of ours is unreadable and never retried. */
    public static Envelope read(ConsumerRecord<?, byte[]> record) {
        Headers h = record.headers();
        if (!"1.0".equals(text(h, SPEC_VERSION))) {
            throw new UnreadableEventException("not a CloudEvents 1.0 record (ce_specversion missing or unknown)");
        }
        String id = required(h, ID);
        String type = required(h, TYPE);
        String source = required(h, SOURCE);
        String subject = text(h, SUBJECT);
        String contentType = text(h, CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(JSON)) {
            throw new UnreadableEventException("unsupported content type " + contentType);
        }
        if (record.value() == null) {
            throw new UnreadableEventException("event " + id + " has no data");
        }
        Instant time;
        try {
            String t = text(h, TIME);
            time = t == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("event " + id + " has an unreadable ce_time");
        }
        return new Envelope(id, source, type, subject, time, text(h, TRACEPARENT));
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("header " + name + " missing");
        }
        return value;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The CloudEvents attributes of one record. */
    public record Envelope(String id, String source, String type, String subject, Instant time, String traceparent) {
    }
}
