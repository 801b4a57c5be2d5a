package com.outsidein.journeys.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The text form of a packed array, as a driver that does not send binary hands it over; plain JUnit. */
class PackedArraysTest {

    @Test
    void parsesCommaSeparatedLongsIncludingNegativesAndTheLargest() {
        assertArrayEquals(new long[] { 1, -2, 226204876805L, Long.MAX_VALUE },
                PackedArrays.parse("1,-2,226204876805," + Long.MAX_VALUE));
    }

    @Test
    void anEmptyOrAbsentArrayIsEmpty() {
        assertArrayEquals(new long[0], PackedArrays.parse(""));
        assertArrayEquals(new long[0], PackedArrays.parse(null));
    }
}
