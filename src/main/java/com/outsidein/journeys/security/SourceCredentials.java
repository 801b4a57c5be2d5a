package com.outsidein.journeys.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * How CDPs authenticate, as Segment's API: HTTP Basic with the write key as user name and an empty password,
 * or {@code writeKey} in the JSON body (Segment's Java library sends it there). Only under the sources path.
 */
final class SourceCredentials {

    static final String PATH = "/api/v1/sources/";
    private static final String BASIC = "basic ";
    private static final JsonFactory JSON = new JsonFactory();

    private SourceCredentials() {
    }

    static boolean isBasic(String header) {
        return header.regionMatches(true, 0, BASIC, 0, BASIC.length());
    }

    /** The key of a Basic credential, or empty when it is not one (bad Base64, no colon, or a password given). */
    static Optional<String> basicKey(String header) {
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon != pair.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(pair.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The top-level {@code writeKey} of a JSON object body, if it has one; the body is only tokenised, not built. */
    static Optional<String> writeKey(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("writeKey") && value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty(); // the resource answers the malformed body once the key is known
        }
    }
}
