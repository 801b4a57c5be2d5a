package com.outsidein.journeys.report.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.outsidein.journeys.progress.ProgressEntries;

/**
 * One partition's counts for the drivers report, fed one prospect at a time from packed progress: who is in the
 * step's population, who advanced, and per signal how many had it and how many of those advanced. Pure: no
 * Quarkus, no database.
 */
final class DriversTally {

    /** Distinct values tracked per attribute; an email or a name would otherwise keep one counter per prospect. */
    static final int MAX_TRACKED_VALUES = 10_000;

    /** The step, what counts as advancing, and the range and window, all as refs and epoch seconds. */
    record Plan(int stepRef, Set<Integer> advanceRefs, long from, long to, long windowSeconds, int actions, int touchpoints) {
    }

    private final Plan plan;
    long population;
    long advanced;
    final long[][] actions;
    final long[][] touches;
    final Map<String, Map<String, long[]>> attributes = new LinkedHashMap<>();
    final Set<String> overValueCap = new TreeSet<>();
    private final int[] actionSeen;
    private final int[] touchSeen;
    private int generation;

    DriversTally(Plan plan) {
        this.plan = plan;
        actions = new long[plan.actions()][2];
        touches = new long[plan.touchpoints()][2];
        actionSeen = new int[plan.actions()];
        touchSeen = new int[plan.touchpoints()];
    }

    /**
     * Counts one prospect. Entries, actions and touches are packed and sorted by time; attributes are read only
     * for a prospect in the population: {@code attributes} then hands each name and value to the counter given.
     */
    void add(long[] entries, long[] performed, long[] delivered,
            java.util.function.Consumer<java.util.function.BiConsumer<String, String>> attributes) {
        long first = -1;
        for (long entry : entries) {
            if (ProgressEntries.ref(entry) == plan.stepRef()) {
                first = ProgressEntries.epochSecond(entry);
                break;
            }
        }
        if (first < plan.from() || first >= plan.to()) {
            return; // also when it never entered the step (first = -1 is before any range)
        }
        long deadline = first + plan.windowSeconds();
        long advancedAt = -1;
        // From the start: an entry in the same second as the first one may sort before it (same-second entries sort by ref).
        for (long entry : entries) {
            long at = ProgressEntries.epochSecond(entry);
            if (at > deadline) {
                break;
            }
            if (at >= first && plan.advanceRefs().contains(ProgressEntries.ref(entry))) {
                advancedAt = at;
                break;
            }
        }
        boolean moved = advancedAt >= 0;
        population++;
        if (moved) {
            advanced++;
        }
        // Evidence is what happened in the step before the move: after it, it cannot have caused it.
        long until = moved ? advancedAt : deadline;
        generation++;
        count(performed, first, until, actions, actionSeen, moved);
        count(delivered, first, until, touches, touchSeen, moved);
        attributes.accept((name, value) -> countAttribute(name, value, moved));
    }

    private void count(long[] packed, long from, long until, long[][] counts, int[] seen, boolean moved) {
        for (long p : packed) {
            long at = ProgressEntries.elementSecond(p);
            if (at >= until) {
                break;
            }
            int ref = ProgressEntries.elementRef(p);
            if (at >= from && ref < counts.length && seen[ref] != generation) {
                seen[ref] = generation;
                counts[ref][0]++;
                if (moved) {
                    counts[ref][1]++;
                }
            }
        }
    }

    private void countAttribute(String name, String value, boolean moved) {
        Map<String, long[]> values = attributes.computeIfAbsent(name, k -> new HashMap<>());
        long[] counts = values.get(value);
        if (counts == null) {
            if (values.size() >= MAX_TRACKED_VALUES) {
                overValueCap.add(name);
                return;
            }
            counts = new long[2];
            values.put(value, counts);
        }
        counts[0]++;
        if (moved) {
            counts[1]++;
        }
    }

    /** Adds another partition's counts to this one. */
    void merge(DriversTally other) {
        population += other.population;
        advanced += other.advanced;
        add(actions, other.actions);
        add(touches, other.touches);
        other.attributes.forEach((name, values) -> values.forEach((value, counts) -> {
            long[] mine = attributes.computeIfAbsent(name, k -> new HashMap<>()).computeIfAbsent(value, k -> new long[2]);
            mine[0] += counts[0];
            mine[1] += counts[1];
        }));
        overValueCap.addAll(other.overValueCap);
    }

    private static void add(long[][] into, long[][] from) {
        for (int r = 0; r < into.length; r++) {
            into[r][0] += from[r][0];
            into[r][1] += from[r][1];
        }
    }

    /** An attribute's values, most frequent first (ties by value), at most {@code limit}. */
    List<Map.Entry<String, long[]>> topValues(String name, int limit) {
        List<Map.Entry<String, long[]>> values = new ArrayList<>(attributes.getOrDefault(name, Map.of()).entrySet());
        values.sort(Map.Entry.<String, long[]>comparingByValue((x, y) -> Long.compare(y[0], x[0]))
                .thenComparing(Map.Entry.comparingByKey()));
        return values.subList(0, Math.min(limit, values.size()));
    }
}
