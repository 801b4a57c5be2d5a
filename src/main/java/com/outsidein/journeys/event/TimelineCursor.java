package com.outsidein.journeys.event;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;

/** Where a timeline page ends: the last event's time and id, opaque to clients. */
record TimelineCursor(OffsetDateTime occurredAt, String id) {

    private static final TimelineCursor START = new TimelineCursor(
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).minusSeconds(1), new UUID(0, 0).toString());

    static String of(OffsetDateTime occurredAt, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((occurredAt.toInstant() + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    static TimelineCursor parse(String cursor) {
        if (cursor == null) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("/", 2);
            return new TimelineCursor(OffsetDateTime.ofInstant(java.time.Instant.parse(parts[0]), ZoneOffset.UTC), UUID.fromString(parts[1]).toString());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor: not a cursor this API gave out",
                    List.of(new FieldError("cursor", "use the nextCursor of the previous page")));
        }
    }
}
