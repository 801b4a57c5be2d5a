package com.outsidein.journeys.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.progress.ProgressEntries;

/**
 * Stored enums keep their codes forever: opt-outs hold a channel's code in packed progress, so a channel
 * added in the middle, or a reordering, must not change what stored rows mean. Plain JUnit.
 */
class StoredCodesTest {

    @Test
    void channelCodesArePinned() {
        Map<Channel, Integer> pinned = new LinkedHashMap<>();
        pinned.put(Channel.EMAIL, 1);
        pinned.put(Channel.WEBINAR, 2);
        pinned.put(Channel.WHITE_PAPER, 3);
        pinned.put(Channel.LANDING_PAGE, 4);
        pinned.put(Channel.LIVE_CHAT, 5);
        pinned.put(Channel.PHONE, 6);
        pinned.put(Channel.SALES_CALL, 7);
        pinned.put(Channel.MEETING, 8);
        pinned.put(Channel.EVENT, 9);
        pinned.put(Channel.NEWSLETTER, 10);
        pinned.put(Channel.SOCIAL, 11);
        pinned.put(Channel.DIRECT_MAIL, 12);
        pinned.put(Channel.OTHER, 13);
        assertEquals(Channel.values().length, pinned.size(), "a new channel needs a new, never used code pinned here");
        pinned.forEach((channel, code) -> assertEquals(code, channel.code, channel.name()));
        pinned.forEach((channel, code) -> assertEquals(code, ProgressEntries.channelCode(channel.name()), channel.name()));
        assertEquals(0, ProgressEntries.channelCode(""), "0 stands for every channel");
    }

    @Test
    void channelCodesAreUniqueAndNeverZero() {
        assertEquals(Channel.values().length, Arrays.stream(Channel.values()).mapToInt(c -> c.code).distinct().count());
        Arrays.stream(Channel.values()).forEach(c -> assertEquals(true, c.code > 0 && c.code < 4096, c.name()));
    }

    @Test
    void eventTypeCodesArePinned() {
        assertEquals(1, com.outsidein.journeys.event.EventType.STEP_ENTERED.code);
        assertEquals(2, com.outsidein.journeys.event.EventType.ACTION_PERFORMED.code);
        assertEquals(3, com.outsidein.journeys.event.EventType.TOUCHPOINT_DELIVERED.code);
        assertEquals(4, com.outsidein.journeys.event.EventType.OPTED_OUT.code);
        assertEquals(4, com.outsidein.journeys.event.EventType.values().length);
    }
}
