package com.outsidein.journeys.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;

/** Reading Segment bodies without Quarkus: the clock correction, traits, ids and the refusals. */
class SegmentCallsTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-03-02T12:00:00Z");

    private static byte[] bytes(String json) {
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTimeIsCorrectedBySentAtAsSegmentDoes() {
        // Sent at 12:05 by the sender's clock, received at 12:00 by ours: the sender runs 5 minutes fast.
        List<SegmentCall> calls = SegmentCalls.batch(bytes("{'sentAt': '2026-03-02T12:05:00Z', 'batch': ["
                + "{'type': 'track', 'userId': 'a', 'event': 'E', 'timestamp': '2026-03-02T11:35:00.250Z'},"
                + "{'type': 'track', 'userId': 'a', 'event': 'E', 'timestamp': '2026-03-02T11:35:00Z', 'sentAt': '2026-03-02T11:59:00Z'},"
                + "{'type': 'track', 'userId': 'a', 'event': 'E'}]}"), RECEIVED);
        assertEquals(OffsetDateTime.parse("2026-03-02T11:30:00.250Z"), calls.get(0).occurredAt());
        assertEquals(OffsetDateTime.parse("2026-03-02T11:36:00Z"), calls.get(1).occurredAt(), "the call's own sentAt wins");
        assertEquals(RECEIVED, calls.get(2).occurredAt(), "no timestamp: the time received");
        assertEquals(OffsetDateTime.parse("2026-03-02T11:35:00Z"), SegmentCalls.single(bytes(
                "{'userId': 'a', 'event': 'E', 'timestamp': '2026-03-02T11:35:00Z'}"), "track", RECEIVED).occurredAt(),
                "no sentAt: the timestamp as sent");
    }

    @Test
    void traitsAreFlattenedToTextAndThePersonIsTheUserElseTheAnonymousId() {
        SegmentCall identify = SegmentCalls.single(bytes("{'anonymousId': 'anon-1', 'traits': {'name': 'Dana', 'employees': 250,"
                + " 'vip': true, 'address': {'city': 'Leeds', 'zip': null}, 'tags': ['a', 'b'], 'gone': null},"
                + " 'context': {'traits': {'region': 'emea'}}}"), "identify", RECEIVED);
        assertEquals("anon-1", identify.person());
        assertEquals(Map.of("name", "Dana", "employees", "250", "vip", "true", "address.city", "Leeds", "tags", "[\"a\",\"b\"]",
                "region", "emea"), identify.traits());
        SegmentCall track = SegmentCalls.single(bytes("{'userId': 42, 'anonymousId': 'anon-1', 'event': 'E',"
                + " 'traits': {'ignored': 'only identify traits count'}}"), "track", RECEIVED);
        assertEquals("42", track.person());
        assertEquals(Map.of(), track.traits());
    }

    @Test
    void aCallWithoutMessageIdIsKnownByItsContentSentAtAside() {
        String call = "{'userId': 'a', 'event': 'E', 'timestamp': '2026-03-02T11:35:00Z'%s}";
        String first = SegmentCalls.single(bytes(String.format(call, ", 'sentAt': '2026-03-02T11:59:00Z'")), "track", RECEIVED).messageId();
        String resent = SegmentCalls.single(bytes(String.format(call, ", 'sentAt': '2026-03-02T12:01:00Z'")), "track", RECEIVED).messageId();
        String other = SegmentCalls.single(bytes(String.format(call.replace("'E'", "'F'"), "")), "track", RECEIVED).messageId();
        assertEquals(first, resent);
        assertNotEquals(first, other);
        assertEquals("m-1", SegmentCalls.single(bytes("{'userId': 'a', 'event': 'E', 'messageId': 'm-1'}"), "track", RECEIVED)
                .messageId());
    }

    @Test
    void everyBadCallIsNamedAtOnceAndLimitsAreSegments() {
        ProblemException bad = assertThrows(ProblemException.class, () -> SegmentCalls.batch(bytes("{'batch': ["
                + "{'type': 'track', 'userId': 'a'}, {'type': 'jump', 'userId': 'a'}, {'type': 'page'},"
                + "{'type': 'page', 'userId': 'a', 'timestamp': '2126-01-01T00:00:00Z'}, 'text']}"), RECEIVED));
        assertEquals(400, bad.status());
        assertEquals(List.of("batch[0].event", "batch[1].type", "batch[2].userId", "batch[3].timestamp", "batch[4]"),
                bad.errors().stream().map(FieldError::field).toList());
        ProblemException tooLarge = assertThrows(ProblemException.class,
                () -> SegmentCalls.single(new byte[SegmentCalls.MAX_CALL_BYTES + 1], "track", RECEIVED));
        assertEquals(413, tooLarge.status());
        ProblemException malformed = assertThrows(ProblemException.class, () -> SegmentCalls.batch(bytes("{'batch': [}"), RECEIVED));
        assertEquals(400, malformed.status());
    }
}
