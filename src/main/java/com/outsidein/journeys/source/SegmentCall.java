package com.outsidein.journeys.source;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Segment-format call as the receiver reads it: which call, who, what, the properties a mapping may
 * test, the traits it carries, the id that makes a re-send a duplicate, and its clock-corrected time.
 */
record SegmentCall(int index, String type, String person, String name, JsonNode properties, Map<String, String> traits,
        String messageId, OffsetDateTime occurredAt) {

    boolean isIdentify() {
        return type.equals("identify");
    }
}
