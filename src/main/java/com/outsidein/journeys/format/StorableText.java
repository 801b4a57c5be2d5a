package com.outsidein.journeys.format;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text a client sends must be storable and printable: PostgreSQL cannot store NUL, and the map's XML
 * cannot carry other C0 control characters or half a surrogate pair. Refused where JSON is read, for
 * every string of every body (names, keys, prospect ids, attribute names and values), naming the field.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored, or null when it can. Tab, line feed and carriage return are fine. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return String.format("must not contain the control character U+%04X", (int) c);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must not contain half of a UTF-16 surrogate pair";
            }
        }
        return null;
    }

    /** Thrown by the reader; the problem mapper answers it as a 400 naming the field. */
    public static final class RefusedTextException extends JsonMappingException {
        RefusedTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    static SimpleModule module() {
        return new SimpleModule("storable-text")
                .addDeserializer(String.class, new Values())
                .addKeyDeserializer(String.class, new Keys());
    }

    private static final class Values extends StdScalarDeserializer<String> {
        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = text == null ? null : problem(text);
            if (problem != null) {
                throw new RefusedTextException(parser, problem);
            }
            return text;
        }
    }

    private static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String problem = problem(key);
            if (problem != null) {
                throw new RefusedTextException(context.getParser(), "a field name " + problem);
            }
            return key;
        }
    }
}
