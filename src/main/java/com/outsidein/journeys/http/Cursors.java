package com.outsidein.journeys.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;

/**
 * The one codec of page cursors: the last row's sort fields, joined and base64url-encoded, opaque to clients.
 * Anything this API did not give out is a 400 naming {@code cursor}.
 */
public final class Cursors {

    private static final String SEPARATOR = "\n";

    private Cursors() {
    }

    /** A cursor of these fields, in order. */
    public static String of(Object... fields) {
        StringBuilder raw = new StringBuilder();
        for (Object field : fields) {
            raw.append(raw.length() == 0 ? "" : SEPARATOR).append(field);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of a cursor this API gave out with exactly {@code count} of them. */
    public static String[] fields(String cursor, int count) {
        try {
            String[] fields = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (fields.length != count) {
                throw invalid();
            }
            return fields;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A cursor of one number, or {@code whenAbsent} for the first page. */
    public static long number(String cursor, long whenAbsent) {
        if (cursor == null) {
            return whenAbsent;
        }
        try {
            return Long.parseLong(fields(cursor, 1)[0]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The answer to a cursor this API did not give out. */
    public static ProblemException invalid() {
        return ProblemException.badRequest("cursor: not a cursor this API gave out",
                List.of(new FieldError("cursor", "use the nextCursor of the previous page")));
    }
}
