package com.outsidein.journeys.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A report's first page without sorting everything; plain JUnit. */
class TopKTest {

    @Test
    void keepsTheFirstInOrderAndCountsWhatWasOffered() {
        TopK<Integer> top = new TopK<>(Comparator.<Integer>naturalOrder(), 3);
        for (int v : new int[] { 9, 4, 7, 1, 8, 3 }) {
            top.count();
            top.offer(v);
        }
        assertEquals(List.of(1, 3, 4), top.sorted());
        assertEquals(6, top.offered());
        assertTrue(top.isFull());
        assertEquals(4, top.worst());
        assertFalse(top.wouldKeep(5));
        assertTrue(top.wouldKeep(2));
    }

    @Test
    void mergesPartitions() {
        TopK<Integer> a = new TopK<>(Comparator.<Integer>reverseOrder(), 2);
        TopK<Integer> b = new TopK<>(Comparator.<Integer>reverseOrder(), 2);
        List.of(5, 1, 9).forEach(v -> { a.count(); a.offer(v); });
        List.of(7, 8).forEach(v -> { b.count(); b.offer(v); });
        TopK<Integer> all = TopK.merge(List.of(a, b));
        assertEquals(List.of(9, 8), all.sorted());
        assertEquals(5, all.offered());
    }
}
