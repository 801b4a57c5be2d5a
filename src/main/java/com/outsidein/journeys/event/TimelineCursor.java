package com.outsidein.journeys.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.outsidein.journeys.http.Cursors;


/** Where a timeline page ends: the last event's time and id, opaque to clients. */
record TimelineCursor(OffsetDateTime occurredAt, String id) {

    private static final TimelineCursor START = new TimelineCursor(
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).minusSeconds(1), new UUID(0, 0).toString());

    static String of(OffsetDateTime occurredAt, String id) {
        return Cursors.of(occurredAt.toInstant(), id);
    }

    static TimelineCursor parse(String cursor) {
        if (cursor == null) {
            return START;
        }
        String[] fields = Cursors.fields(cursor, 2);
        try {
            return new TimelineCursor(OffsetDateTime.ofInstant(java.time.Instant.parse(fields[0]), ZoneOffset.UTC),
                    UUID.fromString(fields[1]).toString());
        } catch (RuntimeException e) {
            throw Cursors.invalid();
        }
    }
}
