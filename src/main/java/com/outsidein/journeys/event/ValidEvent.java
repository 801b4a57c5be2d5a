package com.outsidein.journeys.event;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An event that passed validation, in the form it is stored. */
record ValidEvent(int index, UUID id, String prospect, EventType type, String element, OffsetDateTime occurredAt,
        Map<String, String> attributes) {

    long epochSecond() {
        return occurredAt.toEpochSecond();
    }

    /** The time as stored: PostgreSQL keeps microseconds, and the validator truncates to them. */
    long epochMicros() {
        return occurredAt.toEpochSecond() * 1_000_000 + occurredAt.getNano() / 1_000;
    }

    /** Same event content, ignoring how the client wrote the time (offsets may differ). */
    boolean sameContent(ValidEvent other) {
        return prospect.equals(other.prospect) && type == other.type && element.equals(other.element)
                && occurredAt.toInstant().equals(other.occurredAt.toInstant())
                && Objects.equals(attributes.isEmpty() ? null : attributes,
                        other.attributes.isEmpty() ? null : other.attributes);
    }
}
