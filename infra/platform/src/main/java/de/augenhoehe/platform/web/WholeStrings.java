package de.augenhoehe.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text is stored exactly as sent, or refused: JSON may escape half of a surrogate pair ({@code "Test\ud800fall"}),
 * which is no Unicode text; PostgreSQL's driver would store it as {@code Test?fall} (issue #16). Every string the
 * platform reads from JSON (fields, list elements) is checked here once and refused as a 400 malformed-request.
 */
final class WholeStrings extends StringDeserializer {

    /** The module that makes every service's JSON reading use it (Spring Boot registers module beans). */
    static SimpleModule module() {
        return new SimpleModule("augenhoehe-whole-strings").addDeserializer(String.class, new WholeStrings());
    }

    /** A string with half a surrogate pair: the detail of the 400 says so. */
    static final class LoneSurrogate extends InvalidFormatException {
        LoneSurrogate(JsonParser p, String value) {
            super(p, "Text contains a lone surrogate (half of a UTF-16 pair, \\uD800–\\uDFFF): not valid Unicode", value, String.class);
        }
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String value = super.deserialize(p, ctxt);
        if (value != null && hasLoneSurrogate(value)) {
            throw new LoneSurrogate(p, value);
        }
        return value;
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
