package com.outsidein.journeys.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Percentiles found by selection must equal those read off a fully sorted copy, duplicates included. */
class PercentileSelectionTest {

    @Test
    void selectionAgreesWithSortingOnManyShapes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int size : new int[] { 1, 2, 3, 5, 19, 100, 1_001, 50_000 }) {
            for (int range : new int[] { 1, 3, 1_000, Integer.MAX_VALUE }) {
                Durations list = new Durations();
                long[] copy = new long[size];
                for (int i = 0; i < size; i++) {
                    copy[i] = random.nextInt(range);
                    list.add(copy[i]);
                }
                Arrays.sort(copy);
                TimeToConvert summary = list.summary();
                String shape = size + " values below " + range;
                assertEquals(nearestRank(copy, 50), summary.p50(), shape);
                assertEquals(nearestRank(copy, 75), summary.p75(), shape);
                assertEquals(nearestRank(copy, 90), summary.p90(), shape);
                assertEquals(nearestRank(copy, 95), summary.p95(), shape);
            }
        }
    }

    @Test
    void sortedAndReversedInputs() {
        Durations ascending = new Durations();
        Durations descending = new Durations();
        for (int i = 1; i <= 200; i++) {
            ascending.add(i);
            descending.add(201 - i);
        }
        // Nearest rank of 200 values 1..200: p50 is the 100th, p75 the 150th, p90 the 180th, p95 the 190th.
        for (Durations list : new Durations[] { ascending, descending }) {
            TimeToConvert summary = list.summary();
            assertEquals(100, summary.p50());
            assertEquals(150, summary.p75());
            assertEquals(180, summary.p90());
            assertEquals(190, summary.p95());
            assertEquals(100.5, summary.mean());
        }
    }

    private static long nearestRank(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
