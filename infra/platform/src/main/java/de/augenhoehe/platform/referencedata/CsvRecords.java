package de.augenhoehe.platform.referencedata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader: a configurable separator, fields in double quotes may hold the separator, line
 * breaks and doubled quotes; a leading byte-order mark is dropped; {@code \n} and {@code \r\n} end records. Each
 * record knows the physical line it starts on, so that an importer can name the line of a malformed record.
 */
public final class CsvRecords {

    /** One record: its fields and the line (1-based) it starts on. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return fields.get(i);
        }

        public int size() {
            return fields.size();
        }

        public boolean isBlank() {
            return fields.size() == 1 && fields.getFirst().isBlank();
        }
    }

    private final Reader in;
    private final char separator;
    private int line = 1;
    private int pushedBack = -2;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean first = true;

    public CsvRecords(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The next record, or null at the end of the input. */
    public Row next() {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(start, "unclosed quote: a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushBack(d);
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Row(start, List.copyOf(fields));
            }
            if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                throw new MalformedCsvException(start, "text after the closing quote of a field");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new MalformedCsvException(line, "the file is not UTF-8 text");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** The input is not CSV at {@link #line()}. */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
