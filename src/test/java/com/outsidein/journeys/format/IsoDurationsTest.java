package com.outsidein.journeys.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Durations on pictures read as a person says them, not as ISO-8601. */
class IsoDurationsTest {

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertEquals("10 min", IsoDurations.readable("PT10M"));
        assertEquals("3 days", IsoDurations.readable("P3D"));
        assertEquals("1 day", IsoDurations.readable("P1D"));
        assertEquals("1 day", IsoDurations.readable("PT24H"));
        assertEquals("4 h", IsoDurations.readable("PT4H"));
        assertEquals("1 h 30 min", IsoDurations.readable("PT1H30M"));
        assertEquals("2 weeks", IsoDurations.readable("P2W"));
        assertEquals("1 week", IsoDurations.readable("P7D"));
        assertEquals("1 day 12 h", IsoDurations.readable("PT36H"));
        assertEquals("45 s", IsoDurations.readable("PT45S"));
        assertEquals("soon", IsoDurations.readable("soon"));
    }

    @Test
    void measuredTimesKeepTheirTwoLargestUnits() {
        assertEquals("1 day 3 h", IsoDurations.roughly(100_000));
        assertEquals("2 days", IsoDurations.roughly(172_800));
        assertEquals("2 days", IsoDurations.roughly(172_859), "minutes below the second unit are dropped");
        assertEquals("3 min 10 s", IsoDurations.roughly(190));
        assertEquals("1 h", IsoDurations.roughly(3_659), "the second unit is the next one, not the next non-zero one");
        assertEquals("0 s", IsoDurations.roughly(0));
    }
}
