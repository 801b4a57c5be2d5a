package com.outsidein.journeys.event;

/**
 * A prospect's step entries packed into one long each: the entry's epoch second times 128 plus the
 * step's permanent ref. Sorting the longs sorts the entries by time.
 */
public final class ProgressEntries {

    public static final int REF_BITS = 7;
    private static final long REF_MASK = (1L << REF_BITS) - 1;

    private ProgressEntries() {
    }

    public static long pack(long epochSecond, int ref) {
        return (epochSecond << REF_BITS) | ref;
    }

    public static long epochSecond(long entry) {
        return entry >> REF_BITS;
    }

    public static int ref(long entry) {
        return (int) (entry & REF_MASK);
    }
}
