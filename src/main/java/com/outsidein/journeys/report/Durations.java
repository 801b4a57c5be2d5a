package com.outsidein.journeys.report;

import java.util.Arrays;

/** A growable list of durations in seconds, so a million of them are not a million boxed objects. */
public final class Durations {

    private long[] values = new long[16];
    private int size;

    public void addAll(Durations other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /**
     * Nearest-rank percentiles: the smallest value with at least p of the values at or below it.
     * Found by selection, not a full sort: a million-prospect funnel has that many durations per step.
     */
    public TimeToConvert summary() {
        if (size == 0) {
            return null;
        }
        long[] work = Arrays.copyOf(values, size);
        double sum = 0;
        for (long v : work) {
            sum += v;
        }
        // Highest rank first: each selection leaves everything below its rank on its left, so the
        // next, lower rank is searched in that part only.
        long p95 = select(work, 0, size - 1, rank(95));
        long p90 = select(work, 0, rank(95), rank(90));
        long p75 = select(work, 0, rank(90), rank(75));
        long p50 = select(work, 0, rank(75), rank(50));
        return new TimeToConvert(p50, p75, p90, p95, Math.round(sum / size * 10) / 10d);
    }

    private int rank(int percent) {
        return Math.max(0, (int) Math.ceil(percent / 100d * size) - 1);
    }

    /** Puts the k-th smallest of a[lo..hi] at a[k], smaller ones left of it, larger right; returns it. */
    static long select(long[] a, int lo, int hi, int k) {
        while (hi > lo) {
            long pivot = median(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
