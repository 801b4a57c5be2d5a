package com.outsidein.journeys.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code capacity} items in an order, and how many were offered: a report's page without
 * keeping (or sorting) every row of a million prospects.
 */
public final class TopK<T> {

    private final PriorityQueue<T> kept;
    private final Comparator<T> order;
    private final int capacity;
    private long offered;

    public TopK(Comparator<T> order, int capacity) {
        this.order = order;
        this.capacity = capacity;
        this.kept = new PriorityQueue<>(order.reversed());
    }

    /** Whether an item that sorts like {@code probe} could still make the page; lets callers skip building it. */
    public boolean wouldKeep(T probe) {
        return kept.size() < capacity || order.compare(probe, kept.peek()) < 0;
    }

    public boolean isFull() {
        return kept.size() >= capacity;
    }

    /** The last item the page holds now; only when it is full. */
    public T worst() {
        return kept.peek();
    }

    public void count() {
        offered++;
    }

    public void offer(T item) {
        if (kept.size() < capacity) {
            kept.add(item);
        } else if (order.compare(item, kept.peek()) < 0) {
            kept.poll();
            kept.add(item);
        }
    }

    public long offered() {
        return offered;
    }

    /** Merges partitions: the first {@code capacity} of all, in order, and the total offered. */
    public static <T> TopK<T> merge(List<TopK<T>> parts) {
        TopK<T> all = new TopK<>(parts.get(0).order, parts.get(0).capacity);
        for (TopK<T> part : parts) {
            all.offered += part.offered;
            part.kept.forEach(all::offer);
        }
        return all;
    }

    public List<T> sorted() {
        List<T> items = new ArrayList<>(kept);
        items.sort(order);
        return items;
    }
}
